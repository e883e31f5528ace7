import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from './client.ts';

export class DatabaseInUseError extends Error {}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is a single-process database: a second process opening the same files (a CLI command while the
 * server runs, a second `npm start`) would corrupt them. A lock file with the owner's pid prevents that;
 * a lock left by a crashed process is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lock = join(dir, 'peerpolis.lock');
  try {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new DatabaseInUseError(
        `The embedded database in ${dir} is in use by process ${owner}. Stop that process first, or use DATABASE_URL (PostgreSQL) to run several processes.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw error;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function connectDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openDatabase({ engine: 'postgres', url: config.DATABASE_URL });
  const dir = resolve(config.DATA_DIR);
  const dataDir = join(dir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    const handle = await openDatabase({ engine: 'pglite', dataDir });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
