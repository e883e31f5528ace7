import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tar from 'tar';
import type { Config } from '../config.ts';
import { isUntouched } from './backup.queries.ts';
import { openDatabase } from './client.ts';
import { connectDatabase } from './connect.ts';

// `npm run cli -- backup FILE` and `restore FILE` (docs/operations.md): one .tar.gz with the database and
// DATA_DIR's files (uploads, and on PGlite the key kept there). PostgreSQL: `pg_dump --format=custom`
// while the site serves, restored with `pg_restore`. PGlite, a single-process database: the site must be
// stopped (the data directory's lock says so), and the dump is PGlite's own consistent copy of its
// directory. The database goes first, then the files: a file stored after the dump is one no restored
// row names (housekeeping removes it); files are never changed in place.

export class BackupError extends Error {}

const MANIFEST = 'peerpolis-backup.json';
/** What DATA_DIR holds that a backup leaves out: the database's own files, the lock, drawn share cards. */
const NOT_BACKED_UP = ['data/pglite', 'data/peerpolis.lock', 'data/uploads/cards'];

type Manifest = { format: 'peerpolis-backup'; version: 1; engine: 'pglite' | 'postgres'; createdAt: string };
type Target = Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>;

const engineOf = (config: Target) => (config.DATABASE_URL ? 'postgres' : 'pglite');

/**
 * Runs a PostgreSQL client program on the database at `url`; its error output on failure. The password
 * goes in PGPASSWORD, not on the command line, where any user of the machine could read it (`ps`).
 */
function run(program: string, args: string[], url: string): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  return new Promise((done, fail) => {
    const child = spawn(program, [...args, `--dbname=${target.toString()}`], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let errors = '';
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    child.on('error', (error) =>
      fail(new BackupError(`${program} could not run (${error.message}): install the PostgreSQL client programs`)),
    );
    child.on('exit', (code) => (code === 0 ? done() : fail(new BackupError(`${program} failed: ${errors.trim().slice(0, 1000)}`))));
  });
}

/** Writes the backup of the configured database and DATA_DIR to `file`; returns what it holds. */
export async function backupTo(config: Target, file: string): Promise<{ engine: Manifest['engine']; files: number }> {
  const work = mkdtempSync(join(tmpdir(), 'peerpolis-backup-'));
  try {
    mkdirSync(join(work, 'database'));
    const engine = engineOf(config);
    if (config.DATABASE_URL) {
      await run(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-acl', `--file=${join(work, 'database', 'postgres.dump')}`],
        config.DATABASE_URL,
      );
    } else {
      // Takes the data directory's lock: refused while the site runs on it.
      const handle = await connectDatabase(config);
      try {
        if (!handle.pglite) throw new BackupError('no embedded database to dump');
        const dump = await handle.pglite.dumpDataDir('gzip');
        writeFileSync(join(work, 'database', 'pglite.tar.gz'), new Uint8Array(await dump.arrayBuffer()));
      } finally {
        await handle.close();
      }
    }
    const manifest: Manifest = { format: 'peerpolis-backup', version: 1, engine, createdAt: new Date().toISOString() };
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const dataDir = resolve(config.DATA_DIR);
    const entries = [MANIFEST, 'database'];
    if (existsSync(dataDir)) {
      symlinkSync(dataDir, join(work, 'data'), 'dir');
      entries.push('data/');
    }
    let files = 0;
    await tar.c(
      {
        gzip: true,
        file,
        cwd: work,
        portable: true,
        // Follows only the link to DATA_DIR: `data/` is read through it.
        follow: true,
        filter: (path, stat) => {
          const name = path.replace(/^\.\//, '').replace(/\/$/, '');
          if (NOT_BACKED_UP.some((p) => name === p || name.startsWith(`${p}/`))) return false;
          if (name.startsWith('data/') && 'isFile' in stat && stat.isFile()) files++;
          return true;
        },
      },
      entries,
    );
    return { engine, files };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Restores `file` into the configured database, which must be new and empty, and into DATA_DIR. */
export async function restoreFrom(config: Target, file: string): Promise<{ engine: Manifest['engine']; files: number }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const work = mkdtempSync(join(tmpdir(), 'peerpolis-restore-'));
  try {
    let files = 0;
    await tar.x({
      file,
      cwd: work,
      strict: true,
      filter: (path, entry) => {
        if (path.startsWith('data/') && 'type' in entry && entry.type === 'File') files++;
        return true;
      },
    });
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(work, MANIFEST), 'utf8'));
    } catch {
      throw new BackupError(`${file} is not a Peerpolis backup (no ${MANIFEST})`);
    }
    if (manifest.format !== 'peerpolis-backup' || manifest.version !== 1) throw new BackupError(`${file}: unknown backup format`);
    const engine = engineOf(config);
    if (manifest.engine !== engine) {
      throw new BackupError(
        manifest.engine === 'pglite'
          ? 'This backup is of the embedded database (PGlite): restore it with DATABASE_URL unset.'
          : 'This backup is of PostgreSQL: restore it with DATABASE_URL set to a new, empty database.',
      );
    }
    const dataDir = resolve(config.DATA_DIR);
    if (config.DATABASE_URL) {
      const handle = await openDatabase({ engine: 'postgres', url: config.DATABASE_URL, poolSize: 1 });
      try {
        if (!(await isUntouched(handle.db)))
          throw new BackupError('The database named by DATABASE_URL is not empty: restore into a new one.');
      } finally {
        await handle.close();
      }
      await run('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', join(work, 'database', 'postgres.dump')], config.DATABASE_URL);
    } else {
      const pgliteDir = join(dataDir, 'pglite');
      if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) {
        throw new BackupError(`${pgliteDir} already holds a database: restore into a new DATA_DIR.`);
      }
      mkdirSync(pgliteDir, { recursive: true });
      const dump = readFileSync(join(work, 'database', 'pglite.tar.gz'));
      const handle = await openDatabase({ engine: 'pglite', dataDir: pgliteDir, loadDataDir: new Blob([new Uint8Array(dump)]) });
      await handle.close();
    }
    if (existsSync(join(work, 'data'))) cpSync(join(work, 'data'), dataDir, { recursive: true });
    return { engine, files };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
