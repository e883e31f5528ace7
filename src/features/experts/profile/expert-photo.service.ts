import { prepareUpload, recordUpload, uploadsDir } from '../../../core/uploads/uploads.service.ts';
import type { Config } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { PHOTO_ALT_MAX } from './expert-profile.forms.ts';
import * as q from './expert-profile.queries.ts';

// The profile photo: a picture with its text alternative, on the member's own profile.

/** A refused photo: the message key (uploads.errors.* or expertProfile.errors.*), its values and the typed alt. */
export type PhotoError = { error: string; values: Record<string, string | number>; alt: string };

/**
 * Sets the profile photo (a new picture with its text alternative), or only the text alternative when
 * no file comes and a photo exists. The picture is checked and resized before the transaction: on the
 * embedded database a transaction holds the only connection.
 */
export async function setMyExpertPhoto(
  ctx: { db: Database; user: CurrentUser },
  input: { file: unknown; alt: string },
  config: Pick<Config, 'DATA_DIR'>,
): Promise<'saved' | 'no-profile' | PhotoError> {
  const alt = input.alt.trim();
  const refuse = (error: string, values: Record<string, string | number> = {}): PhotoError => ({ error, values, alt });
  const own = await q.findExpertIdOfUser(ctx.db, ctx.user.id);
  if (!own) return 'no-profile';
  if (!alt) return refuse('expertProfile.errors.altRequired');
  if ([...alt].length > PHOTO_ALT_MAX) return refuse('expertProfile.errors.altTooLong', { max: PHOTO_ALT_MAX });
  const hasFile = input.file instanceof Blob && input.file.size > 0;
  if (!hasFile) {
    if (!own.photo) return refuse('uploads.errors.noFile');
    return ctx.db.transaction().execute(async (trx) => {
      const locked = await q.lockExpertOfUser(trx, ctx.user.id);
      if (!locked) return 'no-profile' as const;
      if (!locked.photo) return refuse('uploads.errors.noFile');
      await q.updateExpertPhoto(trx, locked.id, { ...locked.photo, alt });
      return 'saved' as const;
    });
  }
  const prepared = await prepareUpload(uploadsDir(config), { file: input.file, kind: 'image' });
  if (!prepared.ok) return refuse(prepared.error, prepared.values ?? {});
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await q.lockExpertOfUser(trx, ctx.user.id);
    if (!locked) return 'no-profile' as const;
    const upload = await recordUpload(trx, prepared.file, ctx.user.id);
    await q.updateExpertPhoto(trx, locked.id, {
      uploadId: upload.id,
      sha256: upload.sha256,
      alt,
      width: upload.width ?? 0,
      height: upload.height ?? 0,
    });
    return 'saved' as const;
  });
}

export function removeMyExpertPhoto(db: Database, user: CurrentUser): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const own = await q.lockExpertOfUser(trx, user.id);
    if (!own?.photo) return false;
    await q.updateExpertPhoto(trx, own.id, null);
    return true;
  });
}
