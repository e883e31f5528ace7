import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import {
  countUpTo,
  matchesInOwnLanguage,
  queryInOwnLanguage,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  totalAndPage,
} from '../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { NewsRecord } from './news.queries.ts';

// What readers see of the news: published articles (their date reached) in their complete translations
// (title, lead and body). Every public read goes through PUBLIC and COMPLETE, so a draft, an article
// scheduled for later or a half-written language never reaches a page, feed, search or sitemap.

const PUBLIC = sql`a.status = 'published' and a.published_at <= now()`;
const COMPLETE = sql`t.lead <> '' and t.body <> ''`;

/** The reader's translation, else English, else any: only complete ones. */
const textIn = (locale: Locale, preview = false) =>
  sql`(select t.locale, t.title, t.lead, t.body from news_translations t
       where t.article_id = a.id and ${preview ? sql`true` : COMPLETE} order by ${preferLocale(locale, 't.locale')} limit 1)`;

export type NewsCardRow = {
  id: number;
  external_id: string;
  slug: string;
  published_at: Date;
  updated_at: Date;
  locale: string;
  title: string;
  lead: string;
  body: string;
  picture_sha256: string | null;
  picture_width: number | null;
  picture_height: number | null;
  picture_alt: Record<string, string>;
  themes: string[];
};

const CARD = sql`a.id, a.external_id, a.slug, a.published_at, a.updated_at, tr.locale, tr.title, tr.lead, tr.body,
  a.picture_sha256, a.picture_width, a.picture_height, a.picture_alt,
  array(select x.theme_slug from news_themes x where x.article_id = a.id order by 1) as themes`;

export type NewsFilter = { theme?: string; region?: string; year?: number };

function filterOf(f: NewsFilter) {
  const parts = [PUBLIC];
  if (f.theme) parts.push(sql`exists (select 1 from news_themes x where x.article_id = a.id and x.theme_slug = ${f.theme})`);
  if (f.region) parts.push(sql`exists (select 1 from news_regions x where x.article_id = a.id and x.region_slug = ${f.region})`);
  if (f.year)
    parts.push(
      sql`a.published_at >= make_timestamptz(${f.year}, 1, 1, 0, 0, 0, 'UTC') and a.published_at < make_timestamptz(${f.year + 1}, 1, 1, 0, 0, 0, 'UTC')`,
    );
  return sql.join(parts, sql` and `);
}

