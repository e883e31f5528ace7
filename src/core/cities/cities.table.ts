import type { ColumnType, GeneratedAlways } from 'kysely';

export type CitiesTable = {
  id: GeneratedAlways<number>;
  slug: string;
  country_code: string;
  name: string;
  /** Names that differ per locale (e.g. Arabic script), { ar: 'أكادير' }; `name` is the fallback. */
  names: ColumnType<Record<string, string>, string | undefined, string>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    cities: CitiesTable;
  }
}
