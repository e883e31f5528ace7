import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { EditionStatus, SectionKind } from '../newsletter.model.ts';
import type {
  EditionAudience,
  FreeItemTranslations,
  NewsletterEditionItemsTable,
  NewsletterEditionsTable,
  NewsletterEditionTranslationsTable,
} from '../newsletter.table.ts';

export type EditionRow = Selectable<NewsletterEditionsTable>;
export type EditionTranslationRow = Selectable<NewsletterEditionTranslationsTable>;
export type EditionItemRow = Selectable<NewsletterEditionItemsTable>;

const EDITION_COLUMNS = [
  'id',
  'external_id',
  'number',
  sql<string>`to_char(edition_date, 'YYYY-MM-DD')`.as('edition_date'),
  'status',
  'scheduled_at',
  'time_zone',
  'audience',
  'created_by',
  'created_at',
  'updated_at',
  'sending_started_at',
  'sent_at',
] as const;

export function findEditionById(db: Database, id: number): Promise<EditionRow | undefined> {
  return db.selectFrom('newsletter_editions').select(EDITION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findEditionByNumber(db: Database, number: number): Promise<EditionRow | undefined> {
  return db.selectFrom('newsletter_editions').select(EDITION_COLUMNS).where('number', '=', number).executeTakeFirst();
}

export function findEditionByExternalId(db: Database, externalId: string): Promise<EditionRow | undefined> {
  return db.selectFrom('newsletter_editions').select(EDITION_COLUMNS).where('external_id', '=', externalId).executeTakeFirst();
}

/** Every edition, newest number first (the editors' list). */
export function listEditionRows(db: Database, statuses?: EditionStatus[], limit = 200, offset = 0): Promise<EditionRow[]> {
  let query = db.selectFrom('newsletter_editions').select(EDITION_COLUMNS);
  if (statuses) query = query.where('status', 'in', statuses);
  return query.orderBy('number', 'desc').limit(limit).offset(offset).execute();
}

export async function countEditions(db: Database, statuses: EditionStatus[]): Promise<number> {
  const row = await db
    .selectFrom('newsletter_editions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function highestEditionNumber(db: Database): Promise<number> {
  const row = await db
    .selectFrom('newsletter_editions')
    .select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The newest edition sent before this one (by number): its date starts the window of suggestions. */
export function findPreviousSentEdition(db: Database, beforeNumber: number): Promise<EditionRow | undefined> {
  return db
    .selectFrom('newsletter_editions')
    .select(EDITION_COLUMNS)
    .where('status', '=', 'sent')
    .where('number', '<', beforeNumber)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type EditionValues = {
  externalId?: string | null;
  number: number;
  date: string;
  status?: EditionStatus;
  audience?: EditionAudience;
  timeZone?: string;
  createdBy?: number | null;
};

export async function insertEdition(db: Database, values: EditionValues): Promise<number> {
  const row = await db
    .insertInto('newsletter_editions')
    .values({
      external_id: values.externalId ?? null,
      number: values.number,
      edition_date: values.date,
      ...(values.status ? { status: values.status } : {}),
      audience: JSON.stringify(values.audience ?? {}),
      ...(values.timeZone ? { time_zone: values.timeZone } : {}),
      created_by: values.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type EditionChanges = Partial<{
  number: number;
  date: string;
  status: EditionStatus;
  audience: EditionAudience;
  timeZone: string;
  scheduledAt: Date | null;
  sendingStartedAt: Date | null;
  sentAt: Date | null;
}>;

export async function updateEdition(db: Database, id: number, changes: EditionChanges): Promise<void> {
  await db
    .updateTable('newsletter_editions')
    .set({
      updated_at: new Date(),
      ...(changes.number !== undefined ? { number: changes.number } : {}),
      ...(changes.date !== undefined ? { edition_date: changes.date } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.audience !== undefined ? { audience: JSON.stringify(changes.audience) } : {}),
      ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
      ...(changes.scheduledAt !== undefined ? { scheduled_at: changes.scheduledAt } : {}),
      ...(changes.sendingStartedAt !== undefined ? { sending_started_at: changes.sendingStartedAt } : {}),
      ...(changes.sentAt !== undefined ? { sent_at: changes.sentAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves an edition from one of `from` to `to`; false when it was in none of them (another editor or a
 * sender changed it first). The row lock makes concurrent changes of the state wait for each other.
 */
export async function changeEditionStatus(db: Database, id: number, from: EditionStatus[], to: EditionStatus, extra: EditionChanges = {}) {
  const result = await db
    .updateTable('newsletter_editions')
    .set({
      status: to,
      updated_at: new Date(),
      ...(extra.scheduledAt !== undefined ? { scheduled_at: extra.scheduledAt } : {}),
      ...(extra.sendingStartedAt !== undefined ? { sending_started_at: extra.sendingStartedAt } : {}),
      ...(extra.sentAt !== undefined ? { sent_at: extra.sentAt } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteEdition(db: Database, id: number) {
  return db.deleteFrom('newsletter_editions').where('id', '=', id).execute();
}

export function listEditionTranslations(db: Database, editionIds: number[]): Promise<EditionTranslationRow[]> {
  if (editionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('newsletter_edition_translations').selectAll().where('edition_id', 'in', editionIds).orderBy('locale').execute();
}

export async function saveEditionTranslation(
  db: Database,
  editionId: number,
  locale: string,
  text: { subject: string; preheader: string; editorial: string },
): Promise<void> {
  await db
    .insertInto('newsletter_edition_translations')
    .values({ edition_id: editionId, locale, ...text })
    .onConflict((oc) => oc.columns(['edition_id', 'locale']).doUpdateSet(text))
    .execute();
}

export function deleteEditionTranslation(db: Database, editionId: number, locale: string) {
  return db.deleteFrom('newsletter_edition_translations').where('edition_id', '=', editionId).where('locale', '=', locale).execute();
}

export function listEditionItems(db: Database, editionId: number): Promise<EditionItemRow[]> {
  return db
    .selectFrom('newsletter_edition_items')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('section')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type EditionItemValues = { section: SectionKind; ref: string | null; url: string | null; translations: FreeItemTranslations };

/** Replaces all items of an edition with these, positions in list order per section. */
export async function replaceEditionItems(db: Database, editionId: number, items: EditionItemValues[]): Promise<void> {
  await db.deleteFrom('newsletter_edition_items').where('edition_id', '=', editionId).execute();
  if (items.length === 0) return;
  const positions = new Map<SectionKind, number>();
  await db
    .insertInto('newsletter_edition_items')
    .values(
      items.map((item) => {
        const position = (positions.get(item.section) ?? 0) + 1;
        positions.set(item.section, position);
        return {
          edition_id: editionId,
          section: item.section,
          position,
          ref: item.ref,
          url: item.url,
          translations: JSON.stringify(item.translations),
        };
      }),
    )
    .execute();
}
