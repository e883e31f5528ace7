import { z } from 'zod';
import { lenientList, slugParam } from '../../../platform/http/query-params.ts';
import { type ExpertFacetName, FACETS } from '../directory-index/expert-index.model.ts';
import { AVAILABILITY } from '../experts.table.ts';

/**
 * The directory's and the API's query string, lenient like the practice search: a malformed value is
 * dropped and the rest still applies, so an old or hand-edited link never breaks the page.
 */
export const expertSearchParams = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  theme: lenientList(slugParam).default([]),
  topic: lenientList(slugParam).default([]),
  language: lenientList(z.string().regex(/^[a-z]{2}$/)).default([]),
  region: lenientList(slugParam).default([]),
  country: lenientList(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((c) => c.toUpperCase()),
  ).default([]),
  availability: lenientList(z.enum(AVAILABILITY)).default([]),
  sort: z.enum(['relevance', 'name']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type ExpertSearchParams = z.infer<typeof expertSearchParams>;

/** The facet filters of a search (its query string's lists). */
export function searchFilters(params: ExpertSearchParams): Record<ExpertFacetName, string[]> {
  return Object.fromEntries(FACETS.map((facet) => [facet, params[facet]])) as Record<ExpertFacetName, string[]>;
}

export function readExpertSearchParams(url: URL): ExpertSearchParams {
  const raw: Record<string, string | string[]> = {};
  for (const key of ['q', 'sort', 'page']) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  for (const key of FACETS) raw[key] = url.searchParams.getAll(key);
  return expertSearchParams.parse(raw);
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
