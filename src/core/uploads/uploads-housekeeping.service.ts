import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../platform/db/client.ts';
import { deleteUploads, findUnreferencedUploads, isStoredFileInUse } from './uploads.queries.ts';
import { type PreparedUpload, uploadUrl, videoUrl } from './uploads.service.ts';
import type { UploadKind } from './uploads.table.ts';

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
  await removeUnusedFiles(
    db,
    dir,
    orphans.map((o) => ({ sha256: o.sha256, kind: o.kind, mediaType: o.media_type })),
  );
  return orphans.length;
}

type StoredFile = { sha256: string; kind: UploadKind; mediaType: string };

/**
 * Removes stored files from disk once no upload row has their bytes (the file is shared by all rows
 * with the same SHA-256). Call it after the transaction that deleted the rows has committed.
 */
export async function removeUnusedFiles(db: Database, dir: string, files: StoredFile[]): Promise<void> {
  for (const { sha256, kind, mediaType } of files) {
    if (await isStoredFileInUse(db, sha256)) continue;
    // A video's name follows its media type (.mp4 or .webm); uploadUrl knows only the kind's default.
    const urls =
      kind === 'video'
        ? [videoUrl(sha256, mediaType)]
        : kind === 'image'
          ? [uploadUrl(sha256, kind), uploadUrl(sha256, kind, 'small')]
          : [uploadUrl(sha256, kind)];
    for (const url of urls) await rm(join(dir, url.split('/').pop() as string), { force: true });
  }
}

/**
 * Takes back a file prepared (prepareUpload) for a save that was then refused or failed: it has no row,
 * so housekeeping, which goes by rows, would never find it. Bytes another upload already has stay.
 * (Two requests preparing the same bytes at the same moment could still race: the other's row then
 * points to a missing file, served as a 404 — rare, and never a leak of someone's data.)
 */
export async function discardPreparedUpload(db: Database, dir: string, file: PreparedUpload): Promise<void> {
  await removeUnusedFiles(db, dir, [file]);
}
