import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

/**
 * Counts one hit in a fixed window, atomically (one upsert), so the limit holds across processes.
 * Returns the hits in the current window and the seconds until it resets.
 */
export async function hitRateLimit(db: Database, key: string, windowSeconds: number): Promise<{ hits: number; resetIn: number }> {
  const result = await sql<{ hits: number; reset_in: number }>`
    insert into rate_limits as r (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else r.hits + 1 end,
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end
    returning hits, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now())))::int as reset_in`.execute(
    db,
  );
  const row = result.rows[0];
  return { hits: row?.hits ?? 1, resetIn: Math.max(1, row?.reset_in ?? windowSeconds) };
}

export async function deleteExpiredRateLimits(db: Database, olderThanSeconds: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`).execute();
}
