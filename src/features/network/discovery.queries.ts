import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { countUpTo, matchesInOwnLanguageByScan, queryInOwnLanguage } from '../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES } from '../discovery/index.ts';

// The network's pages and regional networks in the site search and the sitemap: published ones only.
// Partners have no page of their own (they are a section of the About page), so they are not results.

/**
 * A translation `s` matches the words in its own language. These tables hold a handful of rows, so one
 * condition scanned is cheaper than planning a branch per language against the per-locale partial GIN indexes.
 */
const matchesWords = (words: string) => matchesInOwnLanguageByScan(words, 's');

const matchingPages = (words: string) => sql`select 'page' as kind, p.id, p.slug, p.external_id, p.updated_at from network_pages p
  where p.status = 'published'
    and exists (select 1 from network_page_translations s where s.page_id = p.id and ${matchesWords(words)})`;
const matchingRegions = (words: string) => sql`select 'region' as kind, r.id, r.region_slug as slug, r.external_id, r.updated_at
  from regional_networks r
  where r.status = 'published'
    and exists (select 1 from regional_network_translations s where s.regional_network_id = r.id and ${matchesWords(words)})`;

export type NetworkSearchRow = {
  kind: 'page' | 'region';
  slug: string;
  external_id: string;
  title: string;
  body: string;
  language: Locale;
  rank: number;
};

/**
 * Published pages and regional networks matching the words, in one statement: how many (counted up to
 * SEARCH_COUNT_CAP + 1) and one page of them, ranked by the best-matching translation, shown in the
 * reader's language first (a limit of 0 reads no page).
 */
export async function searchNetwork(
  db: Database,
  words: string,
  locale: Locale,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: NetworkSearchRow[] }> {
  const query = queryInOwnLanguage(words, 's');
  const result = await sql<{ total: number; rows: NetworkSearchRow[] }>`
    with m as materialized ((${matchingPages(words)}) union all (${matchingRegions(words)})),
    total as (${countUpTo(sql`select 1 from m`, SEARCH_COUNT_CAP)}),
    candidates as (select * from m order by updated_at desc, id desc limit ${SEARCH_RANK_CANDIDATES}),
    hits as (
      select c.kind, c.id, c.slug, c.external_id, tr.title, tr.body, tr.locale as language,
        (case when c.kind = 'page'
          then (select max(ts_rank_cd(s.search, ${query}, 32)) from network_page_translations s
                where s.page_id = c.id and ${matchesWords(words)})
          else (select max(ts_rank_cd(s.search, ${query}, 32)) from regional_network_translations s
                where s.regional_network_id = c.id and ${matchesWords(words)}) end)::float8 as rank
      from candidates c
      cross join lateral (select * from (
          select t.title, t.body, t.locale from network_page_translations t where c.kind = 'page' and t.page_id = c.id
          union all
          select t.name, t.description, t.locale from regional_network_translations t where c.kind = 'region' and t.regional_network_id = c.id
        ) x order by ${preferLocale(locale, 'x.locale')} limit 1) tr
    ),
    page as (select * from hits order by (language = ${locale}) desc, rank desc, kind, id desc limit ${page.limit} offset ${page.offset})
    select (select n from total) as total,
      (select coalesce(json_agg(json_build_object('kind', kind, 'slug', slug, 'external_id', external_id, 'title', title, 'body', body,
                                                  'language', language, 'rank', rank)
                                order by (language = ${locale}) desc, rank desc, kind, id desc), '[]') from page) as rows`.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

export type NetworkSitemapRow = { kind: 'page' | 'region'; slug: string; locales: Locale[]; updated_at: Date };

/** Every published page and regional network, pages first, each in id order. */
export async function listNetworkForSitemap(db: Database): Promise<NetworkSitemapRow[]> {
  const result = await sql<NetworkSitemapRow>`
    select 'page' as kind, p.slug, array(select locale from network_page_translations t where t.page_id = p.id order by 1) as locales,
      p.updated_at, p.id
    from network_pages p where p.status = 'published'
    union all
    select 'region', r.region_slug, array(select locale from regional_network_translations t where t.regional_network_id = r.id order by 1),
      r.updated_at, r.id
    from regional_networks r where r.status = 'published'
    order by 1, 5`.execute(db);
  return result.rows;
}
