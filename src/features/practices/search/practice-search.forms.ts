import { z } from 'zod';
import { lenientList, slugParam } from '../../../platform/http/query-params.ts';

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
