import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { EVENT_GROUP_TABLES, type EventDocument, type EventGroupKind, type EventTexts, type GroupTexts } from '../events.table.ts';
import { groupExchangeName, practiceExchangeName } from '../import/event-import.queries.ts';

// SQL of the editors' event form: the choices it offers and the documents of an event's documentation.

export type GroupChoice = {
  /** The name the exchange format uses for the group: its external id, else its slug. */
  key: string;
  title: string;
  translations: Record<string, GroupTexts>;
};

/** Series or learning processes to choose from, newest first, titled in the reader's language. */
export async function listGroupChoices(db: Database, kind: EventGroupKind, locale: Locale): Promise<GroupChoice[]> {
  const { table, texts, key } = EVENT_GROUP_TABLES[kind];
  const result = await sql<GroupChoice>`
    select ${groupExchangeName} as key,
      (select t.title from ${sql.table(texts)} t where ${sql.ref(`t.${key}`)} = g.id order by ${preferLocale(locale, 't.locale')} limit 1) as title,
      coalesce((select json_object_agg(t.locale, json_build_object('title', t.title, 'summary', t.summary))
                from ${sql.table(texts)} t where ${sql.ref(`t.${key}`)} = g.id), '{}') as translations
    from ${sql.table(table)} g order by g.created_at desc, g.id desc`.execute(db);
  return result.rows;
}

/** Good practices by slug, with the name the exchange format gives them (external id, else `peerpolis-<id>`). */
export async function findPracticeNamesBySlug(db: Database, slugs: string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const result = await sql<{ slug: string; name: string }>`
    select p.slug, ${practiceExchangeName} as name from practices p where p.slug in (${sql.join(slugs)})`.execute(db);
  return new Map(result.rows.map((r) => [r.slug, r.name]));
}

/** Slugs of the practices an event presented (the form lists them as their page addresses). */
export async function listPresentedPracticeSlugs(db: Database, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('event_practices as ep')
    .innerJoin('practices as p', 'p.id', 'ep.practice_id')
    .select('p.slug')
    .where('ep.event_id', '=', eventId)
    .orderBy('p.slug')
    .execute();
  return rows.map((r) => r.slug);
}

export async function findEventDocuments(db: Database, eventId: number): Promise<EventDocument[]> {
  const row = await db.selectFrom('events').select('documents').where('id', '=', eventId).executeTakeFirst();
  return row?.documents ?? [];
}

/** The event's documents, under its row lock (two uploads at once never lose one). */
export async function lockEventDocuments(db: Database, eventId: number): Promise<EventDocument[] | undefined> {
  const result = await sql<{ documents: EventDocument[] }>`select documents from events where id = ${eventId} for update`.execute(db);
  return result.rows[0]?.documents;
}

export async function setEventDocuments(db: Database, eventId: number, documents: EventDocument[]): Promise<void> {
  await sql`update events set documents = ${JSON.stringify(documents)}::jsonb, updated_at = now() where id = ${eventId}`.execute(db);
}

/** The event's texts per language, read after locking its row (the form merges one language into them). */
export async function lockEventTranslations(db: Database, eventId: number): Promise<Record<string, EventTexts>> {
  await sql`select id from events where id = ${eventId} for update`.execute(db);
  const rows = await db
    .selectFrom('event_translations')
    .select(['locale', 'title', 'summary', 'programme', 'documentation'])
    .where('event_id', '=', eventId)
    .execute();
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}
