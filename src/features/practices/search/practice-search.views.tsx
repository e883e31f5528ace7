import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, periodLabel, placeLabel } from '../../../platform/ui/components/content.tsx';
import { Facet, Pager } from '../../../platform/ui/components/search.tsx';
import { type PracticeSearchParams, searchQueryString } from './practice-search.forms.ts';
import type { PracticeSearchResult } from './practice-search.service.ts';

function searchHref(locale: string, params: PracticeSearchParams, page: number): string {
  const qs = searchQueryString(params, page);
  return `/${locale}/practices${qs ? `?${qs}` : ''}`;
}

export type SearchPageProps = { i18n: I18n; params: PracticeSearchParams; result: PracticeSearchResult; themes: ThemeWithTopics[] };

export function PracticeSearchPage({ i18n, params, result, themes }: SearchPageProps) {
  const { t, locale } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const options = (facet: keyof PracticeSearchResult['facets'], label: (v: string) => string) =>
    result.facets[facet].map((f) => ({ value: f.value, count: f.count, label: label(f.value) }));
  const filtered = params.theme.length + params.topic.length + params.region.length + params.country.length + params.sdg.length > 0;
  const facets: Array<{ name: keyof PracticeSearchResult['facets']; legend: string; label: (v: string) => string; selected: string[] }> = [
    { name: 'theme', legend: t('practices.facetTheme'), label: (v) => themeLabel.get(v) ?? v, selected: params.theme },
    { name: 'topic', legend: t('practices.facetTopic'), label: (v) => topicLabel.get(v) ?? v, selected: params.topic },
    { name: 'region', legend: t('practices.facetRegion'), label: (v) => t(`common.regions.${v}`), selected: params.region },
    { name: 'country', legend: t('practices.facetCountry'), label: (v) => i18n.countryName(v), selected: params.country },
    { name: 'sdg', legend: t('practices.facetSdg'), label: (v) => t('practices.sdg', { number: v }), selected: params.sdg.map(String) },
  ];
  return (
    <>
      <h1>{t('practices.title')}</h1>
      <p class="lead">{t('practices.intro')}</p>
      <p>
        <a href={`/${locale}/my/practices/new`}>{t('practiceWorkflow.newPractice')}</a>
      </p>
      <form method="get" action={`/${locale}/practices`} class="search-layout">
        <div class="search-bar">
          <label for="practice-q">{t('practices.searchLabel')}</label>
          <div class="search-row">
            <input id="practice-q" name="q" type="search" value={params.q} maxlength={200} dir="auto" />
            <button type="submit" class="button">
              {t('practices.searchAction')}
            </button>
          </div>
          {params.q ? (
            <div class="sort">
              <label for="practice-sort">{t('practices.sortLabel')}</label>
              <select id="practice-sort" name="sort">
                <option value="relevance" selected={params.sort === 'relevance'}>
                  {t('practices.sortRelevance')}
                </option>
                <option value="date" selected={params.sort === 'date'}>
                  {t('practices.sortDate')}
                </option>
              </select>
            </div>
          ) : null}
        </div>
        <div class="facets">
          <h2 class="facets-title">{t('practices.filtersTitle')}</h2>
          {facets.map((f) => (
            <Facet i18n={i18n} name={f.name} legend={f.legend} options={options(f.name, f.label)} selected={f.selected} />
          ))}
          <button type="submit" class="button secondary">
            {t('practices.applyFilters')}
          </button>
          {filtered || params.q ? (
            <p>
              <a href={`/${locale}/practices`}>{t('practices.clearFilters')}</a>
            </p>
          ) : null}
        </div>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {t('practices.resultCount', { count: result.total })}
          </h2>
          {result.items.length === 0 ? (
            <p class="empty">{t('practices.noResults')}</p>
          ) : (
            <ol class="result-list">
              {result.items.map((hit) => (
                <li class="card">
                  <InLanguage i18n={i18n} contentLocale={hit.contentLocale}>
                    <h3>
                      <a href={`/${locale}/practices/${hit.slug}`}>{hit.title}</a>
                    </h3>
                    <p>{hit.snippet.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</p>
                  </InLanguage>
                  <p class="meta">
                    {[placeLabel(i18n, hit.city, hit.countryCode), periodLabel(i18n, hit.startYear, hit.endYear)]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <FallbackNote i18n={i18n} contentLocale={hit.contentLocale} />
                </li>
              ))}
            </ol>
          )}
          <Pager
            page={result.page}
            pages={result.pages}
            href={(page) => searchHref(locale, params, page)}
            labels={{
              nav: t('practices.pagination'),
              previous: t('practices.previous'),
              next: t('practices.next'),
              pageOf: t('practices.pageOf', { page: result.page, pages: result.pages }),
            }}
          />
          {result.total > 0 ? (
            <figure class="map">
              <img
                src={`/${locale}/practices/map.svg${searchQueryString({ ...params, country: [] }) ? `?${searchQueryString({ ...params, country: [] })}` : ''}`}
                alt={t('practices.mapAlt')}
                width="960"
                height="470"
                loading="lazy"
              />
              <figcaption>
                {t('practices.mapCaption')} <a href="#facet-country">{t('practices.mapListLink')}</a>
              </figcaption>
            </figure>
          ) : null}
        </section>
      </form>
    </>
  );
}
