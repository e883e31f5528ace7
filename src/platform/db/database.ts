import type { ColumnType } from 'kysely';

export type SeedRunsTable = { name: string; applied_at: ColumnType<Date, Date | undefined, never> };

/**
 * Every table of the database, as Kysely sees it. The platform declares only its own; each module adds
 * its tables from its `*.table.ts` by declaration merging (`declare module '…/database.ts' { interface DB
 * { … } }`), so the platform names no module and a new module touches no file outside its folder.
 * An interface, not a type alias, because only interfaces merge.
 */
export interface DB {
  seed_runs: SeedRunsTable;
}
