import type { Database } from '../../db/client.ts';
import type { DemoEvent, DemoSeries } from '../../db/seed/demo-content.ts';
import type { Locale } from '../../i18n/locales.ts';
import { cityName } from '../cities/cities.service.ts';
import * as q from './events.queries.ts';
import type { EventFormat, EventKind } from './events.table.ts';
import { wallClockToInstant } from './time-zones.ts';

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

const slugOf = (externalId: string) => externalId.replace(/^demo-(event|series)-/, '').toLowerCase();

/** Saves seed series and events (with translations) by external id; the caller owns the transaction. */
export async function saveEventsFromSeed(
  db: Database,
  content: { series: DemoSeries[]; events: DemoEvent[] },
  cityIdOf: (key: string) => number,
): Promise<{ series: number; events: number }> {
  const seriesIds = new Map<string, number>();
  for (const s of content.series) {
    const id = await q.upsertSeriesByExternalId(db, {
      slug: slugOf(s.externalId),
      external_id: s.externalId,
      starts_on: s.startsOn,
      ends_on: s.endsOn,
    });
    seriesIds.set(s.externalId, id);
    for (const [locale, text] of Object.entries(s.translations)) {
      if (text) await q.upsertSeriesTranslation(db, id, { locale: locale as Locale, title: text.title, summary: text.summary });
    }
  }
  for (const e of content.events) {
    const id = await q.upsertEventByExternalId(db, {
      slug: slugOf(e.externalId),
      external_id: e.externalId,
      kind: e.kind,
      format: e.format,
      status: 'published',
      starts_at: seedInstant(e.startsOn, e.startTime, e.timeZone),
      ends_at: seedInstant(e.endsOn, e.endTime, e.timeZone),
      time_zone: e.timeZone,
      reported_figures: JSON.stringify(e.figures),
      city_id: e.city ? cityIdOf(e.city) : null,
      country_code: e.country,
      region_slug: e.region,
      series_id: e.series ? (seriesIds.get(e.series) ?? null) : null,
    });
    for (const [locale, text] of Object.entries(e.translations)) {
      if (text) await q.upsertEventTranslation(db, id, { locale: locale as Locale, title: text.title, summary: text.summary });
    }
  }
  return { series: content.series.length, events: content.events.length };
}

function seedInstant(day: string, time: string, zone: string): Date {
  const instant = wallClockToInstant(`${day}T${time}`, zone);
  if (!instant) throw new Error(`demo event time ${day} ${time} ${zone} is not valid`);
  return instant;
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
