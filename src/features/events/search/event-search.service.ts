import { cityName } from '../../../core/cities/cities.service.ts';
import type { CitySectionSource } from '../../../core/cities/index.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { dayInZone } from '../../../platform/lib/time-zones.ts';
import type { EventFormat, EventKind, EventStatus } from '../events.table.ts';
import type { EventSearchParams } from './event-search.forms.ts';
import * as q from './event-search.queries.ts';

export const EVENT_PAGE_SIZE = 20;

/** An event in a list: the home page's, the calendar's, the API's. */
export type EventSummary = {
  slug: string;
  kind: EventKind;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: string;
  summary: string;
  contentLocale: string;
  city: string | null;
  countryCode: string | null;
  regionSlug: string | null;
  /** A past event with recordings; with documentation (a text or documents). Always false before it ends. */
  recorded: boolean;
  documented: boolean;
};

/** A search hit: a summary with what the API shows besides. */
export type EventHit = EventSummary & {
  id: number;
  externalId: string | null;
  status: EventStatus;
  themes: string[];
  languages: string[];
};

export type EventSearchResult = { items: EventHit[]; total: number; page: number; pages: number };

export type SeriesSummary = {
  slug: string;
  title: string;
  summary: string;
  contentLocale: string;
  startsOn: string | null;
  endsOn: string | null;
};

type SummaryRow = Pick<
  q.EventListRow,
  | 'slug'
  | 'kind'
  | 'format'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'title'
  | 'summary'
  | 'content_locale'
  | 'city_name'
  | 'city_names'
  | 'country_code'
  | 'region_slug'
  | 'recorded'
  | 'documented'
>;

function summaryOf(r: SummaryRow, locale: Locale): EventSummary {
  return {
    slug: r.slug,
    kind: r.kind,
    format: r.format,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    title: r.title,
    summary: r.summary,
    contentLocale: r.content_locale,
    city: r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, locale) : null,
    countryCode: r.country_code,
    regionSlug: r.region_slug,
    recorded: r.recorded,
    documented: r.documented,
  };
}

/**
 * Events for the calendar page and the API. With `from`/`to` (the API) the period decides, not
 * upcoming/past; a month is the period of that month.
 */
export async function searchEvents(
  db: Database,
  params: Omit<EventSearchParams, 'series' | 'process'> & Partial<Pick<EventSearchParams, 'series' | 'process'>>,
  locale: Locale,
  now = new Date(),
): Promise<EventSearchResult> {
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
    series: params.series ?? null,
    process: params.process ?? null,
    limit: EVENT_PAGE_SIZE,
    offset: (params.page - 1) * EVENT_PAGE_SIZE,
  });
  const total = rows[0]?.total ?? 0;
  return {
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / EVENT_PAGE_SIZE)),
    items: rows.map((r) => ({
      ...summaryOf(r, locale),
      id: r.id,
      externalId: r.external_id,
      status: r.status,
      themes: r.themes,
      languages: r.languages,
    })),
  };
}

function monthPeriod(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) };
}

/** Published events still running or to come (upcoming), or over (past) at `now`. */
export async function listEvents(
  db: Database,
  locale: Locale,
  when: 'upcoming' | 'past',
  limit = 20,
  now = new Date(),
): Promise<EventSummary[]> {
  const rows = await q.listPublishedEvents(db, locale, when, now, limit);
  return rows.map((r) => summaryOf(r, locale));
}

export async function listEventSeries(db: Database, locale: Locale, limit = 10): Promise<SeriesSummary[]> {
  const rows = await q.listSeries(db, locale, limit);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    contentLocale: r.content_locale,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

/** The events a municipality hosted or held, as a section of its city page (cities' extension point). */
export const eventsOfCity: CitySectionSource = async ({ db, i18n }, city) => {
  const rows = await q.listEventsOfCity(db, i18n.locale, city.id, 100);
  return {
    heading: i18n.t('events.title'),
    links: rows.map((r) => ({
      href: `/${i18n.locale}/events/${r.slug}`,
      title: r.title,
      lang: r.content_locale,
      detail: i18n.formatDateRange(dayInZone(r.starts_at, r.time_zone), dayInZone(r.ends_at, r.time_zone)),
    })),
  };
};
