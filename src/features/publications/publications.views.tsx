import { raw } from 'hono/html';
import { imageSrcset, uploadUrl } from '../../core/uploads/uploads.service.ts';
import { megabytes } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { markdownToText, renderMarkdown } from '../../platform/lib/markdown.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { FilterSelect } from '../../platform/ui/components/search.tsx';
import { SearchPage } from '../../platform/ui/components/search-page.tsx';
import type { PublicationParams } from './publications.forms.ts';
import type { PublicationListRow } from './publications.queries.ts';
import { documentHref, type LoadedPublication, type PublicationSearchResult } from './publications.service.ts';
import { PUBLICATION_KINDS } from './publications.table.ts';

// The library for everyone: a GET form (words, kind, theme, region, year, document language) with the
// publications as cards, and one publication's page with its download. Without JavaScript.

export function publicationQueryString(params: PublicationParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const [key, values] of [
    ['kind', params.kind],
    ['theme', params.theme],
    ['region', params.region],
    ['year', params.year.map(String)],
    ['lang', params.lang],
  ] as const)
    for (const v of values) query.append(key, v);
  if (page > 1) query.set('page', String(page));
  return query.toString();
}

/** "English, Arabic": the languages of the document itself, named in the reader's language. */
export const languageList = (i18n: I18n, codes: string[]) => codes.map((c) => i18n.languageName(c)).join(i18n.t('common.listSeparator'));

export type PublicationsPageProps = {
  i18n: I18n;
  params: PublicationParams;
  ignored: string[];
  result: PublicationSearchResult;
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
  years: number[];
  languages: string[];
};

export function PublicationsPage(props: PublicationsPageProps) {
  const { i18n, params, result } = props;
  const { t, locale } = i18n;
  const applied = params.kind.length + params.theme.length + params.region.length + params.year.length + params.lang.length;
  const select = (name: string, label: string, any: string, selected: string, options: Array<{ value: string; label: string }>) => (
    <FilterSelect name={name} label={label} any={any} selected={selected} options={options} />
  );
  return (
    <SearchPage
      i18n={i18n}
      title={t('publications.title')}
      lead={t('publications.intro')}
      ignored={props.ignored}
      action={`/${locale}/publications`}
      layout="facets"
      search={{ prefix: 'publication', label: t('publications.search'), q: params.q }}
      applied={applied}
      filters={
        <>
          {select(
            'kind',
            t('publications.kindLabel'),
            t('publications.anyKind'),
            params.kind[0] ?? '',
            PUBLICATION_KINDS.map((k) => ({ value: k, label: t(`publications.kind.${k}`) })),
          )}
          {select(
            'theme',
            t('publications.theme'),
            t('publications.anyTheme'),
            params.theme[0] ?? '',
            props.themes.map((th) => ({ value: th.slug, label: th.label })),
          )}
          {select(
            'region',
            t('publications.region'),
            t('publications.anyRegion'),
            params.region[0] ?? '',
            props.regions.map((r) => ({ value: r, label: t(`common.regions.${r}`) })),
          )}
          {select(
            'year',
            t('publications.year'),
            t('publications.anyYear'),
            params.year[0] ? String(params.year[0]) : '',
            props.years.map((y) => ({ value: String(y), label: String(y) })),
          )}
          {select(
            'lang',
            t('publications.documentLanguage'),
            t('publications.anyLanguage'),
            params.lang[0] ?? '',
            props.languages.map((l) => ({ value: l, label: i18n.languageName(l) })),
          )}
        </>
      }
      clearHref={applied > 0 || params.q ? `/${locale}/publications` : false}
      results={{
        result,
        count: t('publications.resultCount', { count: result.total }),
        empty: t('publications.none'),
        card: (p) => <PublicationCard i18n={i18n} publication={p} />,
        href: (page) => {
          const qs = publicationQueryString(params, page);
          return `/${locale}/publications${qs ? `?${qs}` : ''}`;
        },
      }}
      below={
        <p>
          <a href={`/${locale}/publications/feed.atom`} type="application/atom+xml">
            {t('publications.feed')}
          </a>
        </p>
      }
    />
  );
}

