import { type Insertable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { DB } from '../../../platform/db/database.ts';
import { type EventCityRow, type EventHeadRow, type EventListsRow, eventHeadColumns, eventListColumns } from '../events.queries.ts';
import {
  EVENT_GROUP_TABLES,
  type EventGroupKind,
  type EventRow,
  type EventsTable,
  type EventTexts,
  type GroupTexts,
} from '../events.table.ts';

// SQL of the exchange format: events, their series and learning processes, written by external id and
// read back in the record's shape.

/** The name the exchange format gives a good practice (`p`): its external id, else `peerpolis-<id>`. */
export const practiceExchangeName = sql`coalesce(p.external_id, 'peerpolis-' || p.id)`;
/** The name the exchange format gives a series or learning process (`g`): its external id, else its slug. */
export const groupExchangeName = sql`coalesce(g.external_id, g.slug)`;

export async function findEventByExternalId(db: Database, externalId: string) {
  return db.selectFrom('events').select(['id', 'slug', 'sequence', 'status']).where('external_id', '=', externalId).executeTakeFirst();
}

/** The first free event slug: base, base-2, … */
export async function freeEventSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst())) return slug;
  }
}

/** What an import writes of an event: every column but those the database keeps itself. */
export type EventWrite = Required<
  Omit<Insertable<EventsTable>, 'documents' | 'format_changed_at' | 'sequence' | 'created_at' | 'updated_at'>
> & {
  external_id: string;
};

/** Inserts or updates by external id; a change of time, place or format raises the calendar sequence. */
export async function upsertEvent(db: Database, row: EventWrite): Promise<{ id: number; sequence: number }> {
  const result = await sql<Pick<EventRow, 'id' | 'sequence'>>`
    insert into events (slug, external_id, kind, format, status, starts_at, ends_at, time_zone, city_id, country_code, region_slug,
      venue, join_url, capacity, registration_opens_at, registration_closes_at, questions, partners, recordings, reported_figures,
      series_id, learning_process_id)
    values (${row.slug}, ${row.external_id}, ${row.kind}, ${row.format}, ${row.status}, ${row.starts_at}, ${row.ends_at}, ${row.time_zone},
      ${row.city_id}, ${row.country_code}, ${row.region_slug}, ${row.venue}, ${row.join_url}, ${row.capacity}, ${row.registration_opens_at},
      ${row.registration_closes_at}, ${row.questions}::text[], ${row.partners}::jsonb, ${row.recordings}::jsonb, ${row.reported_figures}::jsonb,
      ${row.series_id}, ${row.learning_process_id})
    on conflict (external_id) do update set kind = excluded.kind, format = excluded.format, status = excluded.status,
      starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone, city_id = excluded.city_id,
      country_code = excluded.country_code, region_slug = excluded.region_slug, venue = excluded.venue, join_url = excluded.join_url,
      capacity = excluded.capacity, registration_opens_at = excluded.registration_opens_at,
      registration_closes_at = excluded.registration_closes_at, questions = excluded.questions, partners = excluded.partners,
      recordings = excluded.recordings, reported_figures = excluded.reported_figures, series_id = excluded.series_id,
      learning_process_id = excluded.learning_process_id, updated_at = now(),
      format_changed_at = case when events.format <> excluded.format then now() else events.format_changed_at end,
      sequence = events.sequence + case when (events.starts_at, events.ends_at, events.format, events.status, events.venue)
        is distinct from (excluded.starts_at, excluded.ends_at, excluded.format, excluded.status, excluded.venue) then 1 else 0 end
    returning id, sequence`.execute(db);
  return result.rows[0] as { id: number; sequence: number };
}

/** The tables that hang off an event by `event_id` and are written whole with it. */
type EventPartTable = 'event_themes' | 'event_topics' | 'event_languages' | 'event_hosts' | 'event_practices' | 'event_translations';

/** Replaces an event's rows in one of its tables by `rows`. */
async function replaceEventRows<T extends EventPartTable>(
  db: Database,
  table: T,
  eventId: number,
  rows: Array<Insertable<DB[T]>>,
): Promise<void> {
  await db
    .deleteFrom(table as EventPartTable)
    .where('event_id', '=', eventId)
    .execute();
  if (rows.length) await db.insertInto(table).values(rows).execute();
}

export async function replaceEventLinks(
  db: Database,
  eventId: number,
  links: { themes: string[]; topics: string[]; languages: string[]; hosts: number[] },
): Promise<void> {
  const event_id = eventId;
  const themes = links.themes.map((theme_slug) => ({ event_id, theme_slug }));
  const topics = links.topics.map((topic_slug) => ({ event_id, topic_slug }));
  const languages = links.languages.map((code) => ({ event_id, code }));
  const hosts = links.hosts.map((city_id) => ({ event_id, city_id }));
  await replaceEventRows(db, 'event_themes', eventId, themes);
  await replaceEventRows(db, 'event_topics', eventId, topics);
  await replaceEventRows(db, 'event_languages', eventId, languages);
  await replaceEventRows(db, 'event_hosts', eventId, hosts);
}

export async function replaceEventTranslations(
  db: Database,
  eventId: number,
  translations: Partial<Record<string, EventTexts>>,
): Promise<void> {
  const rows = Object.entries(translations).flatMap(([locale, t]) => (t ? [{ event_id: eventId, locale, ...t }] : []));
  await replaceEventRows(db, 'event_translations', eventId, rows);
}

export async function replaceEventPractices(db: Database, eventId: number, practiceIds: number[]): Promise<void> {
  const rows = [...new Set(practiceIds)].map((practice_id) => ({ event_id: eventId, practice_id }));
  await replaceEventRows(db, 'event_practices', eventId, rows);
}

