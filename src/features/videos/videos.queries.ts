import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { VideoProvider, VideoStatus } from './videos.table.ts';

// The SQL of reading videos: the gallery, one video's page, the feed and an event's recordings
// (writes: video-write.queries.ts; search, sitemap and file access: video-discovery.queries.ts).

export type VideoFilters = {
  theme: string;
  region: string;
  /** An event series' slug: the recordings of its sessions. */
  series: string;
  year: number;
  includeDrafts: boolean;
  limit: number;
  offset: number;
};

export type VideoCard = {
  id: number;
  slug: string;
  status: VideoStatus;
  title: string;
  content_locale: string;
  recorded_at: string;
  duration_seconds: number;
  provider: VideoProvider;
  poster_sha256: string | null;
  poster_width: number | null;
  total: number;
};

function filterSql(f: Omit<VideoFilters, 'limit' | 'offset'>) {
  return sql`${f.includeDrafts ? sql`true` : sql`v.status = 'published'`}
    ${f.theme ? sql`and exists (select 1 from video_themes t where t.video_id = v.id and t.theme_slug = ${f.theme})` : sql``}
    ${f.region ? sql`and exists (select 1 from video_regions r where r.video_id = v.id and r.region_slug = ${f.region})` : sql``}
    ${f.year ? sql`and v.recorded_at >= make_date(${f.year}, 1, 1) and v.recorded_at < make_date(${f.year + 1}, 1, 1)` : sql``}
    ${
      f.series
        ? sql`and exists (select 1 from events e join event_series s on s.id = e.series_id
              where e.id = v.event_id and e.status <> 'draft' and s.slug = ${f.series})`
        : sql``
    }`;
}

/** One page of the gallery, newest recording first, with the total. */
export async function listVideos(db: Database, locale: Locale, f: VideoFilters): Promise<VideoCard[]> {
  const result = await sql<VideoCard>`
    select v.id, v.slug, v.status, tr.title, tr.locale as content_locale, v.recorded_at::text as recorded_at,
      v.duration_seconds, v.provider, v.poster_sha256, v.poster_width, count(*) over ()::int as total
    from videos v
    cross join lateral (select t.title, t.locale from video_translations t where t.video_id = v.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where ${filterSql(f)}
    order by v.recorded_at desc, v.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return result.rows;
}

/** The years with published recordings, and the series whose sessions have some (the gallery's filters). */
export async function listVideoFacets(db: Database, locale: Locale) {
  const [years, series] = await Promise.all([
    sql<{ year: number }>`select distinct extract(year from recorded_at)::int as year from videos
                          where status = 'published' order by 1 desc`.execute(db),
    sql<{ slug: string; title: string }>`
      select s.slug, (select t.title from event_series_translations t where t.event_series_id = s.id
                      order by ${preferLocale(locale, 't.locale')} limit 1) as title
      from event_series s
      where exists (select 1 from videos v join events e on e.id = v.event_id
                    where e.series_id = s.id and v.status = 'published' and e.status <> 'draft')
      order by 2`.execute(db),
  ]);
  return { years: years.rows.map((r) => r.year), series: series.rows };
}

export type VideoText = { locale: string; title: string; description: string; transcript: string };

export type VideoRecord = {
  id: number;
  external_id: string;
  slug: string;
  status: VideoStatus;
  recorded_at: string;
  duration_seconds: number;
  provider: VideoProvider;
  provider_id: string | null;
  file_sha256: string | null;
  file_media_type: string | null;
  file_url: string | null;
  poster_sha256: string | null;
  poster_width: number | null;
  poster_height: number | null;
  event_id: number | null;
  /** The event, when it is not a draft (a draft event's title stays off public pages). */
  event: { slug: string; status: string; titles: Record<string, string> } | null;
  published_at: Date | null;
  updated_at: Date;
  texts: VideoText[];
  themes: string[];
  regions: string[];
  captions: Array<{ locale: string; sha256: string }>;
};

/** One video with everything its page and the editor show. */
export async function findVideo(db: Database, by: { slug: string } | { id: number }): Promise<VideoRecord | undefined> {
  const result = await sql<VideoRecord>`
    select v.id, v.external_id, v.slug, v.status, v.recorded_at::text as recorded_at, v.duration_seconds, v.provider, v.provider_id,
      v.file_sha256, v.file_media_type, v.file_url, v.poster_sha256, v.poster_width, v.poster_height, v.event_id,
      v.published_at, v.updated_at,
      (select json_build_object('slug', e.slug, 'status', e.status,
                'titles', (select json_object_agg(t.locale, t.title) from event_translations t where t.event_id = e.id))
         from events e where e.id = v.event_id and e.status <> 'draft') as event,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'description', t.description,
                 'transcript', t.transcript) order by t.locale)
                from video_translations t where t.video_id = v.id), '[]') as texts,
      array(select theme_slug from video_themes where video_id = v.id order by 1) as themes,
      array(select region_slug from video_regions where video_id = v.id order by 1) as regions,
      coalesce((select json_agg(json_build_object('locale', c.locale, 'sha256', c.sha256) order by c.locale)
                from video_captions c where c.video_id = v.id), '[]') as captions
    from videos v
    where ${'slug' in by ? sql`v.slug = ${by.slug}` : sql`v.id = ${by.id}`}`.execute(db);
  return result.rows[0];
}

export type FeedVideo = { slug: string; title: string; description: string; locale: string; published_at: Date; updated_at: Date };

/** The newest published recordings for a language's feed (its text, else English, else any). */
export async function listFeedVideos(db: Database, locale: Locale, limit: number): Promise<FeedVideo[]> {
  const result = await sql<FeedVideo>`
    select v.slug, tr.title, tr.description, tr.locale, v.published_at, v.updated_at
    from videos v
    cross join lateral (select t.title, t.description, t.locale from video_translations t where t.video_id = v.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where v.status = 'published'
    order by v.published_at desc, v.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** The published recordings of events (an event, or the sessions of a series), in the reader's language where written. */
export async function listVideosOfEvents(db: Database, locale: Locale, eventIds: number[]) {
  if (!eventIds.length) return [];
  const result = await sql<{ slug: string; title: string; content_locale: string; duration_seconds: number; recorded_at: string }>`
    select v.slug, tr.title, tr.locale as content_locale, v.duration_seconds, v.recorded_at::text as recorded_at
    from videos v
    cross join lateral (select t.title, t.locale from video_translations t where t.video_id = v.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where v.event_id in (${sql.join(eventIds)}) and v.status = 'published'
    order by v.recorded_at, v.id`.execute(db);
  return result.rows;
}
