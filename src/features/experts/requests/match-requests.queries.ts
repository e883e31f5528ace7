import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';

export async function insertMatchRequest(db: Database, row: { title: string; query: unknown; createdBy: number }): Promise<number> {
  const inserted = await db
    .insertInto('match_requests')
    .values({ title: row.title, query: JSON.stringify(row.query), created_by: row.createdBy, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateMatchRequest(db: Database, id: number, row: { title: string; query: unknown }): Promise<boolean> {
  const result = await db
    .updateTable('match_requests')
    .set({ title: row.title, query: JSON.stringify(row.query), updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a request; its contact notes go with it (foreign key cascade). */
export async function deleteMatchRequest(db: Database, id: number): Promise<boolean> {
  const result = await db.deleteFrom('match_requests').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function findMatchRequest(db: Database, id: number) {
  return db
    .selectFrom('match_requests as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.title', 'r.query', 'r.created_at', 'r.updated_at', 'u.name as created_by_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** A saved request in the editors' list: who saved it, when it last changed, how many experts were contacted. */
export type MatchRequestRow = Awaited<ReturnType<typeof listMatchRequests>>[number];

export function listMatchRequests(db: Database) {
  return db
    .selectFrom('match_requests as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select((eb) => [
      'r.id',
      'r.title',
      'r.updated_at',
      'u.name as created_by_name',
      eb
        .selectFrom('match_request_contacts as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.request_id', '=', 'r.id')
        .as('contacted'),
    ])
    .orderBy('r.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** Records (or updates the note of) an expert contacted for a request. */
export async function upsertContactNote(
  db: Database,
  row: { requestId: number; expertId: number; notedBy: number; note: string },
): Promise<void> {
  await db
    .insertInto('match_request_contacts')
    .values({ request_id: row.requestId, expert_id: row.expertId, noted_by: row.notedBy, note: row.note })
    .onConflict((oc) =>
      oc.columns(['request_id', 'expert_id']).doUpdateSet({ note: row.note, noted_by: row.notedBy, created_at: new Date() }),
    )
    .execute();
}

export async function deleteContactNote(db: Database, requestId: number, expertId: number): Promise<void> {
  await db.deleteFrom('match_request_contacts').where('request_id', '=', requestId).where('expert_id', '=', expertId).execute();
}

/** An expert contacted for a request: who noted it, when, and the note. */
export type ContactNoteRow = Awaited<ReturnType<typeof listContactNotes>>[number];

export function listContactNotes(db: Database, requestId: number) {
  return db
    .selectFrom('match_request_contacts as c')
    .innerJoin('experts as x', 'x.id', 'c.expert_id')
    .leftJoin('users as u', 'u.id', 'c.noted_by')
    .select(['c.expert_id', 'x.slug', 'x.display_name', 'c.note', 'c.created_at', 'u.name as noted_by_name'])
    .where('c.request_id', '=', requestId)
    .orderBy('c.created_at')
    .execute();
}

export async function expertExists(db: Database, id: number): Promise<boolean> {
  return (await db.selectFrom('experts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
