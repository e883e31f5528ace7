import { randomBytes } from 'node:crypto';
import { loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { type PreparedUpload, prepareUpload, recordUpload, uploadsDir } from '../../core/uploads/uploads.service.ts';
import { discardPreparedUpload } from '../../core/uploads/uploads-housekeeping.service.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { slugify } from '../../platform/lib/slug.ts';
import * as w from './video-write.queries.ts';
import type { VideoForm } from './videos.forms.ts';
import * as q from './videos.queries.ts';

// The editors keep videos: one language's texts per save, the recording's facts, and its files (poster,
// uploaded recording, captions in the language being edited). Files are checked and stored before the
// transaction (image work is slow and the embedded database has one connection); the rows and the
// video are written in one transaction, so a refused form leaves nothing behind.

export type EditorContext = { db: Database; user: CurrentUser };
export type VideoFiles = { poster: unknown; file: unknown; captions: unknown };
/** Field → message key (forms.errors.*), or for a refused file the upload's own message. */
export type SaveProblems = {
  errors: Record<string, string>;
  fileMessages: Record<string, { key: string; values?: Record<string, string | number> }>;
};
export type SaveOutcome = { ok: true; slug: string } | { ok: false; reason: 'forbidden' | 'not-found' } | ({ ok: false } & SaveProblems);

const chosen = (file: unknown) => file instanceof Blob && file.size > 0;

/** A new video's externalId: editors do not type one; imports and exports name the video by it. */
export const newExternalId = () => `video-${randomBytes(6).toString('hex')}`;

export async function saveVideo(
  ctx: EditorContext,
  config: Pick<Config, 'DATA_DIR'>,
  existingId: number | null,
  f: VideoForm,
  files: VideoFiles,
): Promise<SaveOutcome> {
  if (!can(ctx.user, 'edit-content')) return { ok: false, reason: 'forbidden' };
  const existing = existingId === null ? undefined : await q.findVideo(ctx.db, { id: existingId });
  if (existingId !== null && !existing) return { ok: false, reason: 'not-found' };
  const problems: SaveProblems = { errors: {}, fileMessages: {} };
  const index = await loadTaxonomyIndex(ctx.db);
  if (f.themes.some((t) => !index.themes.has(t))) problems.errors.themes = 'invalid';
  if (f.regions.some((r) => !index.regions.has(r))) problems.errors.regions = 'invalid';
  if (f.eventId !== null && (await w.findEventId(ctx.db, { id: f.eventId })) === undefined) problems.errors.eventId = 'invalid';

  const dir = uploadsDir(config);
  const prepared: Partial<Record<keyof VideoFiles, PreparedUpload>> = {};
  const kinds = { poster: 'image', file: 'video', captions: 'captions' } as const;
  for (const field of ['poster', 'file', 'captions'] as const) {
    if (!chosen(files[field]) || (field === 'file' && f.provider !== 'file')) continue;
    const result = await prepareUpload(dir, { file: files[field], kind: kinds[field] });
    if (result.ok) prepared[field] = result.file;
    else {
      problems.errors[field] = 'fileRefused';
      problems.fileMessages[field] = { key: result.error, values: result.values };
    }
  }
  // Nothing is ever loaded from the provider for a page: its poster must be ours.
  if (f.provider !== 'file' && !prepared.poster && !existing?.poster_sha256 && !problems.errors.poster)
    problems.errors.poster = 'posterRequired';
  if (f.provider === 'file' && !prepared.file && !existing?.file_sha256 && !existing?.file_url && !problems.errors.file)
    problems.errors.file = 'videoFileRequired';
  if (Object.keys(problems.errors).length) {
    // Files prepared for a refused save have no row, so housekeeping (which goes by rows) would keep them.
    for (const file of Object.values(prepared)) await discardPreparedUpload(ctx.db, dir, file);
    return { ok: false, ...problems };
  }

  return ctx.db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    const rows = Object.fromEntries(
      await Promise.all(
        Object.entries(prepared).map(
          async ([field, file]) => [field, await recordUpload(trx, file as PreparedUpload, ctx.user.id)] as const,
        ),
      ),
    );
    const poster = rows.poster
      ? { uploadId: rows.poster.id, sha256: rows.poster.sha256, width: rows.poster.width, height: rows.poster.height }
      : existing?.poster_sha256
        ? { uploadId: null, sha256: existing.poster_sha256, width: existing.poster_width, height: existing.poster_height }
        : null;
    const write: w.VideoWrite = {
      status: f.status,
      recorded_at: f.recordedAt,
      duration_seconds: f.duration,
      provider: f.provider,
      provider_id: f.providerId,
      file: rows.file
        ? { uploadId: rows.file.id, sha256: rows.file.sha256, mediaType: rows.file.mediaType }
        : existing?.file_sha256
          ? { uploadId: null, sha256: existing.file_sha256, mediaType: existing.file_media_type ?? 'video/mp4' }
          : null,
      file_url: existing?.file_url ?? null,
      poster,
      event_id: f.eventId,
      actor_id: ctx.user.id,
    };
    let id = existing?.id;
    let slug = existing?.slug ?? '';
    if (id === undefined) {
      const base = slugify(f.title, 'video');
      slug = base;
      // 'new' is the address of the form for a new video (/editor/videos/new); 'feed' is near the feed's.
      for (let n = 2; slug === 'new' || (await w.isVideoSlugTaken(trx, slug)); n++) slug = `${base}-${n}`;
      id = await w.insertVideo(trx, slug, newExternalId(), write);
    } else {
      await w.lockVideo(trx, id);
      await w.updateVideo(trx, id, write);
    }
    await w.upsertVideoText(trx, id, { locale: f.lang, title: f.title, description: f.description, transcript: f.transcript });
    await w.replaceVideoTaxonomy(trx, id, [...new Set(f.themes)], [...new Set(f.regions)]);
    if (rows.captions) await w.setVideoCaptions(trx, id, f.lang, rows.captions);
    return { ok: true, slug };
  });
}

export const listVideosForEditors = w.listVideosForEditors;
export const listEventChoices = w.listEventChoices;
export const findVideoForEditors = (db: Database, slug: string) => q.findVideo(db, { slug });
