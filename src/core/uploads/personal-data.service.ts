import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import { forgetUploader, listUploadsOfUser } from './personal-data.queries.ts';
import { uploadUrl, videoUrl } from './uploads.service.ts';

// The uploads' part of a member's data export and of account deletion.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const uploads = await listUploadsOfUser(trx, userId);
  return {
    uploads: uploads.map((u) => ({
      name: u.original_name,
      type: u.media_type,
      bytes: u.bytes,
      uploadedAt: u.created_at,
      // Where the file itself can be fetched: the export describes it, the address gives the bytes.
      url: u.kind === 'video' ? videoUrl(u.sha256, u.media_type) : uploadUrl(u.sha256, u.kind),
      attachedTo: u.attached_to,
    })),
  };
}

/**
 * Every upload of the member loses its uploader; no file or row is deleted here. Files on records that
 * stay (a published practice, an event's documentation, a project idea) belong to that record now: the
 * record's readers still need them, and the file says nothing about who uploaded it. Files on records
 * the deletion removes (the expert photo, unsubmitted practice drafts; each module removes its own) are
 * then referenced by nothing, and the hourly pruneUploads deletes row and file once the grace time has
 * passed. Deleting them here instead is not possible: the file on disk cannot be removed inside the
 * transaction (a rollback would leave rows without their file), and deleting only the row would leave
 * the file on disk for ever, since pruning starts from the rows. Whichever order the modules' hooks run
 * in, the result is the same.
 */
async function eraseData(trx: Database, userId: number): Promise<void> {
  await forgetUploader(trx, userId);
}

export const uploadsPersonalData: PersonalDataHooks = {
  tables: ['uploads'],
  exportData,
  eraseData,
};
