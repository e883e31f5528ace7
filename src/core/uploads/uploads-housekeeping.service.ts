import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../platform/db/client.ts';
import { deleteUploads, findUnreferencedUploads, isStoredFileInUse } from './uploads.queries.ts';
import { uploadUrl, videoUrl } from './uploads.service.ts';

/** Files removed from a draft before anyone approved them (or orphaned by a failed request) go after a day. */
const GRACE_HOURS = 24;

/**
 * Deletes uploads no record refers to, and their files once no other upload has the same bytes.
 * Rows go first: a file without a row is never served, so a crash between the steps leaks disk, not data.
 */
export async function pruneUploads(db: Database, dir: string): Promise<number> {
  const orphans = await findUnreferencedUploads(db, GRACE_HOURS);
  await deleteUploads(
    db,
    orphans.map((o) => o.id),
  );
  for (const { sha256, kind, media_type } of orphans) {
    if (await isStoredFileInUse(db, sha256)) continue;
    // A video's name follows its media type (.mp4 or .webm); uploadUrl knows only the kind's default.
    const urls =
      kind === 'video'
        ? [videoUrl(sha256, media_type)]
        : kind === 'image'
          ? [uploadUrl(sha256, kind), uploadUrl(sha256, kind, 'small')]
          : [uploadUrl(sha256, kind)];
    for (const url of urls) await rm(join(dir, url.split('/').pop() as string), { force: true });
  }
  return orphans.length;
}
