import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

export type OutboxMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** An iCalendar object (RFC 5545) sent as the message's calendar part. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
};

export async function insertOutboxMessage(db: Database, message: OutboxMessage, transport: 'outbox' | 'smtp', messageId: string | null) {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      headers: JSON.stringify(message.headers),
      transport,
      message_id: messageId,
      calendar: message.calendar?.content ?? null,
    })
    .returning(sql<string>`id::text`.as('id'))
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listOutbox(db: Database, limit: number) {
  return (
    db
      .selectFrom('mail_outbox')
      .select([sql<string>`id::text`.as('id'), 'to_address', 'subject', 'created_at'])
      // Qualified: a bare `id` would name the text column selected above and sort "9" after "10".
      .orderBy('mail_outbox.created_at', 'desc')
      .orderBy('mail_outbox.id', 'desc')
      .limit(limit)
      .execute()
  );
}

export function findOutboxMessage(db: Database, id: string) {
  return db
    .selectFrom('mail_outbox')
    .select([
      sql<string>`id::text`.as('id'),
      'to_address',
      'subject',
      'text_body',
      'html_body',
      'headers',
      'transport',
      'message_id',
      'calendar',
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
