import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './client.ts';

export type MigrationReport = { applied: string[] };

/**
 * Brings the schema to the latest migration; throws (with the failing migration's name) on error.
 * `migrations` is every module's set merged by the registry (src/modules.ts): the platform knows none.
 */
export async function migrateToLatest(db: Database, migrations: Record<string, Migration>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
