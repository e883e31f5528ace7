import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** The states a revision (a proposed version of a practice) moves through in review. */
type ReviewState = 'draft' | 'submitted' | 'in_review' | 'changes_requested' | 'resubmitted' | 'published' | 'rejected';

/** A practice's status: the review states, and archived (taken offline by editors). Only `published` is public. */
export type PracticeStatus = ReviewState | 'archived';

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
  project_state: ProjectState | null;
  contact_user_id: number | null;
  documents: ColumnType<PracticeDocument[], string | undefined, string>;
  images: ColumnType<PracticeImage[], string | undefined, string>;
  archived_at: Date | null;
};

export type ProjectState = 'ongoing' | 'completed';
/** A PDF attached to a practice: the upload and the title shown for it. */
export type PracticeDocument = { uploadId: number; sha256: string; title: string; bytes: number };
/** A picture of a practice, with the text that replaces it for people who cannot see it. */
export type PracticeImage = { uploadId: number; sha256: string; alt: string; width: number; height: number };

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
  /** Title and summary only (weights A, B): pre-ordering search hits and finding related practices. */
  search_head: GeneratedAlways<string>;
} & Record<PracticeSection, Generated<string>>;

export type PracticeThemesTable = { practice_id: number; theme_slug: string };
export type PracticeTopicsTable = { practice_id: number; topic_slug: string };

/** The review states of a revision; a revision may also be withdrawn by its author. */
export type RevisionState = ReviewState | 'withdrawn';

export type PracticeRevisionsTable = {
  id: GeneratedAlways<number>;
  practice_id: number;
  state: Generated<RevisionState>;
  /** The whole proposed record (RevisionContent), so review sees exactly what would go online. */
  content: ColumnType<unknown, string, string>;
  author_user_id: number | null;
  reviewer_user_id: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type PracticeHistoryTable = {
  id: GeneratedAlways<number>;
  practice_id: number;
  revision_id: number | null;
  actor_user_id: number | null;
  from_state: string | null;
  to_state: string;
  comment: Generated<string>;
  created_at: Generated<Date>;
};

export type PracticeContactsTable = {
  id: GeneratedAlways<number>;
  practice_id: number;
  sender_user_id: number | null;
  recipient_user_id: number | null;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    practices: PracticesTable;
    practice_translations: PracticeTranslationsTable;
    practice_themes: PracticeThemesTable;
    practice_topics: PracticeTopicsTable;
    practice_revisions: PracticeRevisionsTable;
    practice_history: PracticeHistoryTable;
    practice_contacts: PracticeContactsTable;
  }
}
