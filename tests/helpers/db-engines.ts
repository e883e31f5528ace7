import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { migrateDatabase, migrations, publicTables } from '../../src/modules.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/client.ts';
import { syncContentTriggers } from '../../src/platform/db/content-versions.queries.ts';
import { seedDatabase } from '../../src/seed.ts';

// The building blocks of test databases on both engines, shared by createTestDatabase (one per test
// file) and the templates `npm test` prepares once per run (db-templates.ts).

export const SEEDS = ['none', 'taxonomy', 'demo'] as const;
export type TestSeed = (typeof SEEDS)[number];

/** Loads what the test asked for into a migrated database, exactly as the app's start-up would. */
export async function seedTestDatabase(handle: DatabaseHandle, seed: TestSeed): Promise<void> {
  if (seed !== 'none') await seedDatabase(handle.db, { demo: seed === 'demo' });
}

/**
 * PGlite in memory, migrated. Booting PGlite and migrating costs seconds, so the first caller snapshots
 * the migrated data directory to the temp folder and later ones start from that copy.
 */
export async function migratedPglite(): Promise<DatabaseHandle> {
  const snapshot = migratedSnapshotPath();
  let data: Buffer | undefined;
  try {
    data = readFileSync(snapshot);
  } catch {
    data = undefined;
  }
  if (data) {
    const handle = await pgliteFromDump(data);
    await migrateDatabase(handle.db); // a no-op, unless the snapshot is older than the code
    return handle;
  }
  const handle = await openDatabase({ engine: 'pglite', settings: TEST_PGLITE_SETTINGS });
  await migrateDatabase(handle.db);
  writeAtomically(snapshot, await dumpPglite(handle));
  return handle;
}

/** Where migratedPglite keeps its snapshot: the name changes whenever any migration's code does, so it is never stale. */
export function migratedSnapshotPath(): string {
  const source = Object.entries(migrations)
    .map(([name, m]) => `${name}:${m.up.toString()}`)
    .join('\n')
    .concat(JSON.stringify(publicTables), syncContentTriggers.toString());
  const key = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return join(tmpdir(), `peerpolis-test-db-${process.versions.node}-${key}.tar.gz`);
}

/**
 * Test databases are small, and PGlite's data directory lives in memory: 128 MB of shared buffers (the
 * default, and the server's) only cost clearing them at every start. With these, opening the demo
 * template costs about 1.0 CPU-second instead of 1.7 (ADR 011, "Update (issue 16, fifth session)").
 */
export const TEST_PGLITE_SETTINGS = { shared_buffers: '4MB', wal_buffers: '256kB', max_connections: '5' } as const;

export function pgliteFromDump(data: Uint8Array): Promise<DatabaseHandle> {
  return openDatabase({ engine: 'pglite', loadDataDir: new Blob([new Uint8Array(data)]), settings: TEST_PGLITE_SETTINGS });
}

/**
 * The data directory as a gzipped tar. A checkpoint first, with old WAL segments removed rather than kept
 * for reuse: the dump then holds one 16 MB segment instead of two or three, and every test file that
 * loads it starts about 0.3 s sooner (ADR 011, "Update (issue 16)").
 */
export async function dumpPglite(handle: DatabaseHandle): Promise<Uint8Array> {
  if (!handle.pglite) throw new Error('Only a PGlite database can be dumped');
  await handle.pglite.exec('set wal_recycle = off; checkpoint;');
  return new Uint8Array(await (await handle.pglite.dumpDataDir('gzip')).arrayBuffer());
}

/** Writes under a temporary name, then renames: parallel test files never read half a file. */
export function writeAtomically(path: string, data: Uint8Array): void {
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}

/** One statement on the server's admin database (the one TEST_DATABASE_URL names), on its own connection. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(adminUrl: string, text: string): Promise<R[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return (await admin.query<R>(text)).rows;
  } finally {
    await admin.end();
  }
}

/**
 * `create database`, optionally as a copy of a template. PostgreSQL refuses to copy a database that
 * has other sessions ("source database … is being accessed by other users", 55006, after waiting 5 s
 * for them to go): the template's builder may not have disconnected yet, or a server version that
 * counts another copy in progress as a session. Such a session ends soon, so that error is retried
 * for half a minute; every other one is thrown at once.
 */
export async function createPostgresDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const statement = template ? `create database ${name} template ${template}` : `create database ${name}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await adminQuery(adminUrl, statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || Date.now() > deadline) throw error;
      await sleep(50 + Math.random() * 100);
    }
  }
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

export function openPostgres(adminUrl: string, name: string): Promise<DatabaseHandle> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
}

/** A handle whose close also drops its database: nothing is left on the server after a test file. */
export function droppedOnClose(handle: DatabaseHandle, adminUrl: string, name: string): DatabaseHandle {
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropPostgresDatabase(adminUrl, name);
    },
  };
}
