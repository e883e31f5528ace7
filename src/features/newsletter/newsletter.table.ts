import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { DeliveryStatus, EditionStatus, SectionKind, SubscriberStatus } from './newsletter.model.ts';

type Stamp = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type NewsletterSubscribersTable = {
  id: GeneratedAlways<number>;
  email: string;
  name: Generated<string>;
  locale: string;
  themes: Generated<string[]>;
  regions: Generated<string[]>;
  status: Generated<SubscriberStatus>;
  token: string;
  source: Generated<string>;
  consent_version: string | null;
  consented_at: Date | null;
  paused_at: Date | null;
  confirmation_sent_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  bounced_at: Date | null;
};

export type EditionAudience = { locales?: string[]; themes?: string[]; regions?: string[] };

export type NewsletterEditionsTable = {
  id: GeneratedAlways<number>;
  external_id: string | null;
  number: number;
  /** 'YYYY-MM-DD'. */
  edition_date: ColumnType<string, string, string>;
  status: Generated<EditionStatus>;
  scheduled_at: Date | null;
  time_zone: Generated<string>;
  audience: Json<EditionAudience>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  sending_started_at: Date | null;
  sent_at: Date | null;
};

export type NewsletterEditionTranslationsTable = {
  edition_id: number;
  locale: string;
  subject: Generated<string>;
  preheader: Generated<string>;
  editorial: Generated<string>;
};

export type FreeItemTranslations = Record<string, { title: string; text: string }>;

export type NewsletterEditionItemsTable = {
  id: GeneratedAlways<number>;
  edition_id: number;
  section: SectionKind;
  position: number;
  ref: string | null;
  url: string | null;
  translations: Json<FreeItemTranslations>;
};

export type NewsletterDeliveriesTable = {
  id: GeneratedAlways<string>;
  edition_id: number;
  subscriber_id: number;
  locale: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_by: string | null;
  claimed_at: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
  error: string | null;
};

export type NewsletterSendersTable = { sender_id: string; seen_at: Generated<Date> };

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    newsletter_subscribers: NewsletterSubscribersTable;
    newsletter_editions: NewsletterEditionsTable;
    newsletter_edition_translations: NewsletterEditionTranslationsTable;
    newsletter_edition_items: NewsletterEditionItemsTable;
    newsletter_deliveries: NewsletterDeliveriesTable;
    newsletter_senders: NewsletterSendersTable;
  }
}
