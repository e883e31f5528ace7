import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';

// Bounces and complaints in bulk: addresses are matched without regard to case, as the unique index
// on lower(email) does. Counts are of rows changed; callers never tell them to the sender of a notice.

const lowered = (emails: string[]) => [...new Set(emails.map((e) => e.trim().toLowerCase()))];

/**
 * Permanent bounces: pending and confirmed subscribers become `bounced` (the first bounce's time is
 * kept). An unsubscribed one stays unsubscribed: that was the reader's own choice and gets no mail either.
 */
export async function markBounced(db: Database, emails: string[], at: Date): Promise<number> {
  if (emails.length === 0) return 0;
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'bounced', bounced_at: at, updated_at: at })
    .where(sql<string>`lower(email)`, 'in', lowered(emails))
    .where('status', 'in', ['pending', 'confirmed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Complaints (and demo readers who left): pending and confirmed subscribers become `unsubscribed`. */
export async function markUnsubscribed(db: Database, emails: string[], at: Date): Promise<number> {
  if (emails.length === 0) return 0;
  const result = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at })
    .where(sql<string>`lower(email)`, 'in', lowered(emails))
    .where('status', 'in', ['pending', 'confirmed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
