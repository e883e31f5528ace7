import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { NewsletterSubscribersTable } from '../newsletter.table.ts';

export type SubscriberRow = Selectable<NewsletterSubscribersTable>;

/** The subscriber with this address, matched without regard to case (as the unique index does). */
export function findSubscriberByEmail(db: Database, email: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('newsletter_subscribers').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function findSubscriberByToken(db: Database, token: string): Promise<SubscriberRow | undefined> {
  return db.selectFrom('newsletter_subscribers').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Locks the row for the rest of the transaction: two requests for one address decide one after the other. */
export function lockSubscriberByEmail(db: Database, email: string): Promise<SubscriberRow | undefined> {
  return db
    .selectFrom('newsletter_subscribers')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Adds a subscriber; when another request added the same address a moment before, nothing is inserted
 * (undefined) and the caller reads that one instead.
 */
export function insertSubscriber(db: Database, values: Insertable<NewsletterSubscribersTable>): Promise<SubscriberRow | undefined> {
  return db
    .insertInto('newsletter_subscribers')
    .values(values)
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateSubscriber(
  db: Database,
  id: number,
  patch: Updateable<NewsletterSubscribersTable>,
): Promise<SubscriberRow | undefined> {
  return db
    .updateTable('newsletter_subscribers')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes the row; its deliveries go with it (on delete cascade). */
export async function deleteSubscriber(db: Database, id: number): Promise<void> {
  await db.deleteFrom('newsletter_subscribers').where('id', '=', id).execute();
}

/** Pending subscribers whose last confirmation request is older than `days`: the address was never confirmed. */
export async function deleteStalePending(db: Database, days: number): Promise<number> {
  const result = await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where(sql<Date>`coalesce(confirmation_sent_at, created_at)`, '<', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which editions reached a subscriber: number and the delivery's state, newest edition first. */
export function listDeliveriesOfSubscriber(db: Database, subscriberId: number) {
  return db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_editions as e', 'e.id', 'd.edition_id')
    .select(['e.number', 'd.status', 'd.locale', 'd.sent_at'])
    .where('d.subscriber_id', '=', subscriberId)
    .orderBy('e.number', 'desc')
    .execute();
}

/** The editions a member created (the editorial trail of their personal data). */
export function listEditionsCreatedBy(db: Database, userId: number) {
  return db
    .selectFrom('newsletter_editions')
    .select(['number', sql<string>`to_char(edition_date, 'YYYY-MM-DD')`.as('edition_date'), 'status', 'created_at'])
    .where('created_by', '=', userId)
    .orderBy('number')
    .execute();
}

export async function clearEditionCreator(db: Database, userId: number): Promise<void> {
  await db.updateTable('newsletter_editions').set({ created_by: null }).where('created_by', '=', userId).execute();
}
