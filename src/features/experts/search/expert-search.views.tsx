import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, placeLabel } from '../../../platform/ui/components/content.tsx';
import { Facet, Pager } from '../../../platform/ui/components/search.tsx';
import { type ExpertFacetName, FACETS } from '../directory-index/expert-index.model.ts';
import { type ExpertSearchParams, expertQueryString } from './expert-search.forms.ts';
import type { ExpertHit, ExpertSearchResult } from './expert-search.service.ts';

function listHref(locale: string, params: ExpertSearchParams, page: number): string {
  const qs = expertQueryString(params, page);
  return `/${locale}/experts${qs ? `?${qs}` : ''}`;
}

/** One expert in a list: name (linking to the profile), headline, role and place, languages. */
export function ExpertCard({ i18n, hit, heading = 'h3' }: { i18n: I18n; hit: ExpertHit; heading?: 'h3' | 'h4' }) {
  const { t, locale } = i18n;
  const Heading = heading;
  return (
    <>
      <Heading>
        <a href={`/${locale}/experts/${hit.slug}`} dir="auto">
          {hit.name}
        </a>
      </Heading>
      {hit.headline && hit.contentLocale ? (
        <InLanguage i18n={i18n} contentLocale={hit.contentLocale}>
          <p>{hit.headline}</p>
        </InLanguage>
      ) : null}
      <p class="meta">
        {[[hit.position, hit.organisation].filter(Boolean).join(', '), placeLabel(i18n, hit.city, hit.countryCode)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {hit.languages.length ? (
        <p class="meta">
          {t('experts.speaks', {
            languages: hit.languages.map((l) => i18n.languageName(l.code)).join(t('common.listSeparator')),
          })}
        </p>
      ) : null}
      {hit.contentLocale ? <FallbackNote i18n={i18n} contentLocale={hit.contentLocale} /> : null}
    </>
  );
}

export type ExpertSearchPageProps = {
  i18n: I18n;
  params: ExpertSearchParams;
  result: ExpertSearchResult;
  themes: ThemeWithTopics[];
  /** What the reader's role lets them see, said on the page so nobody wonders where the others are. */
  scope: 'public' | 'members' | 'all';
};

/** The directory: search, facets and results in one GET form (shareable URLs, no JavaScript). */
export function ExpertSearchPage({ i18n, params, result, themes, scope }: ExpertSearchPageProps) {
  const { t, locale } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const options = (facet: ExpertFacetName, label: (v: string) => string) =>
    result.facets[facet].map((f) => ({ value: f.value, count: f.count, label: label(f.value) }));
  const filtered = FACETS.some((facet) => params[facet].length > 0);
  // In the order of FACETS: each with its legend and how its values read.
  const facets: Array<[ExpertFacetName, string, (v: string) => string]> = [
    ['theme', t('practices.facetTheme'), (v) => themeLabel.get(v) ?? v],
    ['topic', t('practices.facetTopic'), (v) => topicLabel.get(v) ?? v],
    ['language', t('experts.facetLanguage'), (v) => i18n.languageName(v)],
    ['region', t('experts.facetRegion'), (v) => t(`common.regions.${v}`)],
    ['country', t('experts.facetCountry'), (v) => i18n.countryName(v)],
    ['availability', t('experts.facetAvailability'), (v) => t(`experts.availability.${v}`)],
  ];
  return (
    <>
      <h1>{t('experts.title')}</h1>
      <p class="lead">{t('experts.intro')}</p>
      <p>
        {t(`experts.scope.${scope}`)} <a href={`/${locale}/my/expert-profile`}>{t('experts.joinDirectory')}</a>
      </p>
      <form method="get" action={`/${locale}/experts`} class="search-layout">
        <div class="search-bar">
          <label for="expert-q">{t('experts.searchLabel')}</label>
          <div class="search-row">
            <input id="expert-q" name="q" type="search" value={params.q} maxlength={200} dir="auto" />
            <button type="submit" class="button">
              {t('practices.searchAction')}
            </button>
          </div>
          {params.q ? (
            <div class="sort">
              <label for="expert-sort">{t('practices.sortLabel')}</label>
              <select id="expert-sort" name="sort">
                <option value="relevance" selected={params.sort === 'relevance'}>
                  {t('practices.sortRelevance')}
                </option>
                <option value="name" selected={params.sort === 'name'}>
                  {t('experts.sortName')}
                </option>
              </select>
            </div>
          ) : null}
        </div>
        <div class="facets">
          <h2 class="facets-title">{t('practices.filtersTitle')}</h2>
          {facets.map(([name, legend, label]) => (
            <Facet i18n={i18n} name={name} legend={legend} options={options(name, label)} selected={params[name]} />
          ))}
          <button type="submit" class="button secondary">
            {t('practices.applyFilters')}
          </button>
          {filtered || params.q ? (
            <p>
              <a href={`/${locale}/experts`}>{t('practices.clearFilters')}</a>
            </p>
          ) : null}
        </div>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {t('experts.resultCount', { count: result.total })}
          </h2>
          {result.items.length === 0 ? (
            <p class="empty">{t('experts.noResults')}</p>
          ) : (
            <ol class="result-list">
              {result.items.map((hit) => (
                <li class="card">
                  <ExpertCard i18n={i18n} hit={hit} />
                </li>
              ))}
            </ol>
          )}
          <Pager
            page={result.page}
            pages={result.pages}
            href={(page) => listHref(locale, params, page)}
            labels={{
              nav: t('practices.pagination'),
              previous: t('practices.previous'),
              next: t('practices.next'),
              pageOf: t('practices.pageOf', { page: result.page, pages: result.pages }),
            }}
          />
        </section>
      </form>
    </>
  );
}
