import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { Pager } from '../../platform/ui/components/search.tsx';
import type { NavEntry } from '../../platform/ui/navigation.ts';
import { countLabel, type SiteSearchHit, type SiteSearchResult } from './search.service.ts';
import type { SearchType } from './search-sources.ts';

// The site search page: the words, tabs per type with counts ("All" first), the results of the chosen
// type (or all, merged) with their type and language, the pager; without words, a short invitation.
// A plain GET form: the address is the search, and it works without JavaScript.

export type SearchPageProps = {
  i18n: I18n;
  /** The words as typed (kept when refused). */
  q: string;
  /** The message key when the words were refused. */
  error: string | null;
  type: SearchType | null;
  result: SiteSearchResult | null;
  /** Query parameters the page did not understand (a bad type or page): named in a note. */
  ignored: string[];
  /** Sections to browse when nothing matched. */
  sections: NavEntry[];
};

export function searchHref(locale: string, q: string, type: SearchType | null, page = 1): string {
  const params = new URLSearchParams({ q });
  if (type) params.set('type', type);
  if (page > 1) params.set('page', String(page));
  return `/${locale}/search?${params}`;
}

export function SearchResultsPage(props: SearchPageProps) {
  const { i18n, q, result } = props;
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('search.title')}</h1>
      <form method="get" action={`/${locale}/search`} class="search-bar site-search-page">
        <label for="search-q">{t('search.wordsLabel')}</label>
        <div class="search-row">
          <input
            id="search-q"
            name="q"
            type="search"
            value={q}
            maxlength={200}
            dir="auto"
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'search-q-error' : undefined}
          />
          <button type="submit" class="button">
            {t('common.search.searchAction')}
          </button>
        </div>
        {props.error ? (
          <p class="field-error" id="search-q-error">
            {t(props.error)}
          </p>
        ) : null}
      </form>
      {props.ignored.length > 0 ? (
        <p class="notice" role="status">
          {t('common.search.ignored')} <bdi dir="ltr">{props.ignored.join(t('common.listSeparator'))}</bdi>
        </p>
      ) : null}
      {result ? <Results {...props} result={result} /> : <p class="lead">{t('search.noQuery')}</p>}
    </>
  );
}

function Results(props: SearchPageProps & { result: SiteSearchResult }) {
  const { i18n, q, type, result } = props;
  const { t, locale, formatNumber } = i18n;
  const capped = result.facets.some((f) => f.capped);
  // As searchSite's total: the capped types' known part, and one more meaning "and more".
  const all = { total: result.facets.reduce((s, f) => s + (f.capped ? f.total - 1 : f.total), 0) + (capped ? 1 : 0), capped };
  const shown = type === null ? all : { total: result.total, capped: result.capped };
  const count = shown.capped ? t('search.countMore', { count: formatNumber(shown.total - 1) }) : t('search.count', { count: shown.total });
  return (
    <>
      <div role="status" class="results-count">
        <h2 id="results-title">{count}</h2>
      </div>
      {result.unavailable.length > 0 ? (
        <p class="notice">
          {t('search.unavailable', { types: result.unavailable.map((u) => t(`search.types.${u}`)).join(t('common.listSeparator')) })}
        </p>
      ) : null}
      <nav class="tabs search-types" aria-label={t('search.typesNav')}>
        <a href={searchHref(locale, q, null)} aria-current={type === null ? 'page' : undefined}>
          {t('search.all')} <span class="count">({countLabel(formatNumber, all)})</span>
        </a>
        {result.facets
          .filter((f) => f.total > 0 || f.type === type)
          .map((f) => (
            <a href={searchHref(locale, q, f.type)} aria-current={f.type === type ? 'page' : undefined}>
              {t(`search.types.${f.type}`)} <span class="count">({countLabel(formatNumber, f)})</span>
            </a>
          ))}
      </nav>
      <section class="results" aria-labelledby="results-title">
        {result.items.length > 0 ? (
          <ol class="result-list">
            {result.items.map((hit) => (
              <Hit i18n={i18n} hit={hit} />
            ))}
          </ol>
        ) : result.total > 0 ? (
          <p class="empty">
            {t('search.pageEmpty')} <a href={searchHref(locale, q, type)}>{t('search.firstPage')}</a>
          </p>
        ) : (
          <Suggestions {...props} />
        )}
        <Pager
          page={result.page}
          pages={result.pages}
          href={(page) => searchHref(locale, q, type, page)}
          labels={{
            nav: t('common.search.pagination'),
            previous: t('common.search.previous'),
            next: t('common.search.next'),
            pageOf: t('common.search.pageOf', { page: result.page, pages: result.pages }),
          }}
        />
      </section>
    </>
  );
}

function Hit({ i18n, hit }: { i18n: I18n; hit: SiteSearchHit }) {
  const { t, locale } = i18n;
  return (
    <li class="card search-hit">
      <p class="meta">{t(`search.type.${hit.type}`)}</p>
      <InLanguage i18n={i18n} contentLocale={hit.language}>
        <h3>
          <a href={hit.path} hreflang={hit.language === locale ? undefined : hit.language}>
            {hit.title}
          </a>
        </h3>
        {hit.summary ? <p>{hit.summary}</p> : null}
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={hit.language} />
    </li>
  );
}

function Suggestions(props: SearchPageProps) {
  const { i18n, q, type, sections } = props;
  const { t, locale } = i18n;
  return (
    <div class="empty">
      <p>{t('search.empty', { q })}</p>
      <h3>{t('search.suggestionsTitle')}</h3>
      <ul>
        <li>{t('search.suggestion.spelling')}</li>
        <li>{t('search.suggestion.language')}</li>
        {type ? (
          <li>
            <a href={searchHref(locale, q, null)}>{t('search.suggestion.allTypes')}</a>
          </li>
        ) : null}
        {sections.length > 0 ? (
          <li>
            {t('search.suggestion.browse')}{' '}
            {sections.map((s, i) => (
              <>
                {i > 0 ? t('common.listSeparator') : null}
                <a href={`/${locale}${s.href}`}>{t(s.label)}</a>
              </>
            ))}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
