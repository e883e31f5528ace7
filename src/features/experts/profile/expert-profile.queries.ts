import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { DB } from '../../../platform/db/database.ts';
import type { ExpertLanguage, ExpertPhoto, ExpertsTable } from '../experts.table.ts';

// SQL of expert profiles: one expert row (owned by a member through user_id) and its lists. The
// importer (import/) writes the same lists through these functions.

const profileColumns = [
  'x.id',
  'x.slug',
  'x.user_id',
  'x.display_name',
  'x.organisation',
  'x.position',
  'x.city_id',
  'x.country_code',
  'x.visibility',
  'x.suspended',
  'x.years_experience',
  'x.availability',
  'x.links',
  'x.photo',
  'x.contact_enabled',
  'x.listing_consent_at',
  'x.created_at',
  'x.updated_at',
  'c.name as city_name',
  'c.names as city_names',
  'c.slug as city_slug',
  'c.country_code as city_country',
  'co.region_slug',
] as const;

function profiles(db: Database) {
  return db
    .selectFrom('experts as x')
    .leftJoin('cities as c', 'c.id', 'x.city_id')
    .leftJoin('countries as co', 'co.code', 'x.country_code')
    .select(profileColumns);
}

export type ExpertRow = NonNullable<Awaited<ReturnType<typeof findExpertById>>>;

export function findExpertById(db: Database, id: number) {
  return profiles(db).where('x.id', '=', id).executeTakeFirst();
}

export function findExpertBySlug(db: Database, slug: string) {
  return profiles(db).where('x.slug', '=', slug).executeTakeFirst();
}

export function findExpertIdOfUser(db: Database, userId: number) {
  return db.selectFrom('experts').select(['id', 'slug', 'listing_consent_at', 'photo']).where('user_id', '=', userId).executeTakeFirst();
}