export async function listPublicNews(db: Database, locale: Locale, f: NewsFilter, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    sql<NewsCardRow>`select ${CARD} from news_articles a cross join lateral ${textIn(locale)} tr
      where ${filterOf(f)} order by a.published_at desc, a.id desc limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from news_articles a
      where ${filterOf(f)} and exists (select 1 from news_translations t where t.article_id = a.id and ${COMPLETE})`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** The years that have news, newest first (the year filter's choices). */
export async function listNewsYears(db: Database): Promise<number[]> {
  const result = await sql<{ year: number }>`select distinct extract(year from a.published_at at time zone 'UTC')::int as year
    from news_articles a where ${PUBLIC} order by 1 desc`.execute(db);
  return result.rows.map((r) => r.year);
}

export type PublicNewsRow = Omit<NewsRecord, 'texts'> & {
  text: { locale: string; title: string; lead: string; body: string };
  locales: string[];
};

/**
 * A published article by slug with the reader's (or the best fallback) complete translation; `preview`
 * (editors only) also finds drafts and shows texts not complete yet.
 */
export async function findPublicNews(db: Database, slug: string, locale: Locale, preview = false): Promise<PublicNewsRow | undefined> {
  const result = await sql<PublicNewsRow>`
    select a.id, a.external_id, a.slug, a.status, a.published_at, a.picture_upload_id, a.picture_sha256, a.picture_width,
      a.picture_height, a.picture_alt, a.picture_credit, a.updated_at, row_to_json(tr) as text,
      array(select t.locale from news_translations t where t.article_id = a.id and ${COMPLETE} order by 1) as locales,
      array(select x.theme_slug from news_themes x where x.article_id = a.id order by 1) as themes,
      array(select x.region_slug from news_regions x where x.article_id = a.id order by 1) as regions,
      array(select x.country_code::text from news_countries x where x.article_id = a.id order by 1) as countries,
      coalesce((select json_agg(json_build_object('kind', r.kind, 'ref', r.ref) order by r.position)
        from news_related r where r.article_id = a.id), '[]') as related
    from news_articles a cross join lateral ${textIn(locale, preview)} tr
    where a.slug = ${slug} and ${preview ? sql`true` : PUBLIC}`.execute(db);
  return result.rows[0];
}

/** Other published news sharing a theme with article `id`, newest first. */
export async function listNewsSharingTheme(db: Database, id: number, locale: Locale, limit: number): Promise<NewsCardRow[]> {
  const result = await sql<NewsCardRow>`select ${CARD} from news_articles a cross join lateral ${textIn(locale)} tr
    where ${PUBLIC} and a.id <> ${id} and exists (select 1 from news_themes x join news_themes y using (theme_slug)
      where x.article_id = a.id and y.article_id = ${id})
    order by a.published_at desc, a.id desc limit ${limit}`.execute(db);
  return result.rows;
}

/** The newest published news (home page, feeds, newsletter suggestions since `since`). */
export async function listLatestPublicNews(db: Database, locale: Locale, limit: number, since?: Date): Promise<NewsCardRow[]> {
  const result = await sql<NewsCardRow>`select ${CARD} from news_articles a cross join lateral ${textIn(locale)} tr
    where ${PUBLIC} ${since ? sql`and a.published_at >= ${since}` : sql``}
    order by a.published_at desc, a.id desc limit ${limit}`.execute(db);
  return result.rows;
}

/** Published news by externalId (newsletter items), in the reader's language or the best fallback. */
export async function findPublicNewsByExternalIds(db: Database, locale: Locale, ids: string[]): Promise<NewsCardRow[]> {
  if (!ids.length) return [];
  const result = await sql<NewsCardRow>`select ${CARD} from news_articles a cross join lateral ${textIn(locale)} tr
    where ${PUBLIC} and a.external_id in (${sql.join(ids)})`.execute(db);
  return result.rows;
}

export async function countPublicNews(db: Database): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from news_articles a
    where ${PUBLIC} and exists (select 1 from news_translations t where t.article_id = a.id and ${COMPLETE})`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export async function listNewsSitemapRows(db: Database, page: { offset: number; limit: number }) {
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select a.slug, a.updated_at, array(select t.locale from news_translations t where t.article_id = a.id and ${COMPLETE} order by 1) as locales
    from news_articles a
    where ${PUBLIC} and exists (select 1 from news_translations t where t.article_id = a.id and ${COMPLETE})
    order by a.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/**
 * Published articles whose complete translations match the words, each in its own language (one partial
 * index each): the total counted up to `countCap + 1`, and one page of the newest `candidates` ranked,
 * each shown in the reader's language (else English, else any), those in it first, then by rank.
 */
export async function searchPublicNews(
  db: Database,
  r: SiteSearchLimits,
): Promise<{ total: number; rows: Omit<SiteSearchHitRow, 'id'>[] }> {
  const { q, locale } = r;
  // A count-only request (another type's tab) reads no page.
  if (r.limit === 0) {
    const count = await countUpTo(
      sql`select 1 from news_articles a
      where ${PUBLIC} and exists (select 1 from news_translations t where t.article_id = a.id and ${COMPLETE} and ${matchesInOwnLanguage(q)})`,
      r.countCap,
    ).execute(db);
    return { total: count.rows[0]?.n ?? 0, rows: [] };
  }
  // `matched` holds one row per matching article: counted, then its newest ranked (the id breaks ties in
  // date and rank, so a page does not depend on the plan).
  return totalAndPage(
    db,
    sql`matched as materialized (
      select distinct on (a.id) a.id, a.external_id, a.slug, a.published_at, t.locale, t.title, t.lead
      from news_translations t join news_articles a on a.id = t.article_id
      where ${matchesInOwnLanguage(q)} and ${COMPLETE} and ${PUBLIC}
      order by a.id, ${preferLocale(locale, 't.locale')}),
    total as (${countUpTo(sql`select 1 from matched`, r.countCap)}),
    candidates as (select * from matched order by published_at desc, id desc limit ${r.candidates}),
    page as (
      select c.external_id, c.slug, c.locale, c.title, c.lead as summary,
        -- The shown translation's rank, looked up by primary key (a join would hash all translations).
        (select ts_rank_cd(t.search, ${queryInOwnLanguage(q)}, 32) from news_translations t
         where t.article_id = c.id and t.locale = c.locale)::float8 as rank
      from candidates c
      order by (c.locale = ${locale}) desc, rank desc, c.published_at desc, c.id desc limit ${r.limit} offset ${r.offset})`,
  );
}

/** Whether a stored picture belongs to a published article, only to drafts, or to no article. */
export async function findNewsHoldingPicture(db: Database, sha256: string): Promise<Array<{ published: boolean }>> {
  const result = await sql<{ published: boolean }>`select (${PUBLIC}) as published from news_articles a
    where a.picture_sha256 = ${sha256}`.execute(db);
  return result.rows;
}

/** The programme regions in their order, with their labels per language. */
export async function listRegionLabels(db: Database): Promise<Array<{ slug: string; label: Record<string, string> }>> {
  const result = await sql<{ slug: string; label: Record<string, string> }>`select slug, label from regions order by position`.execute(db);
  return result.rows;
}
