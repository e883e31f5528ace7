import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import {
  countUpTo,
  matchesInOwnLanguageByScan,
  queryInOwnLanguage,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  totalAndPage,
} from '../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { matchesWords, PUBLICATION_NAME } from './publications.queries.ts';

// Publications in the site search and the sitemap: published ones only (a draft is nobody's result).

const matching = (words: string) => sql`p.status = 'published'
  and exists (select 1 from publication_translations s where s.publication_id = p.id and ${matchesWords(words)})`;

/**
 * Published publications matching the words: the total counted up to `countCap + 1`, and one page of
 * at most `candidates` of them (newest first) ranked, each by its best-matching translation; shown in
 * the reader's language (else English, else any), those in the reader's language first.
 */
export async function searchPublishedPublications(
  db: Database,
  r: SiteSearchLimits,
): Promise<{ total: number; rows: Omit<SiteSearchHitRow, 'id'>[] }> {
  // A count-only request (another type's tab) reads no page.
  if (r.limit === 0) {
    const count = await countUpTo(sql`select 1 from publications p where ${matching(r.q)}`, r.countCap).execute(db);
    return { total: count.rows[0]?.n ?? 0, rows: [] };
  }
  return totalAndPage(
    db,
    sql`m as materialized (select p.id, p.slug, ${PUBLICATION_NAME} as name, p.published_at from publications p where ${matching(r.q)}),
    total as (${countUpTo(sql`select 1 from m`, r.countCap)}),
    candidates as (select * from m order by published_at desc nulls last, id desc limit ${r.candidates}),
    page as (
      select c.name as external_id, c.slug, tr.title, tr.summary, tr.locale,
        (select max(ts_rank_cd(s.search, ${queryInOwnLanguage(r.q, 's')}, 32)) from publication_translations s
          where s.publication_id = c.id and ${matchesInOwnLanguageByScan(r.q, 's')})::float8 as rank
      from candidates c
      cross join lateral (select t.title, t.summary, t.locale from publication_translations t where t.publication_id = c.id
                          order by ${preferLocale(r.locale, 't.locale')} limit 1) tr
      order by (tr.locale = ${r.locale}) desc, rank desc, c.id desc
      limit ${r.limit} offset ${r.offset})`,
  );
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
