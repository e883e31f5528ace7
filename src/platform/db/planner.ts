import { sql } from 'kysely';
import type { Database } from './client.ts';

/**
 * Runs `work` in a transaction whose queries PostgreSQL plans without parallel workers. For a query
 * that reads a few thousand index hits, starting and gathering workers costs more than it saves (on
 * the 2-core machine we measure on, 17–23 ms against 9 ms), and under concurrent requests the cores
 * are better spent on other requests. PGlite has no workers; the setting is harmless there.
 */
export function withoutParallelWorkers<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return work(trx);
  });
}
