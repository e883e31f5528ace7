import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import {
  PRACTICE_SECTIONS,
  type PracticeDocument,
  type PracticeImage,
  type PracticeSection,
  type PracticeStatus,
  type ProjectState,
} from './practices.table.ts';

/** A translation's texts, without its search vectors (large, and never shown). */
const TEXT_COLUMNS = ['practice_id', 'locale', 'title', 'summary', ...PRACTICE_SECTIONS] as const;

export type PracticeRow = {
  slug: string;
  external_id: string | null;
  status: PracticeStatus;
  city_id: number | null;
  country_code: string | null;
  start_year: number | null;
  end_year: number | null;
};

/** Published practices, newest period first, each in the reader's language or its best fallback. */
export function listPublishedPractices(db: Database, locale: Locale, limit: number) {
  return db
    .selectFrom('practices as p')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('practice_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('practice_id', '=', 'p.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select([
      'p.slug',
      'p.country_code',
      'p.start_year',
      'p.end_year',
      'tr.title',
      'tr.summary',
      'tr.locale as content_locale',
      'c.name as city_name',
      'c.names as city_names',
    ])
    .where('p.status', '=', 'published')
    .orderBy('p.start_year', (ob) => ob.desc().nullsLast())
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
}

export type PracticeRecordRow = PracticeRow & {
  sdgs: number[];
  partners: string[];
  links: Array<{ url: string; label: string }>;
  contact_name: string | null;
  contact_organisation: string | null;
  project_state: ProjectState | null;
  /** Left unchanged when absent (the import format carries no files and no contact member). */
  contact_user_id?: number | null;
  documents?: PracticeDocument[];
  images?: PracticeImage[];
};

/** jsonb columns go in as JSON text; absent ones stay as they are. */
function recordColumns(row: Omit<PracticeRecordRow, 'slug' | 'external_id'>) {
  const { documents, images, ...rest } = row;
  return {
    ...rest,
    partners: JSON.stringify(row.partners),
    links: JSON.stringify(row.links),
    ...(documents ? { documents: JSON.stringify(documents) } : {}),
    ...(images ? { images: JSON.stringify(images) } : {}),
  };
}

export function findPracticeByExternalId(db: Database, externalId: string) {
  return db.selectFrom('practices').select(['id', 'slug', 'status']).where('external_id', '=', externalId).executeTakeFirst();
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
export async function updatePracticeRecord(db: Database, id: number, row: Omit<PracticeRecordRow, 'slug' | 'external_id'>): Promise<void> {
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

/** Every practice with its translations and taxonomy, for export (ordered by external id, then id). */
export async function listPracticesForExport(db: Database) {
  const practices = await db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select([
      'p.id',
      'p.external_id',
      'p.slug',
      'p.status',
      'p.country_code',
      'p.start_year',
      'p.end_year',
      'p.sdgs',
      'p.partners',
      'p.links',
      'p.contact_name',
      'p.contact_organisation',
      'c.name as city_name',
    ])
    .orderBy('p.external_id')
    .orderBy('p.id')
    .execute();
  const [translations, themes, topics] = await Promise.all([
    db.selectFrom('practice_translations').select(TEXT_COLUMNS).orderBy('locale').execute(),
    db.selectFrom('practice_themes').selectAll().orderBy('theme_slug').execute(),
    db.selectFrom('practice_topics').selectAll().orderBy('topic_slug').execute(),
  ]);
  return { practices, translations, themes, topics };
}

/** One published practice by slug, with the translation the reader should see and the languages it has. */
export async function findPublishedPractice(db: Database, slug: string, locale: Locale) {
  const practice = await db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .leftJoin('countries as co', 'co.code', 'p.country_code')
    .select([
      'p.id',
      'p.slug',
      'p.external_id',
      'p.country_code',
      'co.region_slug',
      'p.start_year',
      'p.end_year',
      'p.sdgs',
      'p.partners',
      'p.links',
      'p.contact_name',
      'p.contact_organisation',
      'p.project_state',
      'p.documents',
      'p.images',
      'p.published_at',
      'p.updated_at',
      'c.name as city_name',
      'c.names as city_names',
    ])
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  if (!practice) return undefined;
  const [translation, locales, themes, topics] = await Promise.all([
    db
      .selectFrom('practice_translations')
      .select(TEXT_COLUMNS)
      .where('practice_id', '=', practice.id)
      .orderBy(preferLocale(locale))
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('practice_translations').select('locale').where('practice_id', '=', practice.id).orderBy('locale').execute(),
    db.selectFrom('practice_themes').select('theme_slug').where('practice_id', '=', practice.id).orderBy('theme_slug').execute(),
    db.selectFrom('practice_topics').select('topic_slug').where('practice_id', '=', practice.id).orderBy('topic_slug').execute(),
  ]);
  if (!translation) return undefined;
  return {
    practice,
    translation,
    locales: locales.map((l) => l.locale),
    themes: themes.map((t) => t.theme_slug),
    topics: topics.map((t) => t.topic_slug),
  };
}

/**
 * Published practices related to this one: most shared topics (×2) and themes first; among the 50
 * best of those, words shared with this practice's title and summary (same language, stemmed) break
 * ties, so two waste-picker projects outrank a waste-picker and a landfill project under one topic.
 */
export async function findRelatedPractices(db: Database, practiceId: number, locale: Locale, limit: number) {
  const result = await sql<{ slug: string; title: string; content_locale: string }>`
    with me as (
      select t.locale, to_tsquery('simple', string_agg(distinct quote_literal(u.lexeme), ' | ')) as q
      from practice_translations t cross join lateral unnest(t.search_head) u
      where t.practice_id = ${practiceId}
      group by t.locale
    ),
    candidates as (
      select p.id,
        (select count(*) from practice_topics a join practice_topics b on a.topic_slug = b.topic_slug
          where a.practice_id = p.id and b.practice_id = ${practiceId}) * 2 +
        (select count(*) from practice_themes a join practice_themes b on a.theme_slug = b.theme_slug
          where a.practice_id = p.id and b.practice_id = ${practiceId}) as shared
      from practices p
      where p.status = 'published' and p.id <> ${practiceId}
        and exists (select 1 from practice_themes a join practice_themes b on a.theme_slug = b.theme_slug
                    where a.practice_id = p.id and b.practice_id = ${practiceId})
      order by shared desc, p.id desc
      limit 50
    ),
    scored as (
      select c.id, c.shared + 3 * coalesce((select max(ts_rank(t.search, me.q)) from practice_translations t
        join me on me.locale = t.locale where t.practice_id = c.id and t.search @@ me.q), 0) as score
      from candidates c
    )
    select p.slug, tr.title, tr.locale as content_locale
    from scored s join practices p on p.id = s.id
    join lateral (select t.title, t.locale from practice_translations t where t.practice_id = p.id
                  order by ${preferLocale(locale, 't.locale')} limit 1) tr on true
    order by s.score desc, p.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Everything the live tables hold about one practice, whatever its status (for editing and review). */
export async function findLiveRecord(db: Database, id: number) {
  const practice = await db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select([
      'p.id',
      'p.country_code',
      'p.start_year',
      'p.end_year',
      'p.project_state',
      'p.sdgs',
      'p.partners',
      'p.links',
      'p.contact_name',
      'p.contact_organisation',
      'p.contact_user_id',
      'p.documents',
      'p.images',
      'c.name as city_name',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!practice) return undefined;
  const [translations, themes, topics] = await Promise.all([
    db.selectFrom('practice_translations').select(TEXT_COLUMNS).where('practice_id', '=', id).orderBy('locale').execute(),
    db.selectFrom('practice_themes').select('theme_slug').where('practice_id', '=', id).orderBy('theme_slug').execute(),
    db.selectFrom('practice_topics').select('topic_slug').where('practice_id', '=', id).orderBy('topic_slug').execute(),
  ]);
  return { practice, translations, themes: themes.map((t) => t.theme_slug), topics: topics.map((t) => t.topic_slug) };
}

/** Published practices sharing the most of these topics (newest first among equals), for matching. */
export async function findPracticesOnTopics(db: Database, topics: string[], locale: Locale, limit: number) {
  if (!topics.length) return [];
  const result = await sql<{ slug: string; title: string; content_locale: string; shared: number }>`
    select p.slug, tr.title, tr.locale as content_locale, s.shared
    from (select y.practice_id, count(*)::int as shared from practice_topics y
          where y.topic_slug in (${sql.join(topics)}) group by y.practice_id) s
    join practices p on p.id = s.practice_id and p.status = 'published'
    join lateral (select t.title, t.locale from practice_translations t where t.practice_id = p.id
                  order by ${preferLocale(locale, 't.locale')} limit 1) tr on true
    order by s.shared desc, p.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}
