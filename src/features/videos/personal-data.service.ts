import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import { forgetVideoEditor, listVideosOfEditor } from './personal-data.queries.ts';

// The videos' part of a member's data export and of account deletion: only editors create and change
// videos; a video belongs to the network, so it stays and forgets who wrote it.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const rows = await listVideosOfEditor(trx, userId);
  return { videos: rows.map((r) => ({ slug: r.slug, createdByYou: r.created, lastChangedByYou: r.updated })) };
}

async function eraseData(trx: Database, userId: number): Promise<void> {
  await forgetVideoEditor(trx, userId);
}

export const videosPersonalData: PersonalDataHooks = { tables: ['videos'], exportData, eraseData };
