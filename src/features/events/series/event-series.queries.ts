import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventCityRow, type EventHeadRow, type EventTextInRow, eventHeadColumns, eventTextIn } from '../events.queries.ts';
import { EVENT_GROUP_TABLES, type EventGroupKind, type EventRow, type GroupTexts } from '../events.table.ts';

// SQL of series and learning processes ("groups" where both are meant): their pages, the calendar's
// filter and the editors' list and form. Both kinds share one shape (EVENT_GROUP_TABLES).

export type GroupRecord = {
  id: number;
  slug: string;
  /** Only a series has a period; learning processes run as long as their sessions. */
  starts_on: string | null;
  ends_on: string | null;
  texts: Array<GroupTexts & { locale: string }>;
};

export async function findGroupBySlug(db: Database, kind: EventGroupKind, slug: string): Promise<GroupRecord | undefined> {
  const { table, texts, key } = EVENT_GROUP_TABLES[kind];
  const period = kind === 'series' ? sql`g.starts_on, g.ends_on` : sql`null::date as starts_on, null::date as ends_on`;
  const result = await sql<GroupRecord>`
    select g.id, g.slug, ${period},
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary) order by t.locale)
                from ${sql.table(texts)} t where ${sql.ref(`t.${key}`)} = g.id), '[]') as texts
    from ${sql.table(table)} g where g.slug = ${slug}`.execute(db);
  return result.rows[0];
}

export type SessionRow = EventHeadRow &
  EventTextInRow &
  EventCityRow &
  Pick<EventRow, 'country_code' | 'recordings' | 'documents'> & { content_locale: string; documented: boolean };

/** The group's public sessions (drafts left out), in the order they are held. */
export async function listGroupSessions(db: Database, kind: EventGroupKind, groupId: number, locale: Locale): Promise<SessionRow[]> {
  const column = kind === 'series' ? sql.ref('e.series_id') : sql.ref('e.learning_process_id');
  const result = await sql<SessionRow>`
    select ${eventHeadColumns}, tr.title, tr.summary, tr.locale as content_locale,
      c.name as city_name, c.names as city_names, e.country_code::text as country_code, e.recordings, e.documents,
      exists (select 1 from event_translations d where d.event_id = e.id and d.documentation <> '') as documented
    from events e
    left join cities c on c.id = e.city_id
    cross join lateral ${eventTextIn(locale)} tr
    where ${column} = ${groupId} and e.status <> 'draft'
    order by e.starts_at, e.id`.execute(db);
  return result.rows;
}

/** The good practices presented at the group's public sessions (their ids; the practices module says which it shows). */
export async function listGroupPracticeIds(db: Database, kind: EventGroupKind, groupId: number): Promise<number[]> {
  const column = kind === 'series' ? sql.ref('e.series_id') : sql.ref('e.learning_process_id');
  const result = await sql<{ practice_id: number }>`
    select distinct ep.practice_id from event_practices ep join events e on e.id = ep.event_id
    where ${column} = ${groupId} and e.status <> 'draft' order by 1`.execute(db);
  return result.rows.map((r) => r.practice_id);
}

export type GroupListRow = { slug: string; title: string; content_locale: string; sessions: number };

/** Every group of a kind, titled in the reader's language, newest first; with its number of sessions (drafts too). */
export async function listGroups(db: Database, kind: EventGroupKind, locale: Locale): Promise<GroupListRow[]> {
  const { table, texts, key } = EVENT_GROUP_TABLES[kind];
  const column = kind === 'series' ? sql.ref('e.series_id') : sql.ref('e.learning_process_id');
  const result = await sql<GroupListRow>`
    select g.slug, tr.title, tr.locale as content_locale,
      (select count(*)::int from events e where ${column} = g.id) as sessions
    from ${sql.table(table)} g
    cross join lateral (select t.title, t.locale from ${sql.table(texts)} t where ${sql.ref(`t.${key}`)} = g.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    order by g.created_at desc, g.id desc`.execute(db);
  return result.rows;
}

/** A new group under the first free slug (base, base-2, …); its id and slug. */
export async function insertGroup(db: Database, kind: EventGroupKind, base: string): Promise<{ id: number; slug: string }> {
  const { table } = EVENT_GROUP_TABLES[kind];
  let slug = base;
  for (let n = 2; (await sql`select 1 from ${sql.table(table)} where slug = ${slug}`.execute(db)).rows.length; n++) slug = `${base}-${n}`;
  const result = await sql<{ id: number }>`insert into ${sql.table(table)} (slug) values (${slug}) returning id`.execute(db);
  return { id: result.rows[0]?.id as number, slug };
}

/** The group's row, locked for a change (two editors saving two languages both keep theirs). */
export async function lockGroup(db: Database, kind: EventGroupKind, slug: string): Promise<number | undefined> {
  const { table } = EVENT_GROUP_TABLES[kind];
  const result = await sql<{ id: number }>`select id from ${sql.table(table)} where slug = ${slug} for update`.execute(db);
  return result.rows[0]?.id;
}

/** Writes the group's texts in one language. */
export async function saveGroupTexts(db: Database, kind: EventGroupKind, id: number, locale: Locale, texts: GroupTexts): Promise<void> {
  const { texts: table, key } = EVENT_GROUP_TABLES[kind];
  await sql`insert into ${sql.table(table)} (${sql.ref(key)}, locale, title, summary) values (${id}, ${locale}, ${texts.title}, ${texts.summary})
            on conflict (${sql.ref(key)}, locale) do update set title = excluded.title, summary = excluded.summary`.execute(db);
}

export async function saveSeriesPeriod(db: Database, id: number, startsOn: string | null, endsOn: string | null): Promise<void> {
  await db.updateTable('event_series').set({ starts_on: startsOn, ends_on: endsOn }).where('id', '=', id).execute();
}
