import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrations } from '../../src/modules.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/client.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { seedDatabase } from '../../src/seed.ts';

export type TestSeed = 'none' | 'taxonomy' | 'demo';

/**
 * A fresh, migrated database for one test file.
 * - Default: PGlite in memory. Booting PGlite and migrating costs seconds, so the first test file
 *   snapshots the migrated data directory to the temp folder and later files start from that copy.
 * - With TEST_DATABASE_URL: a new database on that PostgreSQL server, dropped again on close.
 */
export async function createTestDatabase(options: { seed?: TestSeed } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const handle = url ? await freshPostgresDatabase(url) : await freshPgliteDatabase();
  const seed = options.seed ?? 'taxonomy';
  if (seed !== 'none') await seedDatabase(handle.db, { demo: seed === 'demo' });
  return handle;
}

async function freshPgliteDatabase(): Promise<DatabaseHandle> {
  // The snapshot's name changes whenever any migration's code does, so it is never stale.
  const source = Object.entries(migrations)
    .map(([name, m]) => `${name}:${m.up.toString()}`)
    .join('\n');
  const key = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const snapshot = join(tmpdir(), `peerpolis-test-db-${process.versions.node}-${key}.tar.gz`);
  let data: Buffer | undefined;
  try {
    data = readFileSync(snapshot);
  } catch {
    data = undefined;
  }
  if (data) {
    const handle = await openDatabase({ engine: 'pglite', loadDataDir: new Blob([new Uint8Array(data)]) });
    await migrateToLatest(handle.db, migrations); // a no-op, unless the snapshot is older than the code
    return handle;
  }
  const handle = await openDatabase({ engine: 'pglite' });
  await migrateToLatest(handle.db, migrations);
  if (handle.pglite) {
    const dump = await handle.pglite.dumpDataDir('gzip');
    const partial = `${snapshot}.${process.pid}.tmp`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, snapshot); // atomic: parallel test files never read half a file
  }
  return handle;
}

async function freshPostgresDatabase(adminUrl: string): Promise<DatabaseHandle> {
  const name = `peerpolis_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db, migrations);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
