import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export const CALL_KINDS = ['host-dialogue-event', 'join-learning-process', 'support-project-idea'] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export type CallStatus = 'draft' | 'open' | 'closed';
export const APPLICATION_STATUSES = ['submitted', 'in_review', 'revision_requested', 'accepted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Applications that hold a place in a municipality's quota. */
export const ACTIVE_APPLICATION: ApplicationStatus[] = ['submitted', 'in_review', 'revision_requested', 'accepted'];

export type CallsTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  kind: CallKind;
  status: Generated<CallStatus>;
  deadline: Date;
  time_zone: Generated<string>;
  event_id: number | null;
  learning_process_id: number | null;
  region_slug: string | null;
  per_municipality: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type CallTranslationsTable = {
  call_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  eligibility: Generated<string>;
  questions: Generated<string[]>;
};

export type CallThemesTable = { call_id: number; theme_slug: string };

export type CallApplicationsTable = {
  id: GeneratedAlways<number>;
  call_id: number;
  user_id: number;
  status: ApplicationStatus;
  city_id: number;
  country_code: string;
  organisation: Generated<string>;
  proposal: Generated<string>;
  answers: ColumnType<string[], string | undefined, string>;
  submitted_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  decided_at: Date | null;
};

export type CallApplicationHistoryTable = {
  id: GeneratedAlways<number>;
  application_id: number;
  actor_id: number | null;
  status: ApplicationStatus;
  note: Generated<string>;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    calls: CallsTable;
    call_translations: CallTranslationsTable;
    call_themes: CallThemesTable;
    call_applications: CallApplicationsTable;
    call_application_history: CallApplicationHistoryTable;
  }
}
