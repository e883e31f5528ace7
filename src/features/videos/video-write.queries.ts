import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { VideoProvider, VideoStatus } from './videos.table.ts';

// The writes of videos, shared by the editors' form and the exchange format, and what they look up.

export type VideoWrite = {
  status: VideoStatus;
  recorded_at: string;
  duration_seconds: number;
  provider: VideoProvider;
  provider_id: string | null;
  /** `uploadId` null: the file stays the one the video has (its uploads row unchanged). */
  file: { uploadId: number | null; sha256: string; mediaType: string } | null;
  file_url: string | null;
  poster: { uploadId: number | null; sha256: string; width: number | null; height: number | null } | null;
  event_id: number | null;
  actor_id: number | null;
};

/** The row's columns; a kept file (uploadId null) keeps its uploads row (`keep`: on update). */
function columns(w: VideoWrite, keep: boolean) {
  const uploadId = (id: number | null | undefined, column: 'file_upload_id' | 'poster_upload_id') =>
    id === null && keep ? sql<number | null>`${sql.ref(column)}` : (id ?? null);
  return {
    status: w.status,
    recorded_at: w.recorded_at,
    duration_seconds: w.duration_seconds,
    provider: w.provider,
    provider_id: w.provider === 'file' ? null : w.provider_id,
    file_upload_id: w.provider === 'file' && w.file ? uploadId(w.file.uploadId, 'file_upload_id') : null,
    file_sha256: w.provider === 'file' ? (w.file?.sha256 ?? null) : null,
    file_media_type: w.provider === 'file' ? (w.file?.mediaType ?? null) : null,
    file_url: w.provider === 'file' && !w.file ? w.file_url : null,
    poster_upload_id: w.poster ? uploadId(w.poster.uploadId, 'poster_upload_id') : null,
    poster_sha256: w.poster?.sha256 ?? null,
    poster_width: w.poster?.width ?? null,
    poster_height: w.poster?.height ?? null,
    event_id: w.event_id,
    updated_by: w.actor_id,
  };
}

export async function insertVideo(db: Database, slug: string, externalId: string, w: VideoWrite): Promise<number> {
  const row = await db
    .insertInto('videos')
    .values({
      ...columns(w, false),
      slug,
      external_id: externalId,
      created_by: w.actor_id,
      published_at: w.status === 'published' ? new Date() : null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a video; the first publication sets the publication time (the feed's order), later ones keep it. */
export async function updateVideo(db: Database, id: number, w: VideoWrite): Promise<void> {
  await db
    .updateTable('videos')
    .set({
      ...columns(w, true),
      published_at: w.status === 'published' ? sql<Date>`coalesce(published_at, now())` : sql<null>`published_at`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function lockVideo(db: Database, id: number) {
  const result = await sql<{ id: number; slug: string }>`select id, slug from videos where id = ${id} for update`.execute(db);
  return result.rows[0];
}

export async function isVideoSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('videos').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function findVideoIdByExternalId(db: Database, externalId: string) {
  return db.selectFrom('videos').select(['id', 'slug']).where('external_id', '=', externalId).executeTakeFirst();
}

export async function upsertVideoText(
  db: Database,
  videoId: number,
  t: { locale: string; title: string; description: string; transcript: string },
) {
  await db
    .insertInto('video_translations')
    .values({ video_id: videoId, ...t })
    .onConflict((oc) =>
      oc.columns(['video_id', 'locale']).doUpdateSet({ title: t.title, description: t.description, transcript: t.transcript }),
    )
    .execute();
}

export async function deleteVideoTexts(db: Database, videoId: number): Promise<void> {
  await db.deleteFrom('video_translations').where('video_id', '=', videoId).execute();
}

export async function replaceVideoTaxonomy(db: Database, videoId: number, themes: string[], regions: string[]): Promise<void> {
  await db.deleteFrom('video_themes').where('video_id', '=', videoId).execute();
  await db.deleteFrom('video_regions').where('video_id', '=', videoId).execute();
  if (themes.length)
    await db
      .insertInto('video_themes')
      .values(themes.map((theme_slug) => ({ video_id: videoId, theme_slug })))
      .execute();
  if (regions.length)
    await db
      .insertInto('video_regions')
      .values(regions.map((region_slug) => ({ video_id: videoId, region_slug })))
      .execute();
}

export async function setVideoCaptions(db: Database, videoId: number, locale: string, upload: { id: number; sha256: string }) {
  await db
    .insertInto('video_captions')
    .values({ video_id: videoId, locale, upload_id: upload.id, sha256: upload.sha256 })
    .onConflict((oc) => oc.columns(['video_id', 'locale']).doUpdateSet({ upload_id: upload.id, sha256: upload.sha256 }))
    .execute();
}

/** The event a video belongs to, by its id (editor) or externalId (import). */
export async function findEventId(db: Database, by: { id: number } | { externalId: string }): Promise<number | undefined> {
  const q = db.selectFrom('events').select('id');
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('external_id', '=', by.externalId)).executeTakeFirst();
  return row?.id;
}

/**
 * Events a recording can belong to: the latest 500 first, in the editor's language where written, and
 * always the one the form has chosen (`linked`): a linked event missing from the <select> would be
 * dropped by the next save, since the browser then sends the first option ("no event").
 */
export async function listEventChoices(db: Database, locale: string, linked: number | null) {
  const result = await sql<{ id: number; title: string; starts_at: Date }>`
    select e.id, e.starts_at,
      (select t.title from event_translations t where t.event_id = e.id
        order by (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale limit 1) as title
    from events e
    where e.id in (select id from events order by starts_at desc, id desc limit 500) or e.id = ${linked}
    order by e.starts_at desc, e.id desc`.execute(db);
  return result.rows;
}

/** Every video for the editors' list (drafts too). */
export async function listVideosForEditors(db: Database, locale: string) {
  const result = await sql<{ slug: string; title: string; status: VideoStatus; provider: VideoProvider; recorded_at: string }>`
    select v.slug, v.status, v.provider, v.recorded_at::text as recorded_at,
      (select t.title from video_translations t where t.video_id = v.id
        order by (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale limit 1) as title
    from videos v order by v.updated_at desc, v.id desc limit 1000`.execute(db);
  return result.rows;
}

export type VideoExportRow = {
  external_id: string;
  status: VideoStatus;
  recorded_at: string;
  duration_seconds: number;
  provider: VideoProvider;
  provider_id: string | null;
  file_sha256: string | null;
  file_media_type: string | null;
  file_url: string | null;
  event_external_id: string | null;
  themes: string[];
  regions: string[];
  texts: Array<{ locale: string; title: string; description: string; transcript: string }>;
};

export async function listVideosForExport(db: Database): Promise<VideoExportRow[]> {
  const result = await sql<VideoExportRow>`
    select v.external_id, v.status, v.recorded_at::text as recorded_at, v.duration_seconds, v.provider, v.provider_id,
      v.file_sha256, v.file_media_type, v.file_url,
      (select coalesce(e.external_id, 'event-' || e.id) from events e where e.id = v.event_id) as event_external_id,
      array(select theme_slug from video_themes where video_id = v.id order by 1) as themes,
      array(select region_slug from video_regions where video_id = v.id order by 1) as regions,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'description', t.description,
                 'transcript', t.transcript) order by t.locale) from video_translations t where t.video_id = v.id), '[]') as texts
    from videos v order by v.id`.execute(db);
  return result.rows;
}
