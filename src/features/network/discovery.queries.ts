import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { matchesInOwnLanguage, queryInOwnLanguage } from '../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES } from '../discovery/index.ts';

// The network's pages and regional networks in the site search and the sitemap: published ones only.
// Partners have no page of their own (they are a section of the About page), so they are not results.

/** Each language with its own configuration, so the per-locale partial GIN indexes of 0016 apply. */
const matchesWords = (words: string) => matchesInOwnLanguage(words, 's');

const matchingPages = (words: string) => sql`select p.id, p.slug, p.external_id, p.updated_at, 'page' as kind from network_pages p
  where p.status = 'published'
    and exists (select 1 from network_page_translations s where s.page_id = p.id and ${matchesWords(words)})`;
const matchingRegions = (words: string) => sql`select r.id, r.region_slug as slug, r.external_id, r.updated_at, 'region' as kind
  from regional_networks r
  where r.status = 'published'
    and exists (select 1 from regional_network_translations s where s.regional_network_id = r.id and ${matchesWords(words)})`;

export async function countNetworkMatches(db: Database, words: string): Promise<number> {
  const result = await sql<{ total: number }>`select count(*)::int as total from (
      (${matchingPages(words)} limit ${SEARCH_COUNT_CAP + 1}) union all (${matchingRegions(words)} limit ${SEARCH_COUNT_CAP + 1})
    ) m`.execute(db);
  return Math.min(result.rows[0]?.total ?? 0, SEARCH_COUNT_CAP + 1);
}

export type NetworkSearchRow = {
  kind: 'page' | 'region';
  slug: string;
  external_id: string;
  title: string;
  body: string;
  language: Locale;
  rank: number;
};

/** One page of matches, ranked by the best-matching translation, shown in the reader's language first. */
export async function searchNetwork(
  db: Database,
  words: string,
  locale: Locale,
  page: { limit: number; offset: number },
): Promise<NetworkSearchRow[]> {
  const result = await sql<NetworkSearchRow>`
    with candidates as (
      select * from ((${matchingPages(words)}) union all (${matchingRegions(words)})) m
      order by updated_at desc, id desc
      limit ${SEARCH_RANK_CANDIDATES})
    select c.kind, c.slug, c.external_id, tr.title, tr.body, tr.locale as language,
      (case when c.kind = 'page'
        then (select max(ts_rank_cd(s.search, ${queryInOwnLanguage(words, 's')}, 32)) from network_page_translations s
              where s.page_id = c.id and ${matchesWords(words)})
        else (select max(ts_rank_cd(s.search, ${queryInOwnLanguage(words, 's')}, 32)) from regional_network_translations s
              where s.regional_network_id = c.id and ${matchesWords(words)}) end)::float8 as rank
    from candidates c
    cross join lateral (select * from (
        select t.title, t.body, t.locale from network_page_translations t where c.kind = 'page' and t.page_id = c.id
        union all
        select t.name, t.description, t.locale from regional_network_translations t where c.kind = 'region' and t.regional_network_id = c.id
      ) x order by ${preferLocale(locale, 'x.locale')} limit 1) tr
    order by (tr.locale = ${locale}) desc, rank desc, c.kind, c.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
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
