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

export type EventsTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  kind: EventKind;
  format: EventFormat;
  status: Generated<EventStatus>;
  /** Calendar days as 'YYYY-MM-DD' strings (no time zone shift). */
  starts_on: string;
  ends_on: string;
  city_id: number | null;
  country_code: string | null;
  region_slug: string | null;
  series_id: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type EventTranslationsTable = {
  event_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  search: GeneratedAlways<string>;
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
