import type { ColumnType, Generated, GeneratedAlways, Selectable } from 'kysely';

// Each list is written once: its type is the union of its values, and it is typed as a non-empty list
// so that `z.enum` takes it as it is.
const KINDS = [
  'dialogue-event',
  'workshop',
  'project-planning-workshop',
  'webinar',
  'expert-mission',
  'network-meeting',
  'conference',
] as const;
export type EventKind = (typeof KINDS)[number];
export const EVENT_KINDS: [EventKind, ...EventKind[]] = [...KINDS];
const FORMATS = ['in-person', 'virtual', 'hybrid'] as const;
export type EventFormat = (typeof FORMATS)[number];
export const EVENT_FORMATS: [EventFormat, ...EventFormat[]] = [...FORMATS];
const STATUSES = ['draft', 'published', 'cancelled', 'postponed'] as const;
export type EventStatus = (typeof STATUSES)[number];
export const EVENT_STATUSES: [EventStatus, ...EventStatus[]] = [...STATUSES];
/** Optional questions an event may ask at registration. */
export const REGISTRATION_QUESTIONS = ['role', 'brings', 'dietary'] as const;
export type RegistrationQuestion = (typeof REGISTRATION_QUESTIONS)[number];

export type EventLink = { url: string; label: string };
/** A document of the event's documentation: an upload (PDF) with its title. */
export type EventDocument = { uploadId: number; sha256: string; title: string; bytes: number };
/** Figures reported for events before the platform (the seed): used when there are no registrations. */
export type ReportedFigures = { participants?: number; municipalities?: number; countries?: number };

export type EventsTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  kind: EventKind;
  format: EventFormat;
  status: Generated<EventStatus>;
  /** Instants; `time_zone` (IANA) is where the event happens, for showing and editing wall-clock times. */
  starts_at: Date;
  ends_at: Date;
  time_zone: Generated<string>;
  city_id: number | null;
  country_code: string | null;
  region_slug: string | null;
  series_id: number | null;
  learning_process_id: number | null;
  venue: Generated<string>;
  /** The online room: only for registered participants (their page and mail), never public. */
  join_url: string | null;
  capacity: number | null;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  partners: ColumnType<string[], string | undefined, string>;
  recordings: ColumnType<EventLink[], string | undefined, string>;
  documents: ColumnType<EventDocument[], string | undefined, string>;
  questions: Generated<RegistrationQuestion[]>;
  reported_figures: ColumnType<ReportedFigures, string | undefined, string>;
  format_changed_at: Date | null;
  /** Raised on every change registrants should hear of (iCalendar SEQUENCE). */
  sequence: Generated<number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type EventTranslationsTable = {
  event_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  programme: Generated<string>;
  documentation: Generated<string>;
  search: GeneratedAlways<string>;
};

export type EventThemesTable = { event_id: number; theme_slug: string };
export type EventTopicsTable = { event_id: number; topic_slug: string };
export type EventLanguagesTable = { event_id: number; code: string };
export type EventHostsTable = { event_id: number; city_id: number };
export type EventPracticesTable = { event_id: number; practice_id: number };

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type RegistrationAnswers = { role?: string; brings?: 'practice' | 'challenge' | ''; bringsText?: string; dietary?: string };

export type EventRegistrationsTable = {
  id: GeneratedAlways<number>;
  event_id: number;
  user_id: number;
  status: RegistrationStatus;
  city_id: number | null;
  country_code: string | null;
  answers: ColumnType<RegistrationAnswers, string | undefined, string>;
  /** Arrival: the order of the waiting list. */
  queued_at: Generated<Date>;
  registered_at: Date | null;
  cancelled_at: Date | null;
  attended: boolean | null;
  reminded_at: Date | null;
};

export type LearningProcessesTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  created_at: Generated<Date>;
};

export type LearningProcessTranslationsTable = {
  learning_process_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
};

export type EventSeriesTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  created_at: Generated<Date>;
};

export type EventSeriesTranslationsTable = {
  event_series_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  search: GeneratedAlways<string>;
};

// Rows as read. Query files pick their columns from these (`Pick<EventRow, …>`) instead of writing
// the columns out again, so a column's type is stated once, here.
export type EventRow = Selectable<EventsTable>;
/** An event's texts in one language. */
export type EventTexts = Pick<Selectable<EventTranslationsTable>, 'title' | 'summary' | 'programme' | 'documentation'>;
export type EventTextRow = Pick<Selectable<EventTranslationsTable>, 'locale'> & EventTexts;
export type RegistrationRow = Selectable<EventRegistrationsTable>;
/** A series' or learning process' texts in one language (both tables have the same columns). */
export type GroupTexts = Pick<Selectable<EventSeriesTranslationsTable>, 'title' | 'summary'>;

/** Series and learning processes are kept alike: a table, its translations and the key joining them. */
export const EVENT_GROUP_TABLES = {
  series: { table: 'event_series', texts: 'event_series_translations', key: 'event_series_id' },
  process: { table: 'learning_processes', texts: 'learning_process_translations', key: 'learning_process_id' },
} as const;
export type EventGroupKind = keyof typeof EVENT_GROUP_TABLES;

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    events: EventsTable;
    event_translations: EventTranslationsTable;
    event_series: EventSeriesTable;
    event_series_translations: EventSeriesTranslationsTable;
    event_themes: EventThemesTable;
    event_topics: EventTopicsTable;
    event_languages: EventLanguagesTable;
    event_hosts: EventHostsTable;
    event_practices: EventPracticesTable;
    event_registrations: EventRegistrationsTable;
    learning_processes: LearningProcessesTable;
    learning_process_translations: LearningProcessTranslationsTable;
  }
}
