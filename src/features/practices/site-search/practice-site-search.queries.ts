import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import {
  countUpTo,
  matchesInOwnLanguage,
  type PublicContent,
  queryInOwnLanguage,
  type SiteSearchHitRow,
  type SiteSearchLimits,
} from '../../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { HEAD_FIRST_MAX } from '../search/practice-search.queries.ts';

// Published practices for the site search, the sitemap and the Atom feed. Only the live record
// (`practices`, `practice_translations`) is read: a revision under review never shows before it is published.

/** Each translation tested with its own language: exactly the conditions of migration 0005's partial indexes. */
function matching(q: string, column: 'search' | 'search_head'): RawBuilder<unknown> {
  return sql`select t.practice_id from practice_translations t where ${matchesInOwnLanguage(q, 't', column)}`;
}

/**
 * The matching practices' ids, from the matching translations (an index scan), each with `head`: whether
 * one of its translations matches in its title or summary. `search` is `search_head` followed by the other
 * fields, so without a negation a head match is a match and the translations already read tell; a query
 * with one (`!` in any language's form) also asks the head index (as before) for translations not matching.
 */
function matchingIds(q: string): RawBuilder<unknown> {
  const negated = sql`(${sql.join(
    LOCALES.map((l) => sql`to_search_query(${sql.lit(l)}, ${q})::text`),
    sql` || `,
  )}) like '%!%'`;
  return sql`select x.id, x.head or (${negated} and x.id in (${matching(q, 'search_head')})) as head
    from (select t.practice_id as id, bool_or(t.search_head @@ ${queryInOwnLanguage(q)}) as head from practice_translations t
          where ${matchesInOwnLanguage(q, 't', 'search')} group by t.practice_id) x`;
}

/** Published practices: the live record only. */
export const PUBLISHED_PRACTICES: PublicContent = {
  table: 'practices',
  alias: 'p',
  translations: 'practice_translations',
  parent: 'practice_id',
  visible: sql<boolean>`p.status = 'published'`,
};

/**
 * Published practices matching the words: the total (capped), and one page of the ranked candidates
 * (title/summary hits first while there are few enough matches to tell them apart, then newest), ordered
 * by the shown translation being in the reader's language, then rank.
 */
export async function searchPublishedPractices(db: Database, r: SiteSearchLimits): Promise<{ total: number; rows: SiteSearchHitRow[] }> {
  if (r.limit === 0) return { total: await countPublishedPracticeMatches(db, r), rows: [] };
  // The matches carry what the hits show, so the page needs no second pass over the practices.
  const result = await sql<{ total: number; rows: SiteSearchHitRow[] }>`
    -- Driven by the matching translations' practices, joined as the planner sees fit: read by primary key
    -- for a few hundred matches, hashed for thousands (a forced lookup cost 12 ms for 7,000 matches).
    with m as materialized (
      select p.id, p.published_at, p.slug, p.external_id, x.head from (${matchingIds(r.q)}) x
      join practices p on p.id = x.id and p.status = 'published'
    ),
    total as (${countUpTo(sql`select 1 from m`, r.countCap)}),
    candidates as (
      select m.id, m.published_at, m.slug, m.external_id from m
      order by (case when (select n from total) <= ${HEAD_FIRST_MAX} then m.head else false end) desc,
               m.published_at desc nulls last, m.id desc
      limit ${r.candidates}
    ),
    -- Only the page's practices read a text to show: the order needs no more than whether one is in the reader's language.
    ranked as (
      select p.*, exists (select 1 from practice_translations t where t.practice_id = p.id and t.locale = ${r.locale}) as own,
             (select max(ts_rank_cd(t.search, ${queryInOwnLanguage(r.q)}, 32)) from practice_translations t where t.practice_id = p.id)::float8 as rank
      from candidates p
    ),
    page as (select * from ranked order by own desc, rank desc, id desc limit ${r.limit} offset ${r.offset}),
    hits as (
      select coalesce(p.external_id, p.slug) as external_id, p.slug, p.id, tr.title, tr.summary, tr.locale, p.rank, p.own
      from page p
      cross join lateral (select t.title, t.summary, t.locale from practice_translations t where t.practice_id = p.id
                          order by ${preferLocale(r.locale, 't.locale')} limit 1) tr
    )
    select (select n from total) as total,
           (select coalesce(json_agg(hits order by hits.own desc, hits.rank desc, hits.id desc), '[]') from hits) as rows`.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

/** Only the count (another type's tab): it stops at `countCap + 1`. */
async function countPublishedPracticeMatches(db: Database, r: SiteSearchLimits): Promise<number> {
  const result = await countUpTo(
    sql`select 1 from (${matching(r.q, 'search')} group by t.practice_id) x
      cross join lateral (select 1 from practices p where p.id = x.practice_id and p.status = 'published' limit 1) p`,
    r.countCap,
  ).execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The newest published practices, each in the reader's language, else English, else any. */
export async function listNewestPractices(db: Database, locale: Locale, limit: number) {
  const result = await sql<{ slug: string; published_at: Date; updated_at: Date; title: string; summary: string; locale: string }>`
    select p.slug, coalesce(p.published_at, p.created_at) as published_at, p.updated_at, tr.title, tr.summary, tr.locale
    from practices p
    cross join lateral (select t.title, t.summary, t.locale from practice_translations t where t.practice_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where p.status = 'published'
    order by coalesce(p.published_at, p.created_at) desc, p.id desc limit ${limit}`.execute(db);
  return result.rows;
}
