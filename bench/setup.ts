import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDatabase } from '../src/db/seed/seed.ts';

/** The benchmark's database: PGlite in memory, or the PostgreSQL at DATABASE_URL (migrated and seeded). */
export async function benchDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openDatabase({ engine: 'postgres', url }) : await openDatabase({ engine: 'pglite' });
  await migrateToLatest(handle.db);
  await seedDatabase(handle.db, { demo: true });
  return handle;
}

export function benchConfig() {
  return loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.repeat(8), LOG_LEVEL: 'silent' });
}
