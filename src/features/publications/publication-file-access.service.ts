import type { UploadAccessRule } from '../../core/uploads/index.ts';
import { findPublicationsHoldingFile } from './publications.queries.ts';

/**
 * A draft's PDF and cover are for the editors only; once a published publication shows the same bytes,
 * for everyone (files are content-addressed: one public use makes them public).
 */
export const publicationFileAccess: UploadAccessRule = async (db, sha256, viewer) => {
  const holders = await findPublicationsHoldingFile(db, sha256);
  if (holders.length === 0) return 'unclaimed';
  if (holders.some((h) => h.published)) return 'public';
  return viewer?.emailVerified && (viewer.role === 'editor' || viewer.role === 'admin') ? 'allowed' : 'denied';
};
