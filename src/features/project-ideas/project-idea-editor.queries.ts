import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

// What the editors' form offers to link an idea to: workshops it went through, the call it came from.

/** Events an idea can have gone through, newest first: workshops and dialogues that are not drafts. */
export async function listWorkshopChoices(db: Database, locale: Locale) {
  const result = await sql<{ id: number; title: string; starts_at: Date; time_zone: string; kind: string }>`
    select e.id, tr.title, e.starts_at, e.time_zone, e.kind from events e
    cross join lateral (select t.title from event_translations t where t.event_id = e.id order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where e.status <> 'draft' order by e.starts_at desc, e.id limit 300`.execute(db);
  return result.rows;
}

export async function isWorkshopChoice(db: Database, eventId: number): Promise<boolean> {
  const row = await db.selectFrom('events').select('id').where('id', '=', eventId).where('status', '<>', 'draft').executeTakeFirst();
  return row !== undefined;
}

/** Calls an idea can come from: those asking for support of project ideas. */
export async function listCallChoices(db: Database, locale: Locale) {
  const result = await sql<{ id: number; title: string }>`
    select k.id, tr.title from calls k
    cross join lateral (select t.title from call_translations t where t.call_id = k.id order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where k.kind = 'support-project-idea' order by k.deadline desc, k.id`.execute(db);
  return result.rows;
}
