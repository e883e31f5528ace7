import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { EditionStatus, SectionKind } from '../newsletter.model.ts';
import type { FreeItemTranslations } from '../newsletter.table.ts';

// What the editors' pages need besides the editions' own data layer (editions/editions.queries.ts).

/**
 * The edition's id and state, its row locked until the transaction ends: an editor's change and a
 * sender starting (or another editor marking it ready) wait for each other instead of crossing.
 */
export function lockEditionByNumber(db: Database, number: number): Promise<{ id: number; status: EditionStatus } | undefined> {
  return db.selectFrom('newsletter_editions').select(['id', 'status']).where('number', '=', number).forUpdate().executeTakeFirst();
}

/** Adds an item at the end of its section. */
export async function appendEditionItem(
  db: Database,
  editionId: number,
  item: { section: SectionKind; ref: string | null; url: string | null; translations: FreeItemTranslations },
): Promise<number> {
  const last = await db
    .selectFrom('newsletter_edition_items')
    .select(sql<number>`coalesce(max(position), 0)::int`.as('n'))
    .where('edition_id', '=', editionId)
    .where('section', '=', item.section)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('newsletter_edition_items')
    .values({
      edition_id: editionId,
      section: item.section,
      position: last.n + 1,
      ref: item.ref,
      url: item.url,
      translations: JSON.stringify(item.translations),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setItemPosition(db: Database, editionId: number, itemId: number, position: number): Promise<void> {
  await db.updateTable('newsletter_edition_items').set({ position }).where('edition_id', '=', editionId).where('id', '=', itemId).execute();
}

export async function deleteEditionItem(db: Database, editionId: number, itemId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('newsletter_edition_items')
    .where('edition_id', '=', editionId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The newsletter token of a subscription with this address, if there is one (addresses match without regard to case). */
export async function findSubscriberTokenByEmail(db: Database, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('newsletter_subscribers')
    .select('token')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row?.token;
}