function PublicationCard({ i18n, publication: p }: { i18n: I18n; publication: PublicationListRow }) {
  const { t, locale } = i18n;
  return (
    <>
      <p class="kicker">
        {t(`publications.kind.${p.kind}`)} · {p.year}
      </p>
      <InLanguage i18n={i18n} contentLocale={p.content_locale}>
        <h3>
          <a href={`/${locale}/publications/${p.slug}`}>{p.title}</a>
        </h3>
        <p>{markdownToText(p.summary, 300)}</p>
      </InLanguage>
      {p.languages.length ? <p class="meta">{t('publications.inLanguages', { languages: languageList(i18n, p.languages) })}</p> : null}
      <FallbackNote i18n={i18n} contentLocale={p.content_locale} />
    </>
  );
}

export type PublicationPageProps = LoadedPublication & {
  i18n: I18n;
  themeLabels: Map<string, string>;
  isEditor: boolean;
};

export function PublicationPage({ i18n, publication: p, text, themeLabels, isEditor }: PublicationPageProps) {
  const { t, locale } = i18n;
  const eventTitle = p.event ? (p.event.titles[locale] ?? p.event.titles.en ?? Object.values(p.event.titles)[0] ?? p.event.slug) : '';
  return (
    <article class="publication">
      <p class="kicker">
        {t(`publications.kind.${p.kind}`)} · {p.year}
        {p.status !== 'published' ? ` · ${t('publications.draft')}` : ''}
      </p>
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      {isEditor ? (
        <p>
          <a href={`/${locale}/editor/publications/${p.slug}/edit`}>{t('publications.editor.edit')}</a>
        </p>
      ) : null}
      {p.cover ? (
        <img
          class="publication-cover"
          src={uploadUrl(p.cover.sha256, 'image', 'small')}
          srcset={imageSrcset(p.cover.sha256, p.cover.width)}
          sizes="(min-width: 40rem) 20rem, 100vw"
          width={p.cover.width}
          height={p.cover.height}
          alt={text.cover_alt}
          lang={text.locale}
        />
      ) : null}
      {text.summary ? (
        <InLanguage i18n={i18n} contentLocale={text.locale}>
          <div class="prose">{raw(renderMarkdown(text.summary))}</div>
        </InLanguage>
      ) : null}
      <section aria-labelledby="publication-download" class="callout">
        <h2 id="publication-download">{t('publications.document')}</h2>
        <dl class="facts">
          <dt>{t('publications.documentLanguage')}</dt>
          <dd>{p.languages.length ? languageList(i18n, p.languages) : t('publications.languageUnknown')}</dd>
          {p.file ? (
            <>
              <dt>{t('publications.fileSizeLabel')}</dt>
              <dd>{t('publications.fileSize', { size: megabytes(p.file.bytes) })}</dd>
            </>
          ) : null}
        </dl>
        {p.file ? (
          <p>
            <a class="button" href={documentHref(p)} download={p.file.original_name}>
              {t('publications.download')}
            </a>
          </p>
        ) : (
          <p>
            <a class="button" href={documentHref(p)} rel="noopener noreferrer external">
              {t('publications.openExternal')}
            </a>{' '}
            <span class="meta">{t('publications.externalNote', { host: hostOf(p.url ?? '') })}</span>
          </p>
        )}
      </section>
      <dl class="facts">
        {p.event ? (
          <>
            <dt>{t('publications.documentsEvent')}</dt>
            <dd>
              <a href={`/${locale}/events/${p.event.slug}`} dir="auto">
                {eventTitle}
              </a>
            </dd>
          </>
        ) : null}
        {p.themes.length ? (
          <>
            <dt>{t('publications.theme')}</dt>
            <dd>{p.themes.map((s) => themeLabels.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
        {p.regions.length ? (
          <>
            <dt>{t('publications.region')}</dt>
            <dd>{p.regions.map((r) => t(`common.regions.${r}`)).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/${locale}/publications`}>{t('publications.back')}</a>
      </p>
    </article>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
