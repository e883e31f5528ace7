import { cityName } from '../../../core/cities/cities.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { countIndexed, searchIndexed } from '../search-index/indexed-search.service.ts';
import { type PracticeSearchParams, searchQueryString } from './practice-search.forms.ts';
import type * as q from './practice-search.queries.ts';
import { SNIPPET_MARKS } from './practice-search.queries.ts';
import { cachedSearch } from './search-cache.service.ts';

export const PAGE_SIZE = 20;

export type SnippetPart = { text: string; marked: boolean };

/** Splits a ts_headline result into plain and highlighted parts (rendered escaped, marks as <mark>). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of snippet.split(SNIPPET_MARKS.start).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, marked: false });
      continue;
    }
    const [marked = '', rest = ''] = chunk.split(SNIPPET_MARKS.end);
    parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}

export type PracticeHit = {
  id: number;
  slug: string;
  externalId: string | null;
  title: string;
  summary: string;
  themes: string[];
  topics: string[];
  sdgs: number[];
  snippet: SnippetPart[];
  contentLocale: string;
  city: string | null;
  countryCode: string | null;
  regionSlug: string | null;
  startYear: number | null;
  endYear: number | null;
};

export type PracticeSearchResult = {
  total: number;
  page: number;
  pages: number;
  items: PracticeHit[];
  facets: Record<q.FacetName, q.FacetCount[]>;
};

function toSearchInput(params: PracticeSearchParams, locale: Locale): q.SearchInput {
  return {
    q: params.q,
    locale,
    filters: { themes: params.theme, topics: params.topic, regions: params.region, countries: params.country, sdgs: params.sdg },
    sort: params.q ? params.sort : 'date',
    limit: PAGE_SIZE,
    offset: (params.page - 1) * PAGE_SIZE,
  };
}

/** Full-text search with facets over published practices (the process's index, ADR 016; SQL while it loads). */
export function searchPractices(db: Database, params: PracticeSearchParams, locale: Locale): Promise<PracticeSearchResult> {
  const key = `${locale}|${params.sort}|${searchQueryString(params, params.page)}`;
  return cachedSearch(db, key, () => runSearch(db, params, locale));
}

/** The same search computed every time, without the result cache (the benchmark times this). */
export async function runSearch(db: Database, params: PracticeSearchParams, locale: Locale): Promise<PracticeSearchResult> {
  const { total, facets, rows } = await searchIndexed(db, toSearchInput(params, locale));
  return {
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    facets,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      externalId: r.external_id,
      title: r.title,
      summary: r.summary,
      themes: r.themes,
      topics: r.topics,
      sdgs: r.sdgs,
      snippet: snippetParts(r.snippet),
      contentLocale: r.content_locale,
      city: r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, locale) : null,
      countryCode: r.country_code,
      regionSlug: r.region_slug,
      startYear: r.start_year,
      endYear: r.end_year,
    })),
  };
}

/** Matching practices per country (the country filter itself left out), for the map. */
export async function countPracticesByCountry(db: Database, params: PracticeSearchParams, locale: Locale): Promise<Map<string, number>> {
  const rows = await countIndexed(db, toSearchInput(params, locale), 'country');
  return new Map(rows.map((r) => [r.value, r.count]));
}
