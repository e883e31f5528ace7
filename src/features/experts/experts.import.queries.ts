import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { Availability, ExpertVisibility, LanguageLevel } from './experts.table.ts';

// SQL of the expert import and export (experts.import.ts).

export function findExpertByExternalId(db: Database, externalId: string) {
  return db.selectFrom('experts').select(['id', 'user_id']).where('external_id', '=', externalId).executeTakeFirst();
}

export function findExpertByUserId(db: Database, userId: number) {
  return db.selectFrom('experts').select(['id', 'external_id']).where('user_id', '=', userId).executeTakeFirst();
}

export async function isExpertSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('experts').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Region slugs, to check the regions an imported expert names (themes and countries: taxonomy index). */
export async function listRegionSlugs(db: Database): Promise<string[]> {
  return (await db.selectFrom('regions').select('slug').execute()).map((r) => r.slug);
}

export type ExpertRecordRow = {
  user_id: number | null;
  display_name: string;
  organisation: string;
  position: string;
  city_id: number | null;
  country_code: string;
  years_experience: number | null;
  availability: Availability[];
  visibility: ExpertVisibility;
};

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

export type ExpertTaxonomy = { themes: string[]; topics: string[]; regions: string[]; countries: string[] };

export async function replaceExpertTaxonomy(db: Database, expertId: number, taxonomy: ExpertTaxonomy): Promise<void> {
  await db.deleteFrom('expert_themes').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_topics').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_regions').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_countries').where('expert_id', '=', expertId).execute();
  if (taxonomy.themes.length)
    await db
      .insertInto('expert_themes')
      .values(taxonomy.themes.map((theme_slug) => ({ expert_id: expertId, theme_slug })))
      .execute();
  if (taxonomy.topics.length)
    await db
      .insertInto('expert_topics')
      .values(taxonomy.topics.map((topic_slug) => ({ expert_id: expertId, topic_slug })))
      .execute();
  if (taxonomy.regions.length)
    await db
      .insertInto('expert_regions')
      .values(taxonomy.regions.map((region_slug) => ({ expert_id: expertId, region_slug })))
      .execute();
  if (taxonomy.countries.length)
    await db
      .insertInto('expert_countries')
      .values(taxonomy.countries.map((country_code) => ({ expert_id: expertId, country_code })))
      .execute();
}

export async function replaceExpertLanguages(
  db: Database,
  expertId: number,
  languages: Array<{ code: string; level: LanguageLevel }>,
): Promise<void> {
  await db.deleteFrom('expert_languages').where('expert_id', '=', expertId).execute();
  if (languages.length)
    await db
      .insertInto('expert_languages')
      .values(languages.map((l) => ({ expert_id: expertId, ...l })))
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
