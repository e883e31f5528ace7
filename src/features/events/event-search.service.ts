import { z } from 'zod';
import { cityName } from '../../core/cities/cities.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { lenientList, slugParam } from '../../platform/http/query-params.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import * as q from './event-search.queries.ts';
import { EVENT_FORMATS, EVENT_KINDS, type EventFormat, type EventKind, type EventStatus } from './events.table.ts';

export const EVENT_PAGE_SIZE = 20;

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
  kind: lenientList(z.enum(EVENT_KINDS as [EventKind, ...EventKind[]])).default([]),
  format: lenientList(z.enum(EVENT_FORMATS as [EventFormat, ...EventFormat[]])).default([]),
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

export type EventHit = {
  id: number;
  slug: string;
  externalId: string | null;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: string;
  summary: string;
  contentLocale: string;
  city: string | null;
  countryCode: string | null;
  regionSlug: string | null;
  themes: string[];
  languages: string[];
};

export type EventSearchResult = { items: EventHit[]; total: number; page: number; pages: number };

/**
 * Events for the calendar page and the API. With `from`/`to` (the API) the period decides, not
 * upcoming/past; a month is the period of that month.
 */
export async function searchEvents(db: Database, params: EventSearchParams, locale: Locale, now = new Date()): Promise<EventSearchResult> {
  const month = params.month ? monthPeriod(params.month) : null;
  const period = params.from || params.to || month;
  const rows = await q.searchEvents(db, locale, {
    when: period ? 'all' : params.when,
    now,
    from: month?.from ?? params.from,
    to: month?.to ?? params.to,
    kinds: params.kind,
    formats: params.format,
    themes: params.theme,
    regions: params.region,
    languages: params.language,
    limit: EVENT_PAGE_SIZE,
    offset: (params.page - 1) * EVENT_PAGE_SIZE,
  });
  const total = rows[0]?.total ?? 0;
  return {
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)),
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      externalId: r.external_id,
      kind: r.kind,
      format: r.format,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timeZone: r.time_zone,
      title: r.title,
      summary: r.summary,
      contentLocale: r.content_locale,
      city: r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, locale) : null,
      countryCode: r.country_code,
      regionSlug: r.region_slug,
      themes: r.themes,
      languages: r.languages,
    })),
  };
}

function monthPeriod(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) };
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
