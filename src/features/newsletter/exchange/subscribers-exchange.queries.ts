import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { NewsletterSubscribersTable } from '../newsletter.table.ts';

// Subscribers in bulk, for the CSV import and export (the subscription's own queries are in
// ../subscribers/subscribers.queries.ts). Addresses are matched by lower(email), as the unique index.

export type SubscriberRow = Selectable<NewsletterSubscribersTable>;

/** The subscribers with these addresses (already lower case), by lower-case address. */
export async function findSubscribersByEmails(db: Database, emails: string[]): Promise<Map<string, SubscriberRow>> {
  const found = new Map<string, SubscriberRow>();
  // In slices: a parameter list stays far below PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < emails.length; i += 1000) {
    const slice = emails.slice(i, i + 1000);
    const rows = await db.selectFrom('newsletter_subscribers').selectAll().where(sql<string>`lower(email)`, 'in', slice).execute();
    for (const row of rows) found.set(row.email.toLowerCase(), row);
  }
  return found;
}

export async function insertSubscriberRow(db: Database, values: Insertable<NewsletterSubscribersTable>): Promise<SubscriberRow> {
  return db.insertInto('newsletter_subscribers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateSubscriberRow(db: Database, id: number, patch: Updateable<NewsletterSubscribersTable>): Promise<void> {
  await db
    .updateTable('newsletter_subscribers')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** One page of subscribers after `afterId`, in id order: the export streams the table, never loads it whole. */
export function listSubscribersAfter(db: Database, afterId: number, limit: number): Promise<SubscriberRow[]> {
  return db.selectFrom('newsletter_subscribers').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}
