import { cityName } from '../../core/cities/cities.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import * as q from './events.queries.ts';
import type { EventFormat, EventKind } from './events.table.ts';

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
};

export type SeriesSummary = {
  slug: string;
  title: string;
  summary: string;
  contentLocale: string;
  startsOn: string | null;
  endsOn: string | null;
};

/** Published events still running or to come (upcoming), or over (past) at `now`. */
export async function listEvents(
  db: Database,
  locale: Locale,
  when: 'upcoming' | 'past',
  limit = 20,
  now = new Date(),
): Promise<EventSummary[]> {
  const rows = await q.listPublishedEvents(db, locale, when, now, limit);
  return rows.map((r) => ({
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
  }));
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
