import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from './modules.ts';
import { loadConfig } from './platform/config.ts';
import { connectDatabase } from './platform/db/connect.ts';
import { createLogger } from './platform/log.ts';
import { serveClusterMetrics } from './platform/metrics-cluster.ts';
import { seedDatabase } from './seed.ts';

// `npm run start:cluster`: several app processes on one PostgreSQL, sharing one port (Node's cluster
// hands each connection to the next process). This primary process prepares the database once
// (migrations, seed), then starts WEB_CONCURRENCY servers (default: one per core) and starts a server
// again if one dies. Only the first runs the job worker: jobs are claimed safely by any number, but one
// sender keeps the newsletter's rate what NEWSLETTER_RATE says. PGlite is one process's database, so a
// cluster needs DATABASE_URL. docs/operations.md ("Several processes").

const RESTART_DELAY_MS = 1000;

async function main(): Promise<void> {
  // A bad setting ends the start below with its message ("Invalid configuration: PORT …"), exit code 1.
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.error('npm run start:cluster needs DATABASE_URL: PGlite can be opened by one process only (use npm start).');
    process.exit(1);
  }
  const count = Number(process.env.WEB_CONCURRENCY ?? availableParallelism());
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error('WEB_CONCURRENCY must be a whole number from 1 to 64.');
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await connectDatabase(config);
  try {
    const migration = await migrateDatabase(database.db);
    const seed = await seedDatabase(database.db, { demo: config.SEED_DEMO, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
    logger.info({ migrations: migration.applied, demo: seed.demo }, 'database ready');
  } finally {
    await database.close();
  }

  cluster.setupPrimary({ exec: fileURLToPath(new URL('./server.ts', import.meta.url)) });
  serveClusterMetrics();
  let stopping = false;
  const start = (index: number) => {
    const worker = cluster.fork({ PEERPOLIS_PROCESS: String(index), PEERPOLIS_JOBS: index === 1 ? 'on' : 'off' });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ process: index, code, signal }, 'server process ended; starting it again');
      setTimeout(() => start(index), RESTART_DELAY_MS).unref();
    });
  };
  for (let i = 1; i <= count; i++) start(i);
  logger.info({ processes: count, port: config.PORT }, 'cluster started');

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping every server process');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Peerpolis could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