/** The expert row of a member, locked until the transaction ends: two saves at once never interleave. */
export function lockExpertOfUser(db: Database, userId: number) {
  return db
    .selectFrom('experts')
    .select(['id', 'slug', 'listing_consent_at', 'photo'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function isExpertSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('experts').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Everything listed about an expert, each list in a stable order. */
export async function findExpertLists(db: Database, expertId: number) {
  const [languages, themes, topics, regions, countries, translations] = await Promise.all([
    db
      .selectFrom('expert_languages')
      .select(['code', 'level'])
      .where('expert_id', '=', expertId)
      // Native first, then fluent, then working: what a reader wants to know first.
      .orderBy(sql`case level when 'native' then 0 when 'fluent' then 1 else 2 end`)
      .orderBy('code')
      .execute(),
    db
      .selectFrom('expert_themes as et')
      .innerJoin('themes as th', 'th.slug', 'et.theme_slug')
      .select('et.theme_slug as slug')
      .where('et.expert_id', '=', expertId)
      .orderBy('th.position')
      .execute(),
    db
      .selectFrom('expert_topics as et')
      .innerJoin('topics as tp', 'tp.slug', 'et.topic_slug')
      .innerJoin('themes as th', 'th.slug', 'tp.theme_slug')
      .select('et.topic_slug as slug')
      .where('et.expert_id', '=', expertId)
      .orderBy('th.position')
      .orderBy('tp.position')
      .execute(),
    db
      .selectFrom('expert_regions as er')
      .innerJoin('regions as r', 'r.slug', 'er.region_slug')
      .select('er.region_slug as slug')
      .where('er.expert_id', '=', expertId)
      .orderBy('r.position')
      .execute(),
    db.selectFrom('expert_countries').select('country_code').where('expert_id', '=', expertId).orderBy('country_code').execute(),
    db
      .selectFrom('expert_translations')
      .select(['locale', 'headline', 'bio'])
      .where('expert_id', '=', expertId)
      .orderBy('locale')
      .execute(),
  ]);
  return {
    languages: languages as ExpertLanguage[],
    themes: themes.map((r) => r.slug),
    topics: topics.map((r) => r.slug),
    regions: regions.map((r) => r.slug),
    countries: countries.map((r) => r.country_code.trim()),
    translations,
  };
}

/** What the profile form writes into an expert row. */
export type ExpertRecord = Pick<
  Selectable<ExpertsTable>,
  | 'display_name'
  | 'organisation'
  | 'position'
  | 'city_id'
  | 'country_code'
  | 'visibility'
  | 'years_experience'
  | 'availability'
  | 'links'
  | 'contact_enabled'
>;

/** Inserts a member's expert row; undefined when the slug or the member already has one (a concurrent save). */
export async function insertExpert(
  db: Database,
  row: ExpertRecord & { slug: string; user_id: number; listing_consent_at: Date },
): Promise<number | undefined> {
  const inserted = await db
    .insertInto('experts')
    .values({ ...row, links: JSON.stringify(row.links), updated_at: new Date() })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updateExpert(db: Database, id: number, row: ExpertRecord & { listing_consent_at?: Date }): Promise<void> {
  await db
    .updateTable('experts')
    .set({ ...row, links: JSON.stringify(row.links), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

type LinkTable = 'expert_themes' | 'expert_topics' | 'expert_regions' | 'expert_countries';
/** A link table with the column that holds the value (checked here: the insert below cannot check a computed key). */
type LinkColumn = { [T in LinkTable]: { table: T; column: Exclude<keyof DB[T], 'expert_id'> } }[LinkTable];

/** Each list of an expert: its link table and the column that holds the value. */
const LIST_TABLES = {
  themes: { table: 'expert_themes', column: 'theme_slug' },
  topics: { table: 'expert_topics', column: 'topic_slug' },
  regions: { table: 'expert_regions', column: 'region_slug' },
  countries: { table: 'expert_countries', column: 'country_code' },
} as const satisfies Record<string, LinkColumn>;

/** An expert's themes, topics, regions and countries of experience. */
export type ExpertTaxonomy = Record<keyof typeof LIST_TABLES, string[]>;

/** Replaces the four lists of an expert (themes, topics, regions, countries) with the given values. */
export async function replaceExpertTaxonomy(db: Database, expertId: number, lists: ExpertTaxonomy): Promise<void> {
  for (const list of ['themes', 'topics', 'regions', 'countries'] as const) {
    const { table, column } = LIST_TABLES[list];
    await db.deleteFrom(table).where('expert_id', '=', expertId).execute();
    const values = lists[list];
    if (values.length)
      await db
        .insertInto(table)
        .values(values.map((v) => ({ expert_id: expertId, [column]: v })))
        .execute();
  }
}

export async function replaceExpertLanguages(db: Database, expertId: number, languages: ExpertLanguage[]): Promise<void> {
  await db.deleteFrom('expert_languages').where('expert_id', '=', expertId).execute();
  if (languages.length) {
    await db
      .insertInto('expert_languages')
      .values(languages.map((l) => ({ expert_id: expertId, code: l.code, level: l.level })))
      .execute();
  }
}

export async function upsertExpertTranslation(
  db: Database,
  row: { expertId: number; locale: string; headline: string; bio: string },
): Promise<void> {
  await db
    .insertInto('expert_translations')
    .values({ expert_id: row.expertId, locale: row.locale, headline: row.headline, bio: row.bio })
    .onConflict((oc) => oc.columns(['expert_id', 'locale']).doUpdateSet({ headline: row.headline, bio: row.bio }))
    .execute();
}

export async function deleteExpertTranslation(db: Database, expertId: number, locale: string): Promise<void> {
  await db.deleteFrom('expert_translations').where('expert_id', '=', expertId).where('locale', '=', locale).execute();
}

export async function updateExpertPhoto(db: Database, expertId: number, photo: ExpertPhoto | null): Promise<void> {
  await db
    .updateTable('experts')
    .set({ photo: photo ? JSON.stringify(photo) : null, updated_at: new Date() })
    .where('id', '=', expertId)
    .execute();
}

/** Deletes an expert row; its lists, texts and contact log go with it (foreign keys cascade). */
export async function deleteExpert(db: Database, expertId: number): Promise<void> {
  await db.deleteFrom('experts').where('id', '=', expertId).execute();
}

/** Region slugs in their order (reference data of the taxonomy, read like countries are elsewhere; the importer checks against them). */
export async function listRegionSlugs(db: Database): Promise<string[]> {
  return (await db.selectFrom('regions').select('slug').orderBy('position').execute()).map((r) => r.slug);
}

/** Marks the profile of a member's account as suspended (or not) while the account is disabled. */
export async function setSuspendedOfUser(db: Database, userId: number, suspended: boolean): Promise<void> {
  await db.updateTable('experts').set({ suspended }).where('user_id', '=', userId).execute();
}
