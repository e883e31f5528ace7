import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { PracticeTitleRow } from '../page/practice-page.queries.ts';

/**
 * Published practices, newest period first, each in the reader's language or its best fallback; only
 * those with the given ids, or of the given municipality, when asked.
 */
export function listPublishedPractices(db: Database, locale: Locale, limit: number, only: { ids?: number[]; cityId?: number } = {}) {
  let query = db
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
    .where('p.status', '=', 'published');
  if (only.ids) query = query.where('p.id', 'in', only.ids.length ? only.ids : [0]);
  if (only.cityId !== undefined) query = query.where('p.city_id', '=', only.cityId);
  return query
    .orderBy('p.start_year', (ob) => ob.desc().nullsLast())
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
}

/** Published practices sharing the most of these topics (newest first among equals), for matching. */
export async function findPracticesOnTopics(db: Database, topics: string[], locale: Locale, limit: number) {
  if (!topics.length) return [];
  const result = await sql<PracticeTitleRow & { shared: number }>`
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
