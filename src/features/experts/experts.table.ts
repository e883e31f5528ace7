import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

export type ExpertVisibility = 'public' | 'members' | 'hidden';
export const AVAILABILITY = ['advice', 'missions', 'study-visits', 'speaking'] as const;
export type Availability = (typeof AVAILABILITY)[number];
export const LANGUAGE_LEVELS = ['working', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export type ExpertLink = { url: string; label: string };
/** A profile photo: an image upload and its text alternative. */
export type ExpertPhoto = { uploadId: number; sha256: string; alt: string; width: number; height: number };

export type ExpertsTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  display_name: string;
  city_id: number | null;
  country_code: string | null;
  visibility: Generated<ExpertVisibility>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  user_id: number | null;
  organisation: Generated<string>;
  position: Generated<string>;
  years_experience: number | null;
  availability: Generated<Availability[]>;
  links: ColumnType<ExpertLink[], string | undefined, string>;
  photo: ColumnType<ExpertPhoto | null, string | null | undefined, string | null>;
  contact_enabled: Generated<boolean>;
  listing_consent_at: Date | null;
  /** Facet values, kept by triggers from the link tables (migration 0007); experience includes home. */
  f_themes: Generated<string[]>;
  f_topics: Generated<string[]>;
  f_languages: Generated<string[]>;
  f_regions: Generated<string[]>;
  f_countries: Generated<string[]>;
  /** The account is disabled by an administrator: listed for editors only. */
  suspended: Generated<boolean>;
};

export type ExpertTranslationsTable = {
  expert_id: number;
  locale: string;
  headline: string;
  bio: Generated<string>;
  search: GeneratedAlways<string>;
  /** Who may find the profile in the site search: its visibility, 'hidden' while suspended (kept by triggers, 0018). */
  site_visibility: Generated<ExpertVisibility>;
};

export type ExpertThemesTable = { expert_id: number; theme_slug: string };
export type ExpertTopicsTable = { expert_id: number; topic_slug: string };
export type ExpertRegionsTable = { expert_id: number; region_slug: string };
export type ExpertCountriesTable = { expert_id: number; country_code: string };
export type ExpertLanguagesTable = { expert_id: number; code: string; level: LanguageLevel };
/** A language an expert speaks, with its level: the row as profiles, the index and the exchange format carry it. */
export type ExpertLanguage = Pick<Selectable<ExpertLanguagesTable>, 'code' | 'level'>;

export type ExpertContactsTable = {
  id: GeneratedAlways<number>;
  expert_id: number;
  sender_user_id: number | null;
  created_at: Generated<Date>;
};

export type MatchRequestsTable = {
  id: GeneratedAlways<number>;
  title: string;
  query: ColumnType<unknown, string, string>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type MatchRequestContactsTable = {
  request_id: number;
  expert_id: number;
  noted_by: number | null;
  note: Generated<string>;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    experts: ExpertsTable;
    expert_translations: ExpertTranslationsTable;
    expert_themes: ExpertThemesTable;
    expert_topics: ExpertTopicsTable;
    expert_regions: ExpertRegionsTable;
    expert_countries: ExpertCountriesTable;
    expert_languages: ExpertLanguagesTable;
    expert_contacts: ExpertContactsTable;
    match_requests: MatchRequestsTable;
    match_request_contacts: MatchRequestContactsTable;
  }
}
