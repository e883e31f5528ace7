import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { UploadKind } from './uploads.table.ts';

export type NewUpload = {
  sha256: string;
  kind: UploadKind;
  mediaType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  originalName: string;
  uploaderUserId: number | null;
};

export async function insertUpload(db: Database, upload: NewUpload): Promise<number> {
  const row = await db
    .insertInto('uploads')
    .values({
      sha256: upload.sha256,
      kind: upload.kind,
      media_type: upload.mediaType,
      bytes: upload.bytes,
      width: upload.width,
      height: upload.height,
      original_name: upload.originalName,
      uploader_user_id: upload.uploaderUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The first record of these bytes: its name is the one downloads get, so it never changes under a cache. */
export function findFirstUpload(db: Database, sha256: string, kind: UploadKind) {
  return db
    .selectFrom('uploads')
    .select(['id', 'media_type', 'original_name'])
    .where('sha256', '=', sha256)
    .where('kind', '=', kind)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Uploads nobody refers to any more, older than `hours` (the grace time covers a form being filled in).
 * Every module that stores upload ids must be listed here: good practices (live record and every
 * revision, including rejected ones, so history stays complete), expert photos, the documents of
 * events' documentation and of project ideas, videos' posters, files and captions, news
 * pictures, publications' files and covers, partner logos.
 */
export async function findUnreferencedUploads(db: Database, hours: number) {
  const result = await sql<{ id: number; sha256: string; kind: UploadKind; media_type: string }>`
    select u.id, u.sha256, u.kind, u.media_type from uploads u
    where u.created_at < now() - make_interval(hours => ${hours})
      and not exists (select 1 from practices p
        where p.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
           or p.images @> jsonb_build_array(jsonb_build_object('uploadId', u.id)))
      and not exists (select 1 from experts x where (x.photo ->> 'uploadId')::int = u.id)
      and not exists (select 1 from events e where e.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id)))
      and not exists (select 1 from project_ideas pi where pi.documents @> jsonb_build_array(jsonb_build_object('uploadId', u.id)))
      and not exists (select 1 from videos v where u.id in (v.poster_upload_id, v.file_upload_id))
      and not exists (select 1 from video_captions vc where vc.upload_id = u.id)
      and not exists (select 1 from network_partners np where np.logo_upload_id = u.id)
      and not exists (select 1 from news_articles na where na.picture_upload_id = u.id)
      and not exists (select 1 from publications pb where u.id in (pb.file_upload_id, pb.cover_upload_id))
      and not exists (select 1 from practice_revisions r
        where r.content -> 'documents' @> jsonb_build_array(jsonb_build_object('uploadId', u.id))
           or r.content -> 'images' @> jsonb_build_array(jsonb_build_object('uploadId', u.id)))
    order by u.id
    limit 500`.execute(db);
  return result.rows;
}

export async function deleteUploads(db: Database, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('uploads').where('id', 'in', ids).execute();
}

/** Whether any upload row still has these bytes (the file on disk is shared by all of them). */
export async function isStoredFileInUse(db: Database, sha256: string): Promise<boolean> {
  return (await db.selectFrom('uploads').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
}
