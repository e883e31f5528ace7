import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import { sdgName } from '../../../core/taxonomy/taxonomy-data.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage, periodLabel, placeLabel } from '../../../platform/ui/components/content.tsx';
import { Facet } from '../../../platform/ui/components/search.tsx';
import { SearchPage } from '../../../platform/ui/components/search-page.tsx';
import { type PracticeSearchParams, searchQueryString } from './practice-search.forms.ts';
import type { PracticeHit, PracticeSearchResult } from './practice-search.service.ts';

function searchHref(locale: string, params: PracticeSearchParams, page: number): string {
  const qs = searchQueryString(params, page);
  return `/${locale}/practices${qs ? `?${qs}` : ''}`;
}

export type SearchPageProps = {
  i18n: I18n;
  params: PracticeSearchParams;
  /** The query parameters that were not understood (named on the page). */
  ignored: string[];
  result: PracticeSearchResult;
  themes: ThemeWithTopics[];
};

type FacetName = keyof PracticeSearchResult['facets'];

/**
 * The facets' HTML by the counts it shows (the search keeps them for its other pages: indexed-search.service.ts),
 * per language and labels: half of a list page's elements, drawn once per search rather than per page.
 */
const drawnFacets = new WeakMap<object, Map<string, HtmlEscapedString>>();
const DRAWN_PER_SEARCH = 10;

function facetFilters(props: SearchPageProps): HtmlEscapedString {
  const { i18n, params, result, themes } = props;
  // The facets object stands for its search's filters; the chosen values are in the key all the same.
  const chosen = [params.theme, params.topic, params.region, params.country, params.sdg];
  const labels = JSON.stringify([i18n.locale, chosen, themes.map((th) => [th.label, th.topics.map((tp) => tp.label)])]);
  let drawn = drawnFacets.get(result.facets);
  if (!drawn || drawn.size >= DRAWN_PER_SEARCH) {
    drawn = new Map();
    drawnFacets.set(result.facets, drawn);
  }
  let html = drawn.get(labels);
  if (!html) {
    html = raw(String(<FacetList {...props} />));
    drawn.set(labels, html);
  }
  return html;
}

/** The five facets with their counts, the chosen values checked (the counts' search names them). */
function FacetList({ i18n, params, result, themes }: SearchPageProps) {
  const { t } = i18n;
  const themeLabel = new Map(themes.map((th) => [th.slug, th.label]));
  const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
  const options = (facet: FacetName, label: (v: string) => string) =>
    result.facets[facet].map((f) => ({ value: f.value, count: f.count, label: label(f.value) }));
  const facets: Array<{ name: FacetName; legend: string; label: (v: string) => string; selected: string[] }> = [
    { name: 'theme', legend: t('practices.facetTheme'), label: (v) => themeLabel.get(v) ?? v, selected: params.theme },
    { name: 'topic', legend: t('practices.facetTopic'), label: (v) => topicLabel.get(v) ?? v, selected: params.topic },
    { name: 'region', legend: t('practices.facetRegion'), label: (v) => t(`common.regions.${v}`), selected: params.region },
    { name: 'country', legend: t('practices.facetCountry'), label: (v) => i18n.countryName(v), selected: params.country },
    { name: 'sdg', legend: t('practices.facetSdg'), label: (v) => sdgLabel(i18n, Number(v)), selected: params.sdg.map(String) },
  ];
  return (
    <>
      {facets.map((f) => (
        <Facet i18n={i18n} name={f.name} legend={f.legend} options={options(f.name, f.label)} selected={f.selected} />
      ))}
    </>
  );
}

export function PracticeSearchPage(props: SearchPageProps) {
  const { i18n, params, ignored, result } = props;
  const { t, locale } = i18n;
  const applied = params.theme.length + params.topic.length + params.region.length + params.country.length + params.sdg.length;
  const mapQuery = searchQueryString({ ...params, country: [] });
  return (
    <SearchPage
      i18n={i18n}
      title={t('practices.title')}
      lead={t('practices.intro')}
      intro={
        <p>
          <a href={`/${locale}/my/practices/new`}>{t('practiceWorkflow.newPractice')}</a>
        </p>
      }
      ignored={ignored}
      action={`/${locale}/practices`}
      layout="facets"
      search={{
        prefix: 'practice',
        label: t('practices.searchLabel'),
        q: params.q,
        sort: { value: params.sort, others: [['date', t('practices.sortDate')]] },
      }}
      filters={facetFilters(props)}
      applied={applied}
      clearHref={applied > 0 || params.q ? `/${locale}/practices` : false}
      results={{
        result,
        count: t('practices.resultCount', { count: result.total }),
        empty: t('practices.noResults'),
        card: (hit) => <PracticeCard i18n={i18n} hit={hit} />,
        ranked: true,
        href: (page) => searchHref(locale, params, page),
        after:
          result.total > 0 ? (
            <figure class="map">
              <img
                src={`/${locale}/practices/map.svg${mapQuery ? `?${mapQuery}` : ''}`}
                alt={t('practices.mapAlt')}
                width="960"
                height="470"
                loading="lazy"
              />
              <figcaption>
                {t('practices.mapCaption')} <a href="#facet-country">{t('practices.mapListLink')}</a>
              </figcaption>
            </figure>
          ) : null,
      }}
    />
  );
}

/** A goal with its number and name ("11 Sustainable cities and communities"): numbers alone say little. */
export function sdgLabel(i18n: I18n, goal: number): string {
  return `${i18n.formatNumber(goal)} ${sdgName(goal, i18n.locale)}`;
}

/** One practice in the results: its title and the words found, place and period. */
function PracticeCard({ i18n, hit }: { i18n: I18n; hit: PracticeHit }) {
  return (
    <>
      <InLanguage i18n={i18n} contentLocale={hit.contentLocale}>
        <h3>
          <a href={`/${i18n.locale}/practices/${hit.slug}`}>{hit.title}</a>
        </h3>
        <p>{hit.snippet.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</p>
      </InLanguage>
      <p class="meta">
        {[placeLabel(i18n, hit.city, hit.countryCode), periodLabel(i18n, hit.startYear, hit.endYear)].filter(Boolean).join(' · ')}
      </p>
      <FallbackNote i18n={i18n} contentLocale={hit.contentLocale} />
    </>
  );
}
