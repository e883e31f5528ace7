import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { PracticesTable, PracticeTranslationsTable } from '../practices.table.ts';
import { listPracticeTaxonomy, RECORD_COLUMNS, TEXT_COLUMNS } from '../record/practice-record.queries.ts';

/** A practice named by its title in one language (`content_locale`), for links to it. */
export type PracticeTitleRow = Pick<Selectable<PracticesTable>, 'slug'> &
  Pick<Selectable<PracticeTranslationsTable>, 'title'> & { content_locale: string };

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
      ...RECORD_COLUMNS,
      'co.region_slug',
      'p.project_state',
      'p.documents',
      'p.images',
      'p.published_at',
      'p.updated_at',
      'c.name as city_name',
      'c.names as city_names',
      'c.slug as city_slug',
      'c.country_code as city_country',
    ])
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  if (!practice) return undefined;
  const [translation, locales, taxonomy] = await Promise.all([
    db
      .selectFrom('practice_translations')
      .select(TEXT_COLUMNS)
      .where('practice_id', '=', practice.id)
      .orderBy(preferLocale(locale))
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('practice_translations').select('locale').where('practice_id', '=', practice.id).orderBy('locale').execute(),
    listPracticeTaxonomy(db, practice.id),
  ]);
  if (!translation) return undefined;
  return { practice, translation, locales: locales.map((l) => l.locale), ...taxonomy };
}

/**
 * Published practices related to this one: most shared topics (×2) and themes first; among the 50
 * best of those, words shared with this practice's title and summary (same language, stemmed) break
 * ties, so two waste-picker projects outrank a waste-picker and a landfill project under one topic.
 */
export async function findRelatedPractices(db: Database, practiceId: number, locale: Locale, limit: number) {
  const result = await sql<PracticeTitleRow>`
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
