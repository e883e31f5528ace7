import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export const NEWS_STATUSES = ['draft', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

/** What an article may be about, as the other modules name their records (an expert by slug). */
export const RELATED_KINDS = ['event', 'practice', 'expert', 'projectIdea'] as const;
export type RelatedKind = (typeof RELATED_KINDS)[number];

/** Field limits, shared by the form, the import and the table's checks. */
export const NEWS_LIMITS = { title: 200, lead: 600, body: 20_000, alt: 300, credit: 200, related: 12 } as const;

export type NewsArticlesTable = {
  id: GeneratedAlways<number>;
  external_id: string;
  slug: string;
  status: Generated<NewsStatus>;
  published_at: Date | null;
  picture_upload_id: number | null;
  picture_sha256: string | null;
  picture_width: number | null;
  picture_height: number | null;
  picture_alt: ColumnType<Record<string, string>, string | undefined, string>;
  picture_credit: Generated<string>;
  created_by: number | null;
  updated_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type NewsTranslationsTable = {
  article_id: number;
  locale: string;
  title: string;
  lead: string;
  body: string;
  search: GeneratedAlways<string>;
};

export type NewsThemesTable = { article_id: number; theme_slug: string };
export type NewsRegionsTable = { article_id: number; region_slug: string };
export type NewsCountriesTable = { article_id: number; country_code: string };
export type NewsRelatedTable = { article_id: number; kind: RelatedKind; ref: string; position: number };

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    news_articles: NewsArticlesTable;
    news_translations: NewsTranslationsTable;
    news_themes: NewsThemesTable;
    news_regions: NewsRegionsTable;
    news_countries: NewsCountriesTable;
    news_related: NewsRelatedTable;
  }
}
