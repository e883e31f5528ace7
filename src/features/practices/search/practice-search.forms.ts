import { z } from 'zod';
import { countryParam, lenientQuery, pageParam, repeated, single, slugParam, wordsParam } from '../../../platform/http/query-params.ts';

/**
 * The list page's and the map's query string. Lenient on purpose: an unknown or malformed value is
 * dropped (and the rest still applies), so a hand-edited or outdated link never breaks the page.
 */
export const practiceSearchParams = lenientQuery({
  q: wordsParam,
  theme: repeated(slugParam),
  topic: repeated(slugParam),
  region: repeated(slugParam),
  country: repeated(countryParam),
  sdg: repeated(z.coerce.number().int().min(1).max(17)),
  sort: single(z.enum(['relevance', 'date']), 'relevance'),
  page: pageParam,
});
export type PracticeSearchParams = ReturnType<typeof practiceSearchParams.parse>;

/** Reads repeated keys (`?theme=a&theme=b`) into lists; what was ignored is left out. */
export function readSearchParams(url: URL): PracticeSearchParams {
  return practiceSearchParams.read(url).params;
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
