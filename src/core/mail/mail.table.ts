import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type MailOutboxTable = {
  id: GeneratedAlways<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: ColumnType<Record<string, string>, string, string>;
  transport: 'outbox' | 'smtp';
  message_id: string | null;
  /** An iCalendar invitation sent with the message (event registrations), else null. */
  calendar: string | null;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    mail_outbox: MailOutboxTable;
  }
}
