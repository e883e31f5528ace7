import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { migrateDatabase } from './modules.ts';
import { loadConfig } from './platform/config.ts';
import { connectDatabase } from './platform/db/connect.ts';
import { createDeps } from './platform/deps.ts';
import { createLogger } from './platform/log.ts';
import { joinClusterMetrics } from './platform/metrics-cluster.ts';
import { seedDatabase } from './seed.ts';
import { startBackgroundWorker } from './worker.ts';

// Start-up: configuration → database → migrations → seed → listen. Stops cleanly on SIGINT/SIGTERM.
// Started by src/cluster.ts as one of several processes, it finds the database prepared, and runs the
// job worker only when told to (PEERPOLIS_JOBS=on, the first process).
const inCluster = cluster.isWorker;

async function main(): Promise<void> {
  // A bad setting ends the start below with its message ("Invalid configuration: PORT …"), exit code 1.
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const database = await connectDatabase(config);
  if (!inCluster) {
    const migration = await migrateDatabase(database.db);
    const seed = await seedDatabase(database.db, { demo: config.SEED_DEMO, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
    logger.info({ engine: database.engine, migrations: migration.applied, demo: seed.demo }, 'database ready');
  }

  const deps = createDeps(config, database, { logger });
  // One scrape of /metrics reports every process of the cluster (metrics-cluster.ts).
  if (inCluster) deps.metrics.sumOverProcesses(joinClusterMetrics(deps.metrics.registry));
  const app = createApp(deps);
  const worker =
    !inCluster || process.env.PEERPOLIS_JOBS === 'on' ? startBackgroundWorker(database.db, config, logger, deps.metrics) : null;
  if (worker) logger.info(worker.describe, 'job worker started');
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const process_ = inCluster ? { process: Number(process.env.PEERPOLIS_PROCESS) } : {};
    logger.info({ url: `http://${config.HOST}:${info.port}/`, ms: Math.round(performance.now() - started), ...process_ }, 'listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await worker?.stop();
      await database.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Peerpolis could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
