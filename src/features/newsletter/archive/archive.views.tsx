import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, isLocale } from '../../../platform/i18n/locales.ts';
import { Pager } from '../../../platform/ui/components/search.tsx';
import { EditionView, languageMarker } from '../render/edition.views.tsx';
import type { RenderedEdition } from '../render/edition-render.service.ts';
import { SubscribeForm, type SubscribeFormProps } from '../subscribers/subscribe-form.views.tsx';
import type { ArchivePage as ArchiveList } from './archive.service.ts';

// The newsletter's public pages: the archive with the subscription, and one edition's web version.

export type Choice = { slug: string; name: string };

export const archivePath = (locale: string) => `/${locale}/newsletter`;
export const feedPath = (locale: string) => `/${locale}/newsletter/feed.atom`;
export const editionPath = (locale: string, number: number) => `/${locale}/newsletter/${number}`;

/** Text in another language than the page's keeps its own language and direction. */
function Own({ i18n, locale, text }: { i18n: I18n; locale: string; text: string }) {
  if (locale === i18n.locale) return <>{text}</>;
  return (
    <span lang={locale} dir={isLocale(locale) ? directionOf(locale) : 'auto'}>
      {text}
    </span>
  );
}

function EditionList({ i18n, archive }: { i18n: I18n; archive: ArchiveList }) {
  const { t, locale } = i18n;
  if (archive.entries.length === 0) return <p class="empty">{t('newsletter.archive.empty')}</p>;
  return (
    <ul class="result-list">
      {archive.entries.map((entry) => {
        const marker = languageMarker(i18n, entry.locale);
        return (
          <li class="card">
            <p class="kicker">
              {t('newsletter.edition.number', { number: entry.number })} · <time datetime={entry.date}>{i18n.formatDate(entry.date)}</time>
            </p>
            <h3>
              <a href={editionPath(locale, entry.number)}>
                <Own i18n={i18n} locale={entry.locale} text={entry.subject || t('newsletter.edition.untitled', { number: entry.number })} />
              </a>
              {marker ? <span class="meta"> {marker}</span> : null}
            </h3>
            {entry.preheader ? (
              <p>
                <Own i18n={i18n} locale={entry.locale} text={entry.preheader} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export type NewsletterArchiveProps = {
  i18n: I18n;
  archive: ArchiveList;
  subscribe: Omit<SubscribeFormProps, 'i18n' | 'variant'>;
};

export function NewsletterArchivePage({ i18n, archive, subscribe }: NewsletterArchiveProps) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('newsletter.title')}</h1>
      <p class="lead">{t('newsletter.intro')}</p>
      <section id="subscribe" aria-labelledby="subscribe-title">
        <h2 id="subscribe-title">{t('newsletter.archive.subscribeTitle')}</h2>
        <p>{t('newsletter.archive.subscribeIntro')}</p>
        <SubscribeForm i18n={i18n} variant="full" {...subscribe} />
      </section>
      <section aria-labelledby="editions-title">
        <h2 id="editions-title">{t('newsletter.archive.title')}</h2>
        <EditionList i18n={i18n} archive={archive} />
        <Pager
          page={archive.page}
          pages={archive.pages}
          href={(page) => (page === 1 ? archivePath(locale) : `${archivePath(locale)}?page=${page}`)}
          labels={{
            nav: t('newsletter.archive.pagerNav'),
            previous: t('newsletter.archive.newer'),
            next: t('newsletter.archive.older'),
            pageOf: t('newsletter.archive.pageOf', { page: archive.page, pages: archive.pages }),
          }}
        />
        <p>
          <a href={feedPath(locale)} type="application/atom+xml">
            {t('newsletter.archive.feed')}
          </a>
        </p>
      </section>
    </>
  );
}

export function EditionPage({ i18n, edition }: { i18n: I18n; edition: RenderedEdition }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditionView i18n={i18n} edition={edition} />
      <nav class="actions" aria-label={t('newsletter.title')}>
        <a href={archivePath(locale)}>{t('newsletter.archive.all')}</a> ·{' '}
        <a href={`${archivePath(locale)}#subscribe`}>{t('newsletter.archive.subscribeTitle')}</a>
      </nav>
    </>
  );
}

/** The feed's announcement in <head>, so browsers and feed readers find it. */
export function FeedLink({ i18n, baseUrl }: { i18n: I18n; baseUrl: string }) {
  return (
    <link
      rel="alternate"
      type="application/atom+xml"
      title={i18n.t('newsletter.feed.title', { site: i18n.t('common.siteName') })}
      href={`${baseUrl}${feedPath(i18n.locale)}`}
    />
  );
}
