import { sql } from 'kysely';
import type { Database } from './client.ts';

/** Whether the database holds nothing of ours yet (no migration table): a restore may only go there. */
export async function isUntouched(db: Database): Promise<boolean> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`.execute(
    db,
  );
  return (result.rows[0]?.n ?? 0) === 0;
}
