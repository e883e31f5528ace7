import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

/** Cheapest round trip that proves the database answers. */
export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
