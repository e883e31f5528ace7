import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { UploadKind } from './uploads.table.ts';

export type UploadOfUser = {
  id: number;
  sha256: string;
  kind: UploadKind;
  media_type: string;
  bytes: number;
  original_name: string;
  created_at: Date;
  /** The records that show the file now: live or proposed content. */
  attached_to: Array<{
    record: 'practice' | 'expert-profile' | 'event' | 'project-idea' | 'video' | 'news' | 'publication' | 'partner';
    slug: string;
  }>;
};

/**
 * Every file a member uploaded, with the records that use it. The records are the same ones
 * findUnreferencedUploads looks into (practices live and in every revision, expert photos, events' and
 * project ideas' documents, videos' posters, files and captions, news pictures, publications' files
 * and covers, partner logos): keep the two lists together.
 */
export async function listUploadsOfUser(db: Database, userId: number): Promise<UploadOfUser[]> {
  const result = await sql<UploadOfUser>`
    select u.id, u.sha256, u.kind, u.media_type, u.bytes, u.original_name, u.created_at,
      coalesce((select json_agg(json_build_object('record', r.record, 'slug', r.slug) order by r.record, r.slug) from (
        select 'practice'::text as record, p.slug from practices p
          where p.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
             or p.images @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
        union
        select 'practice', p.slug from practice_revisions rv join practices p on p.id = rv.practice_id
          where rv.content -> 'documents' @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
             or rv.content -> 'images' @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
        union
        select 'expert-profile', x.slug from experts x where (x.photo ->> 'uploadId')::int = u.id
        union
        select 'event', e.slug from events e where e.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
        union
        select 'project-idea', pi.slug from project_ideas pi
          where pi.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
        union
        select 'video', v.slug from videos v
          where u.id in (v.poster_upload_id, v.file_upload_id)
             or exists (select 1 from video_captions vc where vc.video_id = v.id and vc.upload_id = u.id)
        union
        select 'news', na.slug from news_articles na where na.picture_upload_id = u.id
        union
        select 'publication', pb.slug from publications pb where u.id in (pb.file_upload_id, pb.cover_upload_id)
        union
        select 'partner', np.slug from network_partners np where np.logo_upload_id = u.id
      ) r), '[]'::json) as attached_to
    from uploads u
    where u.uploader_user_id = ${userId}
    order by u.id`.execute(db);
  return result.rows;
}

/** The files stay; only the link to the person who uploaded them goes. Returns how many rows changed. */
export async function forgetUploader(db: Database, userId: number): Promise<number> {
  const result = await db.updateTable('uploads').set({ uploader_user_id: null }).where('uploader_user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
