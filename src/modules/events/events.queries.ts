import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { preferLocale } from '../../db/translation.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { EventFormat, EventKind, EventStatus } from './events.table.ts';

export type EventRow = {
  slug: string;
  external_id: string;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  starts_on: string;
  ends_on: string;
  city_id: number | null;
  country_code: string | null;
  region_slug: string | null;
  series_id: number | null;
};

type TranslationRow = { locale: Locale; title: string; summary: string };

export async function upsertEventByExternalId(db: Database, event: EventRow): Promise<number> {
  const row = await db
    .insertInto('events')
    .values(event)
    .onConflict((oc) =>
      oc.column('external_id').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        format: eb.ref('excluded.format'),
        status: eb.ref('excluded.status'),
        starts_on: eb.ref('excluded.starts_on'),
        ends_on: eb.ref('excluded.ends_on'),
        city_id: eb.ref('excluded.city_id'),
        country_code: eb.ref('excluded.country_code'),
        region_slug: eb.ref('excluded.region_slug'),
        series_id: eb.ref('excluded.series_id'),
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertEventTranslation(db: Database, event_id: number, tr: TranslationRow): Promise<void> {
  await db
    .insertInto('event_translations')
    .values({ event_id, ...tr })
    .onConflict((oc) =>
      oc.columns(['event_id', 'locale']).doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), summary: eb.ref('excluded.summary') })),
    )
    .execute();
}

export async function upsertSeriesByExternalId(
  db: Database,
  series: { slug: string; external_id: string; starts_on: string | null; ends_on: string | null },
): Promise<number> {
  const row = await db
    .insertInto('event_series')
    .values(series)
    .onConflict((oc) =>
      oc.column('external_id').doUpdateSet((eb) => ({ starts_on: eb.ref('excluded.starts_on'), ends_on: eb.ref('excluded.ends_on') })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertSeriesTranslation(db: Database, event_series_id: number, tr: TranslationRow): Promise<void> {
  await db
    .insertInto('event_series_translations')
    .values({ event_series_id, ...tr })
    .onConflict((oc) =>
      oc
        .columns(['event_series_id', 'locale'])
        .doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), summary: eb.ref('excluded.summary') })),
    )
    .execute();
}

/** Published events that end on/after `today` (upcoming, soonest first) or before it (past, latest first). */
export function listPublishedEvents(db: Database, locale: Locale, when: 'upcoming' | 'past', today: string, limit: number) {
  let query = db
    .selectFrom('events as e')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('event_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('event_id', '=', 'e.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .leftJoin('cities as c', 'c.id', 'e.city_id')
    .select([
      'e.slug',
      'e.kind',
      'e.format',
      'e.starts_on',
      'e.ends_on',
      'e.country_code',
      'e.region_slug',
      'tr.title',
      'tr.summary',
      'tr.locale as content_locale',
      'c.name as city_name',
      'c.names as city_names',
    ])
    .where('e.status', '=', 'published');
  query =
    when === 'upcoming'
      ? query.where('e.ends_on', '>=', today).orderBy('e.starts_on', 'asc')
      : query.where('e.ends_on', '<', today).orderBy('e.starts_on', 'desc');
  return query.orderBy('e.id').limit(limit).execute();
}

/** Series with their period, in the reader's language or the best fallback. */
export function listSeries(db: Database, locale: Locale, limit: number) {
  return db
    .selectFrom('event_series as s')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('event_series_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('event_series_id', '=', 's.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .select(['s.slug', 's.starts_on', 's.ends_on', 'tr.title', 'tr.summary', 'tr.locale as content_locale'])
    .orderBy('s.starts_on', (ob) => ob.desc().nullsLast())
    .limit(limit)
    .execute();
}
