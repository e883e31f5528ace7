import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type PracticeStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'resubmitted'
  | 'published'
  | 'rejected'
  | 'archived';

export type PracticesTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  status: Generated<PracticeStatus>;
  city_id: number | null;
  country_code: string | null;
  start_year: number | null;
  end_year: number | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  sdgs: Generated<number[]>;
  partners: ColumnType<string[], string | undefined, string>;
  links: ColumnType<PracticeLink[], string | undefined, string>;
  contact_name: string | null;
  contact_organisation: string | null;
  author_user_id: number | null;
};

export type PracticeLink = { url: string; label: string };

/** The sections of a practice, per language: what another city needs to transfer it. */
export const PRACTICE_SECTIONS = ['challenge', 'approach', 'results', 'lessons', 'transfer', 'resources'] as const;
export type PracticeSection = (typeof PRACTICE_SECTIONS)[number];

export type PracticeTranslationsTable = {
  practice_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  search: GeneratedAlways<string>;
} & Record<PracticeSection, Generated<string>>;

export type PracticeThemesTable = { practice_id: number; theme_slug: string };
export type PracticeTopicsTable = { practice_id: number; topic_slug: string };
