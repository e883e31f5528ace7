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

// Published videos for the site search and the sitemap, and who may fetch a video's stored files.

export type VideoSearchRow = Omit<SiteSearchHitRow, 'id'>;

/**
 * Published videos matching the words: at most `candidates` ranked (title hits first, then the newest),
 * ordered reader's language first, then rank; the total counted up to `countCap + 1`.
 */
export async function searchPublishedVideos(db: Database, r: SiteSearchLimits): Promise<{ total: number; rows: VideoSearchRow[] }> {
  const matching = sql`v.status = 'published'
    and exists (select 1 from video_translations t where t.video_id = v.id and ${matchesInOwnLanguage(r.q)})`;
  // A count-only request (another type's tab) reads no page.
  if (r.limit === 0) {
    const count = await countUpTo(sql`select 1 from videos v where ${matching}`, r.countCap).execute(db);
    return { total: count.rows[0]?.n ?? 0, rows: [] };
  }
  return totalAndPage(
    db,
    sql`m as materialized (select v.id, v.external_id, v.slug, v.recorded_at from videos v where ${matching}),
    total as (${countUpTo(sql`select 1 from m`, r.countCap)}),
    matched as (select * from m order by recorded_at desc, id desc limit ${r.candidates}),
    page as (
      select m.external_id, m.slug, tr.title, left(tr.description, 1000) as summary, tr.locale,
        ts_rank_cd(tr.search, ${queryInOwnLanguage(r.q, 'tr')}, 32) as rank
      from matched m
      cross join lateral (select t.title, t.description, t.locale, t.search from video_translations t where t.video_id = m.id
                          order by ${preferLocale(r.locale, 't.locale')} limit 1) tr
      order by (tr.locale = ${r.locale}) desc, rank desc, m.recorded_at desc, m.id desc
      limit ${r.limit} offset ${r.offset})`,
  );
}

export async function countPublishedVideos(db: Database): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from videos where status = 'published'`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export async function listPublishedVideosForSitemap(db: Database, page: { offset: number; limit: number }) {
  const result = await sql<{ slug: string; locales: string[]; updated_at: Date }>`
    select v.slug, array(select t.locale from video_translations t where t.video_id = v.id order by 1) as locales, v.updated_at
    from videos v where v.status = 'published'
    order by v.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/** How the videos use a stored file: in a published video (public) or only in drafts. */
export async function findVideoUseOfFile(db: Database, sha256: string) {
  const result = await sql<{ published: boolean }>`
    select bool_or(v.status = 'published') as published from videos v
    where v.poster_sha256 = ${sha256} or v.file_sha256 = ${sha256}
       or exists (select 1 from video_captions c where c.video_id = v.id and c.sha256 = ${sha256})`.execute(db);
  const published = result.rows[0]?.published;
  return published === null || published === undefined ? 'none' : published ? 'published' : 'draft';
}
