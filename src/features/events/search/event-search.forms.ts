import { z } from 'zod';
import { languageParam, lenientQuery, pageParam, repeated, single, slugParam } from '../../../platform/http/query-params.ts';
import { EVENT_FORMATS, EVENT_KINDS } from '../events.table.ts';

/** A day (YYYY-MM-DD, from midnight UTC) or an instant with offset (ISO 8601). */
const moment = single(
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)))
    .transform((v): Date | null => new Date(v.length === 10 ? `${v}T00:00:00Z` : v)),
  null,
);

/**
 * The calendar's query string, lenient: a malformed value is dropped and the rest still applies, so an
 * old or hand-edited link never breaks the page.
 */
export const eventSearchParams = lenientQuery({
  when: single(z.enum(['upcoming', 'past']), 'upcoming'),
  kind: repeated(z.enum(EVENT_KINDS)),
  format: repeated(z.enum(EVENT_FORMATS)),
  theme: repeated(slugParam),
  region: repeated(slugParam),
  language: repeated(languageParam),
  /** A series or a learning process (by slug): its sessions only. */
  series: single(slugParam.nullable(), null),
  process: single(slugParam.nullable(), null),
  /** A month (YYYY-MM) of the calendar: events overlapping it. */
  month: single(
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .nullable(),
    null,
  ),
  from: moment,
  to: moment,
  page: pageParam,
});
export type EventSearchParams = ReturnType<typeof eventSearchParams.parse>;

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
  if (params.series) query.set('series', params.series);
  if (params.process) query.set('process', params.process);
  if (params.month) query.set('month', params.month);
  const page = overrides.page ?? 1;
  if (page > 1) query.set('page', String(page));
  return query.toString();
}
