import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

/** Cheapest round trip that proves the database answers. */
export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The migrations the database has applied (Kysely's own table; empty before the first). */
export async function listAppliedMigrations(db: Database): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return result.rows.map((r) => r.name);
}
