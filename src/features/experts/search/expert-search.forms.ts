import { z } from 'zod';
import {
  countryParam,
  languageParam,
  lenientQuery,
  pageParam,
  repeated,
  single,
  slugParam,
  wordsParam,
} from '../../../platform/http/query-params.ts';
import { type ExpertFacetName, FACETS } from '../directory-index/expert-index.model.ts';
import { AVAILABILITY } from '../experts.table.ts';

/**
 * The directory's query string, lenient like the practice search: a malformed value is dropped and the
 * rest still applies, so an old or hand-edited link never breaks the page.
 */
export const expertSearchParams = lenientQuery({
  q: wordsParam,
  theme: repeated(slugParam),
  topic: repeated(slugParam),
  language: repeated(languageParam),
  region: repeated(slugParam),
  country: repeated(countryParam),
  availability: repeated(z.enum(AVAILABILITY)),
  sort: single(z.enum(['relevance', 'name']), 'relevance'),
  page: pageParam,
});
export type ExpertSearchParams = ReturnType<typeof expertSearchParams.parse>;

/** The facet filters of a search (its query string's lists). */
export function searchFilters(params: ExpertSearchParams): Record<ExpertFacetName, string[]> {
  return Object.fromEntries(FACETS.map((facet) => [facet, params[facet]])) as Record<ExpertFacetName, string[]>;
}

/** The query string of a search, for links that keep it. */
export function expertQueryString(params: ExpertSearchParams, page = 1): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const key of FACETS) for (const v of params[key]) query.append(key, v);
  if (params.q && params.sort !== 'relevance') query.set('sort', params.sort);
  if (page > 1) query.set('page', String(page));
  return query.toString();
}
