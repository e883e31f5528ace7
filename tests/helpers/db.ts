import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { migrateDatabase } from '../../src/modules.ts';
import type { DatabaseHandle } from '../../src/platform/db/client.ts';
import {
  createPostgresDatabase,
  droppedOnClose,
  migratedPglite,
  openPostgres,
  pgliteFromDump,
  seedTestDatabase,
  type TestSeed,
} from './db-engines.ts';
import { copyName, type Templates, templatesFromEnv } from './db-templates.ts';

export type { TestSeed } from './db-engines.ts';

/**
 * A fresh, migrated and seeded database for one test file, its own to change.
 * - Default: PGlite in memory. With TEST_DATABASE_URL: a new database on that PostgreSQL server,
 *   dropped again on close.
 * - Under `npm test` it is a copy of the run's template for that seed (db-templates.ts), which costs
 *   a fraction of a second; a test file run on its own migrates and seeds its database itself.
 */
export async function createTestDatabase(options: { seed?: TestSeed } = {}): Promise<DatabaseHandle> {
  const seed = options.seed ?? 'taxonomy';
  const templates = templatesFromEnv();
  if (templates) return copyOfTemplate(templates, seed);
  const url = process.env.TEST_DATABASE_URL;
  const handle = url ? await freshPostgresDatabase(url) : await migratedPglite();
  await seedTestDatabase(handle, seed);
  return handle;
}

async function copyOfTemplate(templates: Templates, seed: TestSeed): Promise<DatabaseHandle> {
  if (templates.engine === 'pglite') return pgliteFromDump(readFileSync(templates.files[seed]));
  const name = copyName(templates);
  await createPostgresDatabase(templates.url, name, templates.databases[seed]);
  return droppedOnClose(await openPostgres(templates.url, name), templates.url, name);
}

async function freshPostgresDatabase(adminUrl: string): Promise<DatabaseHandle> {
  const name = `peerpolis_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createPostgresDatabase(adminUrl, name);
  const handle = droppedOnClose(await openPostgres(adminUrl, name), adminUrl, name);
  await migrateDatabase(handle.db);
  return handle;
}
