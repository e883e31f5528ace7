import { raw } from 'hono/html';
import { imageSrcset, uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { renderMarkdown } from '../../platform/lib/markdown.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { FilterSelect, Pager } from '../../platform/ui/components/search.tsx';
import type { NewsArticle, NewsCard, RelatedLink } from './news-page.service.ts';

// The public news: the list with its filters, an article, and the cards the home page borrows.

const day = (i18n: I18n, at: Date) => i18n.formatDate(at.toISOString().slice(0, 10));
const altOf = (alt: Record<string, string>, ...locales: string[]) =>
  locales.map((l) => alt[l]).find(Boolean) ?? Object.values(alt)[0] ?? '';

/** Article cards: title, date, lead; in the language shown, marked when it is not the reader's. */
export function NewsCards({ i18n, items, level = 3 }: { i18n: I18n; items: NewsCard[]; level?: 2 | 3 }) {
  const { locale } = i18n;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards news-cards">
      {items.map((n) => (
        <li class="card">
          <InLanguage i18n={i18n} contentLocale={n.locale}>
            <Heading>
              <a href={`/${locale}/news/${n.slug}`}>{n.title}</a>
            </Heading>
            <p class="meta">
              <time datetime={n.published_at.toISOString()}>{day(i18n, n.published_at)}</time>
            </p>
            <p>{n.lead}</p>
          </InLanguage>
          <FallbackNote i18n={i18n} contentLocale={n.locale} />
        </li>
      ))}
    </ul>
  );
}

export type NewsListProps = {
  i18n: I18n;
  items: NewsCard[];
  total: number;
  page: number;
  pages: number;
  filter: { theme: string; region: string; year: string };
  themes: Array<{ slug: string; label: string }>;
  regions: Array<{ slug: string; label: string }>;
  years: number[];
};

export function NewsListPage(props: NewsListProps) {
  const { i18n, filter } = props;
  const { t, locale } = i18n;
  const href = (page: number) => {
    const params = new URLSearchParams(Object.entries({ ...filter, page: page > 1 ? String(page) : '' }).filter(([, v]) => v));
    const query = params.toString();
    return `/${locale}/news${query ? `?${query}` : ''}`;
  };
  return (
    <>
      <h1>{t('news.title')}</h1>
      <p class="lead">{t('news.lead')}</p>
      <form method="get" action={`/${locale}/news`} class="filters" aria-label={t('news.filters')}>
        <FilterSelect
          name="theme"
          label={t('news.theme')}
          any={t('news.any')}
          selected={filter.theme}
          options={props.themes.map((x) => ({ value: x.slug, label: x.label }))}
        />
        <FilterSelect
          name="region"
          label={t('news.region')}
          any={t('news.any')}
          selected={filter.region}
          options={props.regions.map((x) => ({ value: x.slug, label: x.label }))}
        />
        <FilterSelect
          name="year"
          label={t('news.year')}
          any={t('news.any')}
          selected={filter.year}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit" class="button secondary">
          {t('news.filter')}
        </button>
      </form>
      <p role="status">{t('news.count', { count: props.total })}</p>
      {props.items.length ? <NewsCards i18n={i18n} items={props.items} level={2} /> : <p class="empty">{t('news.empty')}</p>}
      <Pager
        page={props.page}
        pages={props.pages}
        href={href}
        labels={{
          nav: t('news.pages'),
          previous: t('common.search.previous'),
          next: t('common.search.next'),
          pageOf: t('common.search.pageOf', { page: props.page, pages: props.pages }),
        }}
      />
      <p>
        <a href={`/${locale}/news/feed.atom`} type="application/atom+xml">
          {t('news.feed')}
        </a>
      </p>
    </>
  );
}

export function NewsArticlePage(props: {
  i18n: I18n;
  article: NewsArticle;
  labels: { themes: string[]; regions: string[] };
  related: RelatedLink[];
  sharingTheme: NewsCard[];
  preview?: boolean;
}) {
  const { i18n, article: a } = props;
  const { t } = i18n;
  const text = a.text;
  return (
    <article class="news-article">
      {props.preview ? (
        <p class="notice" role="status">
          {t('news.editor.previewNote', { status: t(`news.editor.status.${a.status}`) })}
        </p>
      ) : null}
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
        {a.published_at ? (
          <p class="meta">
            {t('news.published')}: <time datetime={a.published_at.toISOString()}>{day(i18n, a.published_at)}</time>
          </p>
        ) : null}
        <p class="lead">{text.lead}</p>
        {a.picture_sha256 ? (
          <figure class="news-picture">
            <img
              src={uploadUrl(a.picture_sha256, 'image', 'small')}
              srcset={imageSrcset(a.picture_sha256, a.picture_width ?? 0)}
              sizes="(min-width: 48rem) 45rem, 100vw"
              alt={altOf(a.picture_alt, i18n.locale, text.locale)}
              width={a.picture_width || undefined}
              height={a.picture_height || undefined}
            />
            {a.picture_credit ? <figcaption>{t('news.creditLine', { credit: a.picture_credit })}</figcaption> : null}
          </figure>
        ) : null}
        <div class="prose">{raw(renderMarkdown(text.body))}</div>
      </InLanguage>
      <dl class="facts">
        {props.labels.themes.length ? (
          <>
            <dt>{t('news.themes')}</dt>
            <dd>{props.labels.themes.join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {props.labels.regions.length ? (
          <>
            <dt>{t('news.regions')}</dt>
            <dd>{props.labels.regions.join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {a.countries.length ? (
          <>
            <dt>{t('news.countries')}</dt>
            <dd>{a.countries.map((c) => i18n.countryName(c)).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
      </dl>
      {props.related.length ? (
        <section aria-labelledby="news-related">
          <h2 id="news-related">{t('news.relatedTitle')}</h2>
          <ul>
            {props.related.map((r) => (
              <li>
                {t(`news.kind.${r.kind}`)}:{' '}
                <a href={r.url} dir="auto">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.sharingTheme.length ? (
        <section aria-labelledby="news-more">
          <h2 id="news-more">{t('news.moreOnTheme')}</h2>
          <NewsCards i18n={i18n} items={props.sharingTheme} />
        </section>
      ) : null}
    </article>
  );
}
