import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createPostgresDatabase, dropPostgresDatabase, seedTestDatabase } from '../../../tests/helpers/db-engines.ts';
import { templatesFromEnv } from '../../../tests/helpers/db-templates.ts';
import { migrations } from '../../modules.ts';
import { BackupError, backupTo, restoreFrom } from './backup.ts';
import { type Database, openDatabase } from './client.ts';
import { connectDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

// Backup and restore on the engine under test (TEST_DATABASE_URL: PostgreSQL, else PGlite in a DATA_DIR):
// the demo content and an uploaded file go into one archive and come back, every table equal.

const adminUrl = process.env.TEST_DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'peerpolis-backup-test-'));
const databases: string[] = [];

function urlOf(name: string): string {
  const url = new URL(adminUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

/** A place to restore into: a new PostgreSQL database, or a new DATA_DIR. */
async function freshTarget(label: string) {
  const DATA_DIR = join(work, label);
  if (!adminUrl) return { DATA_DIR };
  const name = `peerpolis_backup_${label}_${randomBytes(4).toString('hex')}`;
  await createPostgresDatabase(adminUrl, name);
  databases.push(name);
  return { DATA_DIR, DATABASE_URL: urlOf(name) };
}

async function withDb<T>(target: { DATA_DIR: string; DATABASE_URL?: string }, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = target.DATABASE_URL
    ? await openDatabase({ engine: 'postgres', url: target.DATABASE_URL, poolSize: 1 })
    : await connectDatabase(target);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

/** Every table's rows, as one digest per table (rows in text form, sorted). */
async function tableDigests(db: Database): Promise<Record<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(
    db,
  );
  const digests: Record<string, string> = {};
  for (const { table_name } of tables.rows) {
    const row = await sql<{ n: number; digest: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${sql.table(table_name)} x`.execute(
      db,
    );
    digests[table_name] = `${row.rows[0]?.n}:${row.rows[0]?.digest}`;
  }
  return digests;
}

let source: { DATA_DIR: string; DATABASE_URL?: string };
let before_: Record<string, string>;
const archive = join(work, 'backup.tar.gz');

before(async () => {
  source = await freshTarget('source');
  const templates = templatesFromEnv();
  if (source.DATABASE_URL) {
    // The run's demo template when `npm test` built one; else migrated and seeded here.
    if (templates?.engine === 'postgres') {
      await dropPostgresDatabase(adminUrl ?? '', databases[0] ?? '');
      await createPostgresDatabase(adminUrl ?? '', databases[0] ?? '', templates.databases.demo);
    }
  }
  await withDb(source, async (db) => {
    await migrateToLatest(db, migrations);
    await seedTestDatabase({ db, engine: source.DATABASE_URL ? 'postgres' : 'pglite', close: async () => {} }, 'demo');
  });
  mkdirSync(join(source.DATA_DIR, 'uploads', 'ab'), { recursive: true });
  writeFileSync(join(source.DATA_DIR, 'uploads', 'ab', 'abcdef.pdf'), '%PDF-1.4 a stored upload');
  mkdirSync(join(source.DATA_DIR, 'uploads', 'cards'), { recursive: true });
  writeFileSync(join(source.DATA_DIR, 'uploads', 'cards', 'drawn.png'), 'a cache the site draws again');
  before_ = await withDb(source, tableDigests);
});
after(async () => {
  for (const name of databases) await dropPostgresDatabase(adminUrl ?? '', name);
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  it('backs up the database and the uploads, and restores every table into a new one', async () => {
    const backup = await backupTo(source, archive);
    assert.deepEqual(backup, { engine: adminUrl ? 'postgres' : 'pglite', files: 1 });
    const target = await freshTarget('target');
    const restored = await restoreFrom(target, archive);
    assert.deepEqual(restored, backup);
    const after_ = await withDb(target, tableDigests);
    assert.ok(Object.keys(before_).length > 40, `${Object.keys(before_).length} tables`);
    assert.ok(Number(before_.practices?.split(':')[0]) > 0 && Number(before_.experts?.split(':')[0]) > 0, 'the demo content is there');
    assert.deepEqual(after_, before_);
    assert.equal(readFileSync(join(target.DATA_DIR, 'uploads', 'ab', 'abcdef.pdf'), 'utf8'), '%PDF-1.4 a stored upload');
    // The drawn share cards are a cache, and on PGlite the database's own files are in the dump.
    assert.equal(existsSync(join(target.DATA_DIR, 'uploads', 'cards', 'drawn.png')), false);
  });

  it('refuses to restore over a database that holds data or from a backup of the other engine, and (PGlite) to back up while the site runs', async () => {
    await assert.rejects(
      restoreFrom(source, archive),
      (e: unknown) => e instanceof BackupError && /not empty|already holds/.test(e.message),
    );
    const other = adminUrl
      ? { DATA_DIR: join(work, 'other') }
      : { DATA_DIR: join(work, 'other'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    await assert.rejects(
      restoreFrom(other, archive),
      (e: unknown) => e instanceof BackupError && /restore it with DATABASE_URL/.test(e.message),
    );
    if (!adminUrl) {
      // PGlite is one process's: while the site holds the data directory, a backup is refused, not half-read.
      writeFileSync(join(source.DATA_DIR, 'peerpolis.lock'), String(process.ppid));
      try {
        await assert.rejects(backupTo(source, join(work, 'while-running.tar.gz')), /in use by process/);
      } finally {
        rmSync(join(source.DATA_DIR, 'peerpolis.lock'), { force: true });
      }
    }
    const notABackup = join(work, 'not-a-backup.tar.gz');
    writeFileSync(notABackup, 'plain text');
    await assert.rejects(restoreFrom(await freshTarget('third'), notABackup));
  });
});
