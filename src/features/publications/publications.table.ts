import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** The kinds of document the library keeps, in the order the filters list them. */
export const PUBLICATION_KINDS = ['study', 'guide', 'documentation', 'factsheet', 'report'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export type PublicationStatus = 'draft' | 'published';

export type PublicationsTable = {
  id: GeneratedAlways<number>;
  external_id: string | null;
  slug: string;
  status: Generated<PublicationStatus>;
  kind: PublicationKind;
  year: number;
  /** The languages of the document itself: ISO 639-1 codes (not the languages of its summaries). */
  languages: ColumnType<string[], string[] | undefined, string[]>;
  /** The uploaded PDF, or … */
  file_upload_id: number | null;
  /** … the document's address elsewhere (exactly one of the two). */
  url: string | null;
  cover_upload_id: number | null;
  /** The event the publication documents. */
  event_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type PublicationTranslationsTable = {
  publication_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  cover_alt: Generated<string>;
  search: GeneratedAlways<string>;
};

export type PublicationThemesTable = { publication_id: number; theme_slug: string };
export type PublicationRegionsTable = { publication_id: number; region_slug: string };

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    publications: PublicationsTable;
    publication_translations: PublicationTranslationsTable;
    publication_themes: PublicationThemesTable;
    publication_regions: PublicationRegionsTable;
  }
}
