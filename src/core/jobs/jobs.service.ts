import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../platform/db/client.ts';
import type { Logger } from '../../platform/log.ts';
import * as q from './jobs.queries.ts';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** A failure that retrying cannot fix (e.g. a malformed payload): the job fails at once. */
export class PermanentJobError extends Error {}

export function enqueueJob(
  db: Database,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: Date; maxAttempts?: number } = {},
) {
  return q.insertJob(db, { kind, payload, ...options });
}

/** 30 s, 1 min, 2 min, 4 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

export type RunReport = { done: number; retried: number; failed: number };

/** Claims and runs the due jobs once. Each job's outcome is recorded on its row, visible to admins. */
export async function runDueJobs(
  db: Database,
  handlers: JobHandlers,
  options: {
    workerId: string;
    limit?: number;
    logger?: Logger;
    now?: () => Date;
    onOutcome?: (kind: string, outcome: keyof RunReport) => void;
  },
): Promise<RunReport> {
  const report: RunReport = { done: 0, retried: 0, failed: 0 };
  const jobs = await q.claimDueJobs(db, options.workerId, options.limit ?? 10);
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      await handler(job.payload);
      await q.completeJob(db, job.id);
      report.done++;
      options.onOutcome?.(job.kind, 'done');
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      if (error instanceof PermanentJobError || job.attempts >= job.max_attempts) {
        await q.failJob(db, job.id, message);
        report.failed++;
        options.onOutcome?.(job.kind, 'failed');
        options.logger?.error({ job: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job failed');
      } else {
        const now = options.now?.() ?? new Date();
        await q.retryJobLater(db, job.id, message, new Date(now.getTime() + backoffSeconds(job.attempts) * 1000));
        report.retried++;
        options.onOutcome?.(job.kind, 'retried');
        options.logger?.warn({ job: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job will be retried');
      }
    }
  }
  return report;
}

export type Worker = { stop: () => Promise<void> };

/**
 * Polls the jobs table every `intervalMs` until stopped. Safe to run in several processes at once.
 * Jobs left 'running' by a crashed process are released after ten minutes; `housekeeping` (pruning
 * expired rows) runs at most once an hour per process — it is idempotent, so several may run it.
 */
export function startWorker(
  db: Database,
  handlers: JobHandlers,
  options: {
    logger: Logger;
    intervalMs?: number;
    housekeeping?: () => Promise<void>;
    /** Told each job's outcome (for /metrics). */
    onOutcome?: (kind: string, outcome: keyof RunReport) => void;
  },
): Worker {
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastHousekeeping = 0;
  const tick = async () => {
    try {
      await q.releaseStaleJobs(db, 600);
      if (options.housekeeping && Date.now() - lastHousekeeping > 3600_000) {
        lastHousekeeping = Date.now();
        await options.housekeeping();
      }
      let report: RunReport;
      do {
        report = await runDueJobs(db, handlers, { workerId, logger: options.logger, onOutcome: options.onOutcome });
      } while (!stopped && report.done + report.retried + report.failed > 0);
    } catch (error) {
      options.logger.error({ err: error }, 'job worker tick failed');
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), options.intervalMs ?? 1000);
  };
  running = tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export function listJobs(db: Database, status: 'pending' | 'running' | 'done' | 'failed', limit = 50) {
  return q.listJobs(db, status, limit);
}

export function countJobs(db: Database, status: 'pending' | 'running' | 'done' | 'failed') {
  return q.countJobsWithStatus(db, status);
}

/** The queue at a glance (for /metrics and /healthz): due, scheduled, running and failed jobs, and the oldest due one's wait. */
export function describeQueue(db: Database) {
  return q.summarizeQueue(db);
}
