import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';

/** The matching requests one editor saved, the latest change first, with how many experts were contacted for each. */
export function listMatchRequestsSavedBy(db: Database, userId: number) {
  return db
    .selectFrom('match_requests as r')
    .select((eb) => [
      'r.id',
      'r.title',
      'r.updated_at',
      eb
        .selectFrom('match_request_contacts as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.request_id', '=', 'r.id')
        .as('contacted'),
    ])
    .where('r.created_by', '=', userId)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
}
