import type { ColumnType, GeneratedAlways } from 'kysely';

export type CitiesTable = {
  id: GeneratedAlways<number>;
  slug: string;
  country_code: string;
  name: string;
  /** Names that differ per locale (e.g. Arabic script), { ar: 'أكادير' }; `name` is the fallback. */
  names: ColumnType<Record<string, string>, string | undefined, string>;
};
