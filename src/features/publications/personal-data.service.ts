import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import * as q from './personal-data.queries.ts';

// The publications' part of a member's data export and of account deletion: which publications an
// editor created or last changed. A publication belongs to the network, not to a person.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const rows = await q.listPublicationsTouchedBy(trx, userId);
  return {
    publicationsEdited: rows.map((r) => ({
      publication: { slug: r.slug, title: r.title },
      created: r.created,
      lastChange: r.updated,
      updatedAt: r.updated_at,
    })),
  };
}

async function eraseData(trx: Database, userId: number): Promise<void> {
  await q.forgetPublicationEditor(trx, userId);
}

export const publicationsPersonalData: PersonalDataHooks = { tables: ['publications'], exportData, eraseData };
