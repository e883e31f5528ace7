import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { PRACTICE_SECTIONS, type PracticeSection, type PracticesTable } from '../practices.table.ts';

// The live record: written by publishing a revision or by the importer, read back for editing.

/** A translation's texts, without its search vectors (large, and never shown). */
export const TEXT_COLUMNS = ['practice_id', 'locale', 'title', 'summary', ...PRACTICE_SECTIONS] as const;

/** The record's own columns that every full read of a practice needs (export, public page, editing). */
export const RECORD_COLUMNS = [
  'p.country_code',
  'p.start_year',
  'p.end_year',
  'p.sdgs',
  'p.partners',
  'p.links',
  'p.contact_name',
  'p.contact_organisation',
] as const;

type PracticeRecord = Selectable<PracticesTable>;

/** What the importer and publishing write. Files and the contact member are left unchanged when absent
 * (the import format carries neither). */
export type PracticeRecordRow = Pick<
  PracticeRecord,
  | 'slug'
  | 'external_id'
  | 'status'
  | 'city_id'
  | 'country_code'
  | 'start_year'
  | 'end_year'
  | 'sdgs'
  | 'partners'
  | 'links'
  | 'contact_name'
  | 'contact_organisation'
  | 'project_state'
> &
  Partial<Pick<PracticeRecord, 'contact_user_id' | 'documents' | 'images'>>;

/** Everything but the slug and the external id, which never change once given. */
type LiveRecordRow = Omit<PracticeRecordRow, 'slug' | 'external_id'>;

/** jsonb columns go in as JSON text; absent ones stay as they are. */
function recordColumns(row: LiveRecordRow) {
  const { documents, images, ...rest } = row;
  return {
    ...rest,
    partners: JSON.stringify(row.partners),
    links: JSON.stringify(row.links),
    ...(documents ? { documents: JSON.stringify(documents) } : {}),
    ...(images ? { images: JSON.stringify(images) } : {}),
  };
}

export async function isSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertPracticeRecord(db: Database, row: PracticeRecordRow): Promise<number> {
  const inserted = await db
    .insertInto('practices')
    .values({
      ...recordColumns(row),
      slug: row.slug,
      external_id: row.external_id,
      published_at: row.status === 'published' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Updates everything but the slug (URLs stay stable); the first publication date is kept. */
export async function updatePracticeRecord(db: Database, id: number, row: LiveRecordRow): Promise<void> {
  await db
    .updateTable('practices')
    .set({
      ...recordColumns(row),
      published_at: row.status === 'published' ? sql`coalesce(published_at, now())` : sql`published_at`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function replacePracticeTranslations(
  db: Database,
  practiceId: number,
  translations: Array<{ locale: Locale; title: string; summary: string } & Record<PracticeSection, string>>,
): Promise<void> {
  await db.deleteFrom('practice_translations').where('practice_id', '=', practiceId).execute();
  if (translations.length)
    await db
      .insertInto('practice_translations')
      .values(translations.map((t) => ({ practice_id: practiceId, ...t })))
      .execute();
}

export async function replacePracticeTaxonomy(db: Database, practiceId: number, themes: string[], topics: string[]): Promise<void> {
  await db.deleteFrom('practice_themes').where('practice_id', '=', practiceId).execute();
  await db.deleteFrom('practice_topics').where('practice_id', '=', practiceId).execute();
  if (themes.length)
    await db
      .insertInto('practice_themes')
      .values(themes.map((theme_slug) => ({ practice_id: practiceId, theme_slug })))
      .execute();
  if (topics.length)
    await db
      .insertInto('practice_topics')
      .values(topics.map((topic_slug) => ({ practice_id: practiceId, topic_slug })))
      .execute();
}

/** A practice's theme and topic slugs, each in alphabetical order. */
export async function listPracticeTaxonomy(db: Database, practiceId: number): Promise<{ themes: string[]; topics: string[] }> {
  const [themes, topics] = await Promise.all([
    db.selectFrom('practice_themes').select('theme_slug').where('practice_id', '=', practiceId).orderBy('theme_slug').execute(),
    db.selectFrom('practice_topics').select('topic_slug').where('practice_id', '=', practiceId).orderBy('topic_slug').execute(),
  ]);
  return { themes: themes.map((t) => t.theme_slug), topics: topics.map((t) => t.topic_slug) };
}

/** Everything the live tables hold about one practice, whatever its status (for editing and review). */
export async function findLiveRecord(db: Database, id: number) {
  const practice = await db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select(['p.id', ...RECORD_COLUMNS, 'p.project_state', 'p.contact_user_id', 'p.documents', 'p.images', 'c.name as city_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!practice) return undefined;
  const [translations, taxonomy] = await Promise.all([
    db.selectFrom('practice_translations').select(TEXT_COLUMNS).where('practice_id', '=', id).orderBy('locale').execute(),
    listPracticeTaxonomy(db, id),
  ]);
  return { practice, translations, ...taxonomy };
}
