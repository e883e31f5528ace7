import type { ColumnType } from 'kysely';

/** A label in each UI locale, e.g. { en: 'Waste management', de: 'Abfallwirtschaft', ... }. */
export type LocalizedLabel = Record<string, string>;
type Json<T> = ColumnType<T, string, string>;

export type RegionsTable = { slug: string; position: number; label: Json<LocalizedLabel> };
export type CountriesTable = { code: string; region_slug: string };
export type ThemesTable = { slug: string; position: number; label: Json<LocalizedLabel> };
export type TopicsTable = { slug: string; theme_slug: string; position: number; label: Json<LocalizedLabel> };

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    regions: RegionsTable;
    countries: CountriesTable;
    themes: ThemesTable;
    topics: TopicsTable;
  }
}