/** Good practices named by external id (those that exist; one without is named `peerpolis-<id>`, as its export names it). */
export async function findPracticeIdsByExternalId(db: Database, externalIds: string[]): Promise<Map<string, number>> {
  if (!externalIds.length) return new Map();
  const result = await sql<{ id: number; name: string }>`
    select p.id, ${practiceExchangeName} as name from practices p
    where ${practiceExchangeName} in (${sql.join(externalIds)})`.execute(db);
  return new Map(result.rows.map((r) => [r.name, r.id]));
}

/**
 * A series or learning process by external id, with its texts; returns its id. A series' dates are
 * written when the record gives them (null clears one) and kept when it leaves them out.
 */
export async function upsertGroup(
  db: Database,
  kind: EventGroupKind,
  group: {
    externalId: string;
    slug: string;
    translations: Partial<Record<string, GroupTexts>>;
    startsOn?: string | null;
    endsOn?: string | null;
  },
): Promise<number> {
  const { table, texts, key } = EVENT_GROUP_TABLES[kind];
  // Exports name a group without external id by its slug: importing it back finds the same group.
  const existing = await sql<{ id: number }>`select id from ${sql.table(table)}
    where external_id = ${group.externalId} or (external_id is null and slug = ${group.externalId})
    order by (external_id is null) limit 1`.execute(db);
  let id = existing.rows[0]?.id;
  if (id === undefined) {
    let slug = group.slug;
    for (let n = 2; (await sql`select 1 from ${sql.table(table)} where slug = ${slug}`.execute(db)).rows.length; n++)
      slug = `${group.slug}-${n}`;
    id = (
      await sql<{
        id: number;
      }>`insert into ${sql.table(table)} (slug, external_id) values (${slug}, ${group.externalId}) returning id`.execute(db)
    ).rows[0]?.id as number;
  }
  if (kind === 'series' && (group.startsOn !== undefined || group.endsOn !== undefined)) {
    await db
      .updateTable('event_series')
      .set({
        ...(group.startsOn === undefined ? {} : { starts_on: group.startsOn }),
        ...(group.endsOn === undefined ? {} : { ends_on: group.endsOn }),
      })
      .where('id', '=', id)
      .execute();
  }
  for (const [locale, t] of Object.entries(group.translations)) {
    if (!t) continue;
    await sql`insert into ${sql.table(texts)} (${sql.ref(key)}, locale, title, summary) values (${id}, ${locale}, ${t.title}, ${t.summary})
              on conflict (${sql.ref(key)}, locale) do update set title = excluded.title, summary = excluded.summary`.execute(db);
  }
  return id;
}

type GroupExport = {
  externalId: string;
  slug: string;
  startsOn?: string | null;
  endsOn?: string | null;
  translations: Record<string, GroupTexts>;
} | null;

export type EventExportRow = EventHeadRow &
  Pick<EventCityRow, 'city_name'> &
  Pick<
    EventRow,
    | 'country_code'
    | 'region_slug'
    | 'venue'
    | 'join_url'
    | 'capacity'
    | 'registration_opens_at'
    | 'registration_closes_at'
    | 'questions'
    | 'partners'
    | 'reported_figures'
    | 'recordings'
  > &
  EventListsRow & {
    hosts: Array<{ city: string; country: string }>;
    series: GroupExport;
    learning_process: GroupExport;
    /** The good practices presented, by their exchange names. */
    practices: string[];
    translations: Record<string, EventTexts>;
  };

/** Every event in the export shape, or the one with `slug`. */
export async function listEventsForExport(db: Database, slug?: string): Promise<EventExportRow[]> {
  // Only a series has dates (learning processes run as long as their events).
  const group = (kind: EventGroupKind, id: string) => {
    const { table, texts, key } = EVENT_GROUP_TABLES[kind];
    return sql`(
    select json_build_object('externalId', ${groupExchangeName}, 'slug', g.slug,
      ${kind === 'series' ? sql`'startsOn', g.starts_on, 'endsOn', g.ends_on,` : sql``} 'translations',
      (select json_object_agg(t.locale, json_build_object('title', t.title, 'summary', t.summary)) from ${sql.table(texts)} t where ${sql.ref(`t.${key}`)} = g.id))
    from ${sql.table(table)} g where g.id = ${sql.ref(id)})`;
  };
  const result = await sql<EventExportRow>`
    select ${eventHeadColumns}, c.name as city_name,
      e.country_code::text as country_code, e.region_slug, e.venue, e.join_url, e.capacity, e.registration_opens_at,
      e.registration_closes_at, e.questions,
      ${eventListColumns},
      coalesce((select json_agg(json_build_object('city', hc.name, 'country', hc.country_code) order by hc.name)
                from event_hosts h join cities hc on hc.id = h.city_id where h.event_id = e.id), '[]') as hosts,
      e.partners, e.reported_figures, e.recordings,
      array(select ${practiceExchangeName} from event_practices ep join practices p on p.id = ep.practice_id
            where ep.event_id = e.id order by 1) as practices,
      ${group('series', 'e.series_id')} as series,
      ${group('process', 'e.learning_process_id')} as learning_process,
      coalesce((select json_object_agg(t.locale, json_build_object('title', t.title, 'summary', t.summary, 'programme', t.programme,
                 'documentation', t.documentation)) from event_translations t where t.event_id = e.id), '{}') as translations
    from events e left join cities c on c.id = e.city_id
    ${slug === undefined ? sql`` : sql`where e.slug = ${slug}`}
    order by e.starts_at, e.id`.execute(db);
  return result.rows;
}
