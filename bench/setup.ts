import { migrateDatabase } from '../src/modules.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type DatabaseHandle, type Engine, openDatabase } from '../src/platform/db/client.ts';
import { seedDatabase } from '../src/seed.ts';

/**
 * The engines to measure: BENCH_ENGINES=pglite,postgres (a list), else PostgreSQL when DATABASE_URL is
 * set, else PGlite. PostgreSQL always means the database at DATABASE_URL.
 */
export function benchEngines(): Engine[] {
  const listed = (process.env.BENCH_ENGINES ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')).split(',').map((e) => e.trim());
  const engines = listed.filter((e): e is Engine => e === 'pglite' || e === 'postgres');
  if (engines.length !== listed.length || engines.length === 0)
    throw new Error(`BENCH_ENGINES: expected pglite and/or postgres, got ${listed}`);
  if (engines.includes('postgres') && !process.env.DATABASE_URL) throw new Error('BENCH_ENGINES includes postgres: set DATABASE_URL');
  return engines;
}

/** The benchmark's database: PGlite in memory, or the PostgreSQL at DATABASE_URL (migrated and seeded). */
export async function benchDatabase(engine: Engine): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = engine === 'postgres' && url ? await openDatabase({ engine: 'postgres', url }) : await openDatabase({ engine: 'pglite' });
  await migrateDatabase(handle.db);
  await seedDatabase(handle.db, { demo: true });
  return handle;
}

export function benchConfig(env: Record<string, string> = {}) {
  return loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.repeat(8), LOG_LEVEL: 'silent', ...env });
}
