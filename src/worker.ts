import type { Worker } from './core/jobs/jobs.service.ts';
import { startWorker } from './core/jobs/jobs.service.ts';
import { moduleServices, modules } from './modules.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/client.ts';
import type { Logger } from './platform/log.ts';
import type { Metrics } from './platform/metrics.ts';

/** The background worker: every module's job handlers, plus every module's hourly housekeeping. */
export function startBackgroundWorker(
  db: Database,
  config: Config,
  logger: Logger,
  /** The serving process's counters; a worker of its own (`npm run cli -- worker`) has none to show. */
  metrics?: Metrics,
  intervalMs = 1000,
): Worker & { describe: Record<string, string> } {
  const ctx = { db, config, logger, metrics, extensions: moduleServices.extensions };
  const contributions = modules.flatMap((m) => (m.jobs ? [m.jobs(ctx)] : []));
  const handlers = Object.assign({}, ...contributions.map((c) => c.handlers));
  const worker = startWorker(db, handlers, {
    logger,
    intervalMs,
    onOutcome: metrics ? (kind, outcome) => metrics.countJob(kind, outcome) : undefined,
    housekeeping: async () => {
      // One module's failure must not starve the others' housekeeping.
      for (const module of modules) {
        try {
          await module.housekeeping?.(ctx);
        } catch (err) {
          logger.error({ err, module: module.name }, 'housekeeping failed');
        }
      }
    },
  });
  return {
    describe: Object.assign({}, ...contributions.map((c) => c.describe ?? {})),
    stop: async () => {
      await worker.stop();
      for (const c of contributions) c.close?.();
    },
  };
}
