import { z } from 'zod';
import { cityName } from '../../core/cities/cities.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { lenientList, slugParam } from '../../platform/http/query-params.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { cachedSearch } from './practice-search.cache.ts';
import * as q from './practice-search.queries.ts';

export const PAGE_SIZE = 20;

/**
 * The list page's and the API's query string. Lenient on purpose: an unknown or malformed value is
 * dropped (and the rest still applies), so a hand-edited or outdated link never breaks the page.
 */
export const practiceSearchParams = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  theme: lenientList(slugParam).default([]),
  topic: lenientList(slugParam).default([]),
  region: lenientList(slugParam).default([]),
  country: lenientList(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((c) => c.toUpperCase()),
  ).default([]),
  sdg: lenientList(z.coerce.number().int().min(1).max(17)).default([]),
  sort: z.enum(['relevance', 'date']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type PracticeSearchParams = z.infer<typeof practiceSearchParams>;

/** Reads repeated keys (`?theme=a&theme=b`) into arrays before validation. */
export function readSearchParams(url: URL): PracticeSearchParams {
  const raw: Record<string, string | string[]> = {};
  for (const key of ['q', 'sort', 'page']) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  for (const key of ['theme', 'topic', 'region', 'country', 'sdg']) raw[key] = url.searchParams.getAll(key);
  return practiceSearchParams.parse(raw);
}

export type SnippetPart = { text: string; marked: boolean };

/** Splits a ts_headline result into plain and highlighted parts (rendered escaped, marks as <mark>). */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of snippet.split(q.SNIPPET_MARKS.start).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, marked: false });
      continue;
    }
    const [marked = '', rest = ''] = chunk.split(q.SNIPPET_MARKS.end);
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

/** Full-text search with facets over published practices: one statement, so one consistent snapshot. */
export function searchPractices(db: Database, params: PracticeSearchParams, locale: Locale): Promise<PracticeSearchResult> {
  const key = `${locale}|${params.sort}|${searchQueryString(params, params.page)}`;
  return cachedSearch(db, key, () => runSearch(db, params, locale));
}

async function runSearch(db: Database, params: PracticeSearchParams, locale: Locale): Promise<PracticeSearchResult> {
  const { total, facets, rows } = await q.searchMatches(db, toSearchInput(params, locale));
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
  const rows = await q.countFacet(db, toSearchInput(params, locale), 'country');
  return new Map(rows.map((r) => [r.value, r.count]));
}

/** The query string of a search, for links that keep it (pages, the map). */
export function searchQueryString(params: PracticeSearchParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const [key, values] of [
    ['theme', params.theme],
    ['topic', params.topic],
    ['region', params.region],
    ['country', params.country],
    ['sdg', params.sdg.map(String)],
  ] as const) {
    for (const v of values) query.append(key, String(v));
  }
  if (params.q && params.sort !== 'relevance') query.set('sort', params.sort);
  if (page > 1) query.set('page', String(page));
  return query.toString();
}
