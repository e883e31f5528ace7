import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../platform/db/client.ts';
import { deleteUploads, findUnreferencedUploads, isStoredFileInUse } from './uploads.queries.ts';
import { uploadUrl } from './uploads.service.ts';

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
  for (const { sha256, kind } of orphans) {
    if (await isStoredFileInUse(db, sha256)) continue;
    for (const variant of kind === 'image' ? [undefined, 'small' as const] : [undefined]) {
      const name = uploadUrl(sha256, kind, variant).split('/').pop() as string;
      await rm(join(dir, name), { force: true });
    }
  }
  return orphans.length;
}
