import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type EventKind =
  | 'dialogue-event'
  | 'workshop'
  | 'project-planning-workshop'
  | 'webinar'
  | 'expert-mission'
  | 'network-meeting'
  | 'conference';
export type EventFormat = 'in-person' | 'virtual' | 'hybrid';
export type EventStatus = 'draft' | 'published' | 'cancelled' | 'postponed';
export const EVENT_KINDS: EventKind[] = [
  'dialogue-event',
  'workshop',
  'project-planning-workshop',
  'webinar',
  'expert-mission',
  'network-meeting',
  'conference',
];
export const EVENT_FORMATS: EventFormat[] = ['in-person', 'virtual', 'hybrid'];
export const EVENT_STATUSES: EventStatus[] = ['draft', 'published', 'cancelled', 'postponed'];
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
