import { z } from 'zod';
import { lenientList, slugParam } from '../../../platform/http/query-params.ts';
import { EVENT_FORMATS, EVENT_KINDS } from '../events.table.ts';

/** A day (YYYY-MM-DD, from midnight UTC) or an instant with offset (ISO 8601). */
const moment = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)))
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .nullable()
  .catch(null)
  .default(null);

/**
 * The calendar's and the API's query string, lenient: a malformed value is dropped and the rest still
 * applies, so an old or hand-edited link never breaks the page.
 */
export const eventSearchParams = z.object({
  when: z.enum(['upcoming', 'past']).catch('upcoming').default('upcoming'),
  kind: lenientList(z.enum(EVENT_KINDS)).default([]),
  format: lenientList(z.enum(EVENT_FORMATS)).default([]),
  theme: lenientList(slugParam).default([]),
  region: lenientList(slugParam).default([]),
  language: lenientList(z.string().regex(/^[a-z]{2}$/)).default([]),
  /** A month (YYYY-MM) of the calendar: events overlapping it. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable()
    .catch(null)
    .default(null),
  from: moment,
  to: moment,
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type EventSearchParams = z.infer<typeof eventSearchParams>;

export function readEventSearchParams(url: URL): EventSearchParams {
  const raw: Record<string, string | string[]> = {};
  for (const key of ['when', 'month', 'from', 'to', 'page']) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  for (const key of ['kind', 'format', 'theme', 'region', 'language']) raw[key] = url.searchParams.getAll(key);
  return eventSearchParams.parse(raw);
}

/** The query string of a search, for links that keep it (pager, upcoming/past). */
export function eventQueryString(params: EventSearchParams, overrides: { page?: number; when?: 'upcoming' | 'past' } = {}): string {
  const query = new URLSearchParams();
  const when = overrides.when ?? params.when;
  if (when !== 'upcoming') query.set('when', when);
  for (const [key, values] of [
    ['kind', params.kind],
    ['format', params.format],
    ['theme', params.theme],
    ['region', params.region],
    ['language', params.language],
  ] as const) {
    for (const v of values) query.append(key, v);
  }
  if (params.month) query.set('month', params.month);
  const page = overrides.page ?? 1;
  if (page > 1) query.set('page', String(page));
  return query.toString();
}
