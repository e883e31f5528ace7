import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { ExpertsTable } from '../experts.table.ts';

// SQL of the expert import and export (experts.import.ts); the lists are written through
// profile/expert-profile.queries.ts, as the profile form writes them.

export function findExpertByExternalId(db: Database, externalId: string) {
  return db.selectFrom('experts').select(['id', 'user_id']).where('external_id', '=', externalId).executeTakeFirst();
}

export function findExpertByUserId(db: Database, userId: number) {
  return db.selectFrom('experts').select(['id', 'external_id']).where('user_id', '=', userId).executeTakeFirst();
}

/** What an imported record writes into an expert row (links, photo and the contact switch are managed on the platform). */
export type ExpertRecordRow = Pick<
  Selectable<ExpertsTable>,
  'user_id' | 'display_name' | 'organisation' | 'position' | 'city_id' | 'country_code' | 'years_experience' | 'availability' | 'visibility'
>;

export async function insertExpertRecord(db: Database, row: ExpertRecordRow & { slug: string; external_id: string }): Promise<number> {
  const inserted = await db
    .insertInto('experts')
    .values({ ...row, listing_consent_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Everything but the slug (URLs stay), links, photo and the contact switch (managed on the platform). */
export async function updateExpertRecord(db: Database, id: number, row: ExpertRecordRow): Promise<void> {
  await db
    .updateTable('experts')
    .set({ ...row, listing_consent_at: sql`coalesce(listing_consent_at, now())`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceExpertTranslations(
  db: Database,
  expertId: number,
  translations: Array<{ locale: string; headline: string; bio: string }>,
): Promise<void> {
  await db.deleteFrom('expert_translations').where('expert_id', '=', expertId).execute();
  if (translations.length)
    await db
      .insertInto('expert_translations')
      .values(translations.map((t) => ({ expert_id: expertId, ...t })))
      .execute();
}

/** Every expert with texts, taxonomy and languages, for export (ordered by external id, then id). */
export async function listExpertsForExport(db: Database) {
  const experts = await db
    .selectFrom('experts as x')
    .leftJoin('cities as c', 'c.id', 'x.city_id')
    .select([
      'x.id',
      'x.external_id',
      'x.user_id',
      'x.display_name',
      'x.organisation',
      'x.position',
      'x.country_code',
      'x.years_experience',
      'x.availability',
      'x.visibility',
      'c.name as city_name',
    ])
    .orderBy('x.external_id')
    .orderBy('x.id')
    .execute();
  // One after the other: a transaction (or PGlite) runs one query at a time anyway.
  const translations = await db
    .selectFrom('expert_translations')
    .select(['expert_id', 'locale', 'headline', 'bio'])
    .orderBy('expert_id')
    .orderBy('locale')
    .execute();
  const themes = await db.selectFrom('expert_themes').selectAll().orderBy('expert_id').orderBy('theme_slug').execute();
  const topics = await db.selectFrom('expert_topics').selectAll().orderBy('expert_id').orderBy('topic_slug').execute();
  const regions = await db.selectFrom('expert_regions').selectAll().orderBy('expert_id').orderBy('region_slug').execute();
  const countries = await db.selectFrom('expert_countries').selectAll().orderBy('expert_id').orderBy('country_code').execute();
  const languages = await db.selectFrom('expert_languages').selectAll().orderBy('expert_id').orderBy('code').execute();
  return { experts, translations, themes, topics, regions, countries, languages };
}
