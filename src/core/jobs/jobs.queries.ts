import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

export type ClaimedJob = { id: string; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number };

export async function insertJob(
  db: Database,
  job: { kind: string; payload: Record<string, unknown>; runAt?: Date; maxAttempts?: number },
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      ...(job.runAt ? { run_at: job.runAt } : {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .returning(sql<string>`id::text`.as('id'))
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes up to `limit` due jobs for one worker. SKIP LOCKED lets several processes claim concurrently
 * without waiting on, or double-taking, each other's rows.
 */
export async function claimDueJobs(db: Database, workerId: string, limit: number): Promise<ClaimedJob[]> {
  const result = await sql<ClaimedJob>`
    update jobs set status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
    where id in (
      select id from jobs where status = 'pending' and run_at <= now()
      order by run_at, id limit ${limit}
      for update skip locked
    )
    returning id::text as id, kind, payload, attempts, max_attempts`.execute(db);
  return result.rows;
}

/** Jobs whose worker died mid-run go back to the queue after `staleSeconds`. */
export async function releaseStaleJobs(db: Database, staleSeconds: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', locked_at: null, locked_by: null })
    .where('status', '=', 'running')
    .where('locked_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Done: the payload is cleared, since it may hold personal data (a mail's address and links). */
export async function completeJob(db: Database, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: new Date(), payload: '{}', locked_by: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function retryJobLater(db: Database, id: string, error: string, runAt: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'pending', run_at: runAt, last_error: error, locked_at: null, locked_by: null })
    .where('id', '=', id)
    .execute();
}

export async function failJob(db: Database, id: string, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'failed', last_error: error, finished_at: new Date(), locked_at: null, locked_by: null })
    .where('id', '=', id)
    .execute();
}

export function listJobs(db: Database, status: 'pending' | 'running' | 'done' | 'failed', limit: number) {
  return (
    db
      .selectFrom('jobs')
      // bigint ids as text on both engines (pg returns strings, PGlite numbers)
      .select([
        sql<string>`id::text`.as('id'),
        'kind',
        'status',
        'attempts',
        'max_attempts',
        'run_at',
        'last_error',
        'created_at',
        'finished_at',
      ])
      .where('status', '=', status)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  );
}

export async function countJobsWithStatus(db: Database, status: 'pending' | 'running' | 'done' | 'failed'): Promise<number> {
  const row = await db.selectFrom('jobs').select(sql<number>`count(*)::int`.as('n')).where('status', '=', status).executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The queue at a glance for /metrics and /healthz: due, scheduled, running and failed jobs, and how long
 * the oldest due one has waited (seconds). One statement; done jobs are not counted (housekeeping prunes them).
 */
export async function summarizeQueue(db: Database) {
  const result = await sql<{ due: number; scheduled: number; running: number; failed: number; oldest_due_seconds: number | null }>`
    select count(*) filter (where status = 'pending' and run_at <= now())::int as due,
           count(*) filter (where status = 'pending' and run_at > now())::int as scheduled,
           count(*) filter (where status = 'running')::int as running,
           count(*) filter (where status = 'failed')::int as failed,
           extract(epoch from now() - min(run_at) filter (where status = 'pending' and run_at <= now()))::float8 as oldest_due_seconds
    from jobs where status <> 'done'`.execute(db);
  const row = result.rows[0];
  return {
    due: row?.due ?? 0,
    scheduled: row?.scheduled ?? 0,
    running: row?.running ?? 0,
    failed: row?.failed ?? 0,
    oldestDueSeconds: row?.oldest_due_seconds == null ? null : Math.max(0, Math.round(row.oldest_due_seconds)),
  };
}
