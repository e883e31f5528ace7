import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';

// The videos' part of a member's data export and of account deletion: only editors create and change
// videos; a video belongs to the network, so it stays and forgets who wrote it.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const rows = await sql<{ slug: string; created: boolean; updated: boolean }>`
    select slug, created_by = ${userId} as created, updated_by = ${userId} as updated
    from videos where created_by = ${userId} or updated_by = ${userId} order by id`.execute(trx);
  return { videos: rows.rows.map((r) => ({ slug: r.slug, createdByYou: r.created, lastChangedByYou: r.updated })) };
}

async function eraseData(trx: Database, userId: number): Promise<void> {
  await trx.updateTable('videos').set({ created_by: null }).where('created_by', '=', userId).execute();
  await trx.updateTable('videos').set({ updated_by: null }).where('updated_by', '=', userId).execute();
}

export const videosPersonalData: PersonalDataHooks = { tables: ['videos'], exportData, eraseData };
