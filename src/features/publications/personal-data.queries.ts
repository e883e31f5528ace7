import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

/** The publications a member created or last changed (as an editor), titled in their language, else English, else any. */
export async function listPublicationsTouchedBy(db: Database, userId: number) {
  const result = await sql<{ slug: string; title: string | null; created: boolean; updated: boolean; updated_at: Date }>`
    select p.slug,
      (select t.title from publication_translations t where t.publication_id = p.id
        order by (t.locale = u.locale) desc, (t.locale = 'en') desc, t.locale limit 1) as title,
      p.created_by = u.id as created, p.updated_by = u.id as updated, p.updated_at
    from publications p join users u on u.id = ${userId}
    where p.created_by = ${userId} or p.updated_by = ${userId}
    order by p.id`.execute(db);
  return result.rows.map((r) => ({ ...r, created: r.created === true, updated: r.updated === true }));
}

/** The publications stay (they are the network's); only the link to the member goes. */
export async function forgetPublicationEditor(db: Database, userId: number): Promise<void> {
  await db.updateTable('publications').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('publications').set({ updated_by: null }).where('updated_by', '=', userId).execute();
}
