import type { Database } from '../../../platform/db/client.ts';

/** The member's own expert row, as their page names it: where it is, who may see it, whether it is suspended. */
export function findExpertSummaryOfUser(db: Database, userId: number) {
  return db
    .selectFrom('experts')
    .select(['slug', 'display_name', 'visibility', 'suspended', 'contact_enabled', 'updated_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
