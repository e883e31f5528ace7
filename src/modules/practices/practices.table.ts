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
};

export type PracticeTranslationsTable = {
  practice_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  search: GeneratedAlways<string>;
};
