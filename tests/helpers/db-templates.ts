import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateDatabase } from '../../src/modules.ts';
import {
  adminQuery,
  createPostgresDatabase,
  dropPostgresDatabase,
  dumpPglite,
  migratedPglite,
  migratedSnapshotPath,
  openPostgres,
  SEEDS,
  seedTestDatabase,
  type TestSeed,
  writeAtomically,
} from './db-engines.ts';

// Migrating and seeding the demo content costs seconds per database, and almost every test file wants
// the same few states. `npm test` (tests/run.mjs) therefore builds one database per seed kind before
// the tests and hands them to the test processes in PEERPOLIS_TEST_TEMPLATES; each test file then
// gets a copy: `create database … template …` on PostgreSQL, a data-directory dump loaded into a new
// PGlite on the embedded engine. Without that variable (a test file run on its own) createTestDatabase
// builds its database itself, as it always did.

export const TEMPLATES_ENV = 'PEERPOLIS_TEST_TEMPLATES';

export type Templates =
  | { engine: 'pglite'; run: string; files: Record<TestSeed, string> }
  | { engine: 'postgres'; run: string; url: string; databases: Record<TestSeed, string> };

/**
 * The templates of this run, if they were built for the engine this process tests (TEST_DATABASE_URL):
 * a variable left over from another shell never sends a test to the wrong server.
 */
export function templatesFromEnv(env: NodeJS.ProcessEnv = process.env): Templates | undefined {
  const value = env[TEMPLATES_ENV];
  if (!value) return undefined;
  const templates = JSON.parse(value) as Templates;
  const url = env.TEST_DATABASE_URL;
  if (templates.engine === 'postgres') return url === templates.url ? templates : undefined;
  return url ? undefined : templates;
}

const TEMPLATE_PREFIX = 'peerpolis_tpl_';
const COPY_PREFIX = 'peerpolis_test_';
/** A run killed outright (SIGKILL, a lost machine) cannot drop its databases; a later run does, past this age. */
const STALE_MS = 12 * 60 * 60 * 1000;

/**
 * A new run's id: its birth time in base 36 (how a later run knows a leftover is stale) and a random
 * part (runs on other machines may share the server).
 */
export function newRunId(now = Date.now()): string {
  return `${now.toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** The name of a test file's copy: within the run's namespace, so the end of the run drops it even if the file's process died. */
export function copyName(templates: Templates): string {
  return `${COPY_PREFIX}${templates.run}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Builds the three templates for the engine `url` selects (none: PGlite, with dumps written to `dir`). */
export async function buildTemplates(run: string, dir: string, url: string | undefined): Promise<Templates> {
  return url ? buildPostgresTemplates(run, url) : buildPgliteTemplates(run, dir);
}

/**
 * Drops what run `run` left on the PostgreSQL server `url`: its templates and any copy a killed test
 * process did not drop. Works from names alone, so a build cut short is cleaned up too.
 */
export async function dropRun(run: string, url: string | undefined): Promise<void> {
  if (!url) return; // PGlite's dumps live in the run's directory, which run.mjs removes
  const prefixes = [`${TEMPLATE_PREFIX}${run}_`, `${COPY_PREFIX}${run}_`];
  const rows = await adminQuery<{ datname: string }>(url, 'select datname from pg_database');
  const ours = rows.map((r) => r.datname).filter((name) => prefixes.some((p) => name.startsWith(p)));
  // Side by side: each drop waits for a checkpoint, which concurrent drops can share.
  await Promise.all(ours.map((name) => dropPostgresDatabase(url, name)));
}

async function buildPgliteTemplates(run: string, dir: string): Promise<Templates> {
  const files = Object.fromEntries(SEEDS.map((seed) => [seed, join(dir, `${seed}.tar.gz`)])) as Record<TestSeed, string>;
  // Each seed on its own copy of the migrated state, never one on top of another: seeding the demo
  // over the taxonomy would upsert those rows twice (other row versions, another order on disk).
  for (const seed of ['taxonomy', 'demo'] as const) {
    const handle = await migratedPglite();
    try {
      await seedTestDatabase(handle, seed);
      writeAtomically(files[seed], await dumpPglite(handle));
    } finally {
      await handle.close();
    }
  }
  // migratedPglite keeps the migrated state on disk, so that one needs no PGlite of its own.
  copyFileSync(migratedSnapshotPath(), files.none);
  return { engine: 'pglite', run, files };
}

async function buildPostgresTemplates(run: string, url: string): Promise<Templates> {
  await dropStale(url);
  const databases = Object.fromEntries(SEEDS.map((seed) => [seed, `${TEMPLATE_PREFIX}${run}_${seed}`])) as Record<TestSeed, string>;
  await createPostgresDatabase(url, databases.none);
  const migrated = await openPostgres(url, databases.none);
  try {
    await migrateDatabase(migrated.db);
  } finally {
    await migrated.close(); // a template with a session open cannot be copied
  }
  // Same as PGlite: each seed on its own copy of the migrated state.
  await Promise.all(
    SEEDS.filter((seed) => seed !== 'none').map(async (seed) => {
      await createPostgresDatabase(url, databases[seed], databases.none);
      const handle = await openPostgres(url, databases[seed]);
      try {
        await seedTestDatabase(handle, seed);
      } finally {
        await handle.close();
      }
    }),
  );
  // No session may open a template from now on, not even autovacuum's, which would make a copy wait or fail.
  for (const name of Object.values(databases)) await adminQuery(url, `alter database ${name} allow_connections false`);
  return { engine: 'postgres', run, url, databases };
}

/**
 * Drops the templates and copies of runs that died long ago (recent ones may belong to a run still
 * going, here or on another machine). Only names this scheme makes are read as a run id: copies
 * named `peerpolis_test_<pid>_…` by a file run on its own are not touched.
 */
async function dropStale(url: string): Promise<void> {
  const rows = await adminQuery<{ datname: string }>(url, 'select datname from pg_database');
  for (const { datname } of rows) {
    const prefix = [TEMPLATE_PREFIX, COPY_PREFIX].find((p) => datname.startsWith(p));
    const born = prefix && /^([0-9a-z]{8})_[0-9a-f]{6}_/.exec(datname.slice(prefix.length))?.[1];
    if (born && Date.now() - Number.parseInt(born, 36) > STALE_MS) await dropPostgresDatabase(url, datname).catch(() => undefined);
  }
}
