import { randomUUID } from 'node:crypto';
import { prepareUpload, recordUpload, uploadsDir } from '../../core/uploads/uploads.service.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Extensions } from '../../platform/extension.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { NewsFormData, NewsFormErrors } from './news.forms.ts';
import * as q from './news.queries.ts';
import { checkNewsArticle, saveNewsArticle as saveNewsRecord } from './news-record.service.ts';

// The editors' use cases: save an article (and publish or unpublish it with the same form), set or
// remove its picture. Checks come before the transaction; each use case writes in one.

export type SaveOutcome = { slug: string } | { errors: NewsFormErrors } | 'forbidden';

export async function saveFromEditor(
  ctx: { db: Database; user: CurrentUser; extensions: Extensions },
  existing: q.NewsRecord | null,
  form: NewsFormData,
): Promise<SaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  const status = form.intent === 'publish' ? 'published' : form.intent === 'unpublish' ? 'draft' : (existing?.status ?? 'draft');
  const input = {
    ...form,
    publishedAt: publicationInstant(form.publishedAt, existing?.published_at ?? null, new Date()),
    status,
    externalId: existing?.external_id ?? `peerpolis-news-${randomUUID()}`,
  } as const;
  const problems = await checkNewsArticle(ctx.db, input, ctx.extensions);
  if (Object.keys(problems).length) return { errors: problems };
  const { slug } = await saveNewsRecord(ctx.db, input, ctx.user.id);
  return { slug };
}

/**
 * The form holds only a day (given as its noon UTC, the same calendar day wherever the network works).
 * The day the form was filled with keeps the stored instant: re-saving an article published at 08:00
 * must not move it to noon, offline until then. Another day is its noon, except that today's noon is
 * not waited for: an article dated today appears now, never later the same day.
 */
export function publicationInstant(day: Date | null, stored: Date | null, now: Date): Date | null {
  if (!day) return null;
  const iso = day.toISOString().slice(0, 10);
  if (stored && stored.toISOString().slice(0, 10) === iso) return stored;
  return iso === now.toISOString().slice(0, 10) && day > now ? now : day;
}

export type PictureOutcome = 'saved' | 'not-found' | 'forbidden' | { errors: NewsFormErrors };

/**
 * Sets the picture (a new file with its texts) or only its texts when no file comes and one exists.
 * The image is checked and resized before the transaction (on the embedded database a transaction holds
 * its only connection).
 */
export async function setNewsPicture(
  ctx: { db: Database; user: CurrentUser; config: Pick<Config, 'DATA_DIR'> },
  slug: string,
  input: { file: unknown; alt: Record<string, string>; credit: string },
): Promise<PictureOutcome> {
  if (!can(ctx.user, 'edit-content')) return 'forbidden';
  const hasFile = input.file instanceof Blob && input.file.size > 0;
  const prepared = hasFile ? await prepareUpload(uploadsDir(ctx.config), { file: input.file, kind: 'image' }) : null;
  if (prepared && !prepared.ok) return { errors: { file: { key: prepared.error, values: stringValues(prepared.values) } } };
  return ctx.db.transaction().execute(async (trx) => {
    const record = await q.findNewsRecord(trx, { slug }, true);
    if (!record) return 'not-found' as const;
    let picture: q.NewsPicture | null = record.picture_sha256
      ? {
          uploadId: record.picture_upload_id,
          sha256: record.picture_sha256,
          width: record.picture_width ?? 0,
          height: record.picture_height ?? 0,
        }
      : null;
    if (prepared?.ok) {
      const upload = await recordUpload(trx, prepared.file, ctx.user.id);
      picture = { uploadId: upload.id, sha256: upload.sha256, width: upload.width ?? 0, height: upload.height ?? 0 };
    }
    if (!picture) return { errors: { file: { key: 'uploads.errors.noFile' } } };
    await q.updateNewsPicture(trx, record.id, picture, input, ctx.user.id);
    return 'saved' as const;
  });
}

export async function removeNewsPicture(ctx: { db: Database; user: CurrentUser }, slug: string): Promise<boolean> {
  if (!can(ctx.user, 'edit-content')) return false;
  return ctx.db.transaction().execute(async (trx) => {
    const record = await q.findNewsRecord(trx, { slug }, true);
    if (!record?.picture_sha256) return false;
    await q.updateNewsPicture(trx, record.id, null, { alt: {}, credit: '' }, ctx.user.id);
    return true;
  });
}

const stringValues = (values: Record<string, string | number> | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));
