import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from './client.ts';

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function connectDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openDatabase({ engine: 'postgres', url: config.DATABASE_URL });
  const dataDir = resolve(config.DATA_DIR, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return openDatabase({ engine: 'pglite', dataDir });
}
