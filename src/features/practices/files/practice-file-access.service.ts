import type { UploadAccessRule } from '../../../core/uploads/index.ts';
import { can } from '../../../platform/http/policy.ts';
import { findPracticesHoldingFile } from './practice-file-access.queries.ts';

/**
 * Files of a practice that is not published yet (a draft's pictures, a document under review) are for
 * its author and the editors; once a published version shows them, for everyone.
 */
export const practiceFileAccess: UploadAccessRule = async (db, sha256, viewer) => {
  const holders = await findPracticesHoldingFile(db, sha256);
  if (holders.length === 0) return 'unclaimed';
  if (holders.some((h) => h.published)) return 'public';
  // Editors as for news, publications and videos: the role and a confirmed address (who may open the editor).
  if (can(viewer, 'edit-content')) return 'allowed';
  return viewer && holders.some((h) => h.authorIds.includes(viewer.id)) ? 'allowed' : 'denied';
};
