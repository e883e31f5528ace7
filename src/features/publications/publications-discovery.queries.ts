import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES } from '../discovery/index.ts';
import { matchesWords, PUBLICATION_NAME } from './publications.queries.ts';

// Publications in the site search and the sitemap: published ones only (a draft is nobody's result).

const matching = (words: string) => sql`p.status = 'published'
  and exists (select 1 from publication_translations s where s.publication_id = p.id and ${matchesWords(words)})`;

/** The query in `alias`'s own language: one constant branch per language, folded once at planning
 *  (`to_search_query(alias.locale, q)` parsed the words again for every row ranked). */
function queryIn(alias: string, q: string) {
  return sql`(case ${sql.ref(`${alias}.locale`)} ${sql.join(
    LOCALES.map((l) => sql`when ${sql.lit(l)} then to_search_query(${sql.lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/** How many published publications match, counted up to SEARCH_COUNT_CAP + 1. */
export async function countPublicationMatches(db: Database, words: string): Promise<number> {
  const result = await sql<{ total: number }>`
    select count(*)::int as total from (select 1 from publications p where ${matching(words)} limit ${SEARCH_COUNT_CAP + 1}) m`.execute(db);
  return result.rows[0]?.total ?? 0;
}

export type PublicationSearchRow = { name: string; slug: string; title: string; summary: string; language: Locale; rank: number };

/**
 * One page of matches: at most SEARCH_RANK_CANDIDATES of them (newest first) are ranked, each by its
 * best-matching translation; shown in the reader's language (else English, else any), those in the
 * reader's language first.
 */
export async function searchPublishedPublications(
  db: Database,
  words: string,
  locale: Locale,
  page: { limit: number; offset: number },
): Promise<PublicationSearchRow[]> {
  const result = await sql<PublicationSearchRow>`
    with candidates as (
      select p.id, p.slug, ${PUBLICATION_NAME} as name from publications p
      where ${matching(words)}
      order by p.published_at desc nulls last, p.id desc
      limit ${SEARCH_RANK_CANDIDATES})
    select c.name, c.slug, tr.title, tr.summary, tr.locale as language,
      (select max(ts_rank_cd(s.search, ${queryIn('s', words)}, 32)) from publication_translations s
        where s.publication_id = c.id and ${matchesWords(words)})::float8 as rank
    from candidates c
    cross join lateral (select t.title, t.summary, t.locale from publication_translations t where t.publication_id = c.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    order by (tr.locale = ${locale}) desc, rank desc, c.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

export async function countPublishedPublications(db: Database): Promise<number> {
  const result = await sql<{ total: number }>`select count(*)::int as total from publications where status = 'published'`.execute(db);
  return result.rows[0]?.total ?? 0;
}

/** Published publications by id, with the languages their summaries are written in. */
export async function listPublishedForSitemap(db: Database, page: { offset: number; limit: number }) {
  const result = await sql<{ slug: string; locales: Locale[]; updated_at: Date }>`
    select p.slug, array(select locale from publication_translations t where t.publication_id = p.id order by 1) as locales, p.updated_at
    from publications p where p.status = 'published'
    order by p.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}
