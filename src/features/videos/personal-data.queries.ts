import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

// The videos an editor created or last changed, and forgetting them (a video belongs to the network).

export async function listVideosOfEditor(db: Database, userId: number) {
  const result = await sql<{ slug: string; created: boolean; updated: boolean }>`
    select slug, created_by = ${userId} as created, updated_by = ${userId} as updated
    from videos where created_by = ${userId} or updated_by = ${userId} order by id`.execute(db);
  return result.rows;
}

export async function forgetVideoEditor(db: Database, userId: number): Promise<void> {
  await db.updateTable('videos').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('videos').set({ updated_by: null }).where('updated_by', '=', userId).execute();
}
