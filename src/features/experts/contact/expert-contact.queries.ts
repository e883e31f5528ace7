import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';

/** What contacting an expert needs to know: whose profile it is and whether they accept messages. */
export function findExpertForContact(db: Database, expertId: number) {
  return db
    .selectFrom('experts')
    .select(['id', 'slug', 'user_id', 'visibility', 'contact_enabled', 'display_name'])
    .where('id', '=', expertId)
    .executeTakeFirst();
}

/** That someone wrote to an expert, and when: never the text. */
export async function insertExpertContact(db: Database, row: { expertId: number; senderUserId: number }): Promise<void> {
  await db.insertInto('expert_contacts').values({ expert_id: row.expertId, sender_user_id: row.senderUserId }).execute();
}

/** How many messages an expert received through the platform, and when the latest ones came. */
export async function findExpertContactLog(db: Database, expertId: number, latest: number) {
  const [count, recent] = await Promise.all([
    db.selectFrom('expert_contacts').select(sql<number>`count(*)::int`.as('n')).where('expert_id', '=', expertId).executeTakeFirstOrThrow(),
    db
      .selectFrom('expert_contacts')
      .select('created_at')
      .where('expert_id', '=', expertId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(latest)
      .execute(),
  ]);
  return { count: count.n, latest: recent.map((r) => r.created_at) };
}
