import { z } from 'zod';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { findFirstUpload } from '../../core/uploads/uploads.queries.ts';
import type { Database } from '../../platform/db/client.ts';
import { importRecords, recordLine, recordText, translationsOf } from '../../platform/exchange.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { isCalendarDay } from '../../platform/lib/time-zones.ts';
import type { ImportReport } from '../../platform/module.ts';
import * as w from './video-write.queries.ts';
import { DESCRIPTION_MAX, TITLE_MAX, TRANSCRIPT_MAX } from './videos.forms.ts';
import { isProviderId, MAX_DURATION_SECONDS } from './videos.model.ts';
import * as q from './videos.queries.ts';

// The videos part of the exchange format (docs/import-format.md), and the demo seed. Idempotent by
// externalId. A file video names its recording by `url`: an https address, or the /uploads/… address
// of a file already stored here (what the export writes). Posters are never fetched: an imported video
// keeps the poster an editor uploaded, and until then its page shows a drawn placeholder.

const day = z
  .string()
  .trim()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar day');

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(value);
  } catch {
    return false;
  }
}

const STORED_VIDEO = /^\/uploads\/([0-9a-f]{64})\.(mp4|webm)$/;

export const importedVideo = z
  .object({
    externalId: recordText(200).min(1, 'externalId is required'),
    status: z.enum(['draft', 'published']).default('published'),
    recordedAt: day,
    durationSeconds: z.number().int().min(1).max(MAX_DURATION_SECONDS),
    provider: z.enum(['youtube', 'vimeo', 'file']),
    providerId: z.string().trim().max(100).optional(),
    url: z.string().trim().max(2000).optional(),
    eventExternalId: recordText(200).min(1).optional(),
    themes: z.array(z.string().trim()).max(20).default([]),
    regions: z.array(z.string().trim()).max(20).default([]),
    translations: translationsOf(
      z.object({
        title: recordLine(TITLE_MAX, 'title is required'),
        description: recordText(DESCRIPTION_MAX).default(''),
        transcript: recordText(TRANSCRIPT_MAX).optional(),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.provider === 'file') {
      if (!v.url || !(STORED_VIDEO.test(v.url) || isHttpsUrl(v.url)))
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: 'a file video needs an https:// URL or a /uploads/<sha256>.mp4|webm address',
        });
    } else if (!v.providerId || !isProviderId(v.provider, v.providerId)) {
      const shape = v.provider === 'youtube' ? '11 characters A-Z a-z 0-9 _ -' : 'digits';
      ctx.addIssue({ code: 'custom', path: ['providerId'], message: `not a ${v.provider} video ID (${shape})` });
    }
  });
export type ImportedVideo = z.infer<typeof importedVideo>;

type Found = { eventId: number | null; file: { sha256: string; mediaType: string } | null };

async function check(db: Database, v: ImportedVideo, index: TaxonomyIndex): Promise<{ problems: string[]; found: Found }> {
  const problems: string[] = [];
  for (const t of v.themes) if (!index.themes.has(t)) problems.push(`themes: unknown theme ${t}`);
  for (const r of v.regions) if (!index.regions.has(r)) problems.push(`regions: unknown region ${r}`);
  const eventId = v.eventExternalId ? ((await w.findEventId(db, { externalId: v.eventExternalId })) ?? null) : null;
  if (v.eventExternalId && eventId === null) problems.push(`eventExternalId: no event with externalId ${v.eventExternalId}`);
  let file: Found['file'] = null;
  const stored = v.provider === 'file' && v.url ? STORED_VIDEO.exec(v.url) : null;
  if (stored) {
    file = { sha256: stored[1] as string, mediaType: stored[2] === 'webm' ? 'video/webm' : 'video/mp4' };
    if (!(await findFirstUpload(db, file.sha256, 'video'))) problems.push(`url: no stored video ${v.url}`);
  }
  return { problems, found: { eventId, file } };
}

async function saveOne(db: Database, v: ImportedVideo, found: Found): Promise<'created' | 'updated'> {
  const known = await w.findVideoIdByExternalId(db, v.externalId);
  const existing = known ? await q.findVideo(db, { id: known.id }) : undefined;
  const sameFile = existing?.file_sha256 === found.file?.sha256;
  const write: w.VideoWrite = {
    status: v.status,
    recorded_at: v.recordedAt,
    duration_seconds: v.durationSeconds,
    provider: v.provider,
    provider_id: v.provider === 'file' ? null : (v.providerId ?? null),
    // A stored file keeps its uploads row when it is the one the video has; another is linked by its bytes.
    file: found.file
      ? { uploadId: sameFile ? null : ((await findFirstUpload(db, found.file.sha256, 'video'))?.id ?? null), ...found.file }
      : null,
    file_url: found.file ? null : (v.url ?? null),
    poster: existing?.poster_sha256
      ? { uploadId: null, sha256: existing.poster_sha256, width: existing.poster_width, height: existing.poster_height }
      : null,
    event_id: found.eventId,
    actor_id: null,
  };
  let id = existing?.id;
  if (id === undefined) {
    const title = v.translations.en?.title ?? Object.values(v.translations)[0]?.title ?? v.externalId;
    const base = slugify(title, 'video');
    let slug = base;
    for (let n = 2; slug === 'new' || (await w.isVideoSlugTaken(db, slug)); n++) slug = `${base}-${n}`;
    id = await w.insertVideo(db, slug, v.externalId, write);
  } else await w.updateVideo(db, id, write);
  await w.deleteVideoTexts(db, id);
  for (const [locale, t] of Object.entries(v.translations)) {
    if (t) await w.upsertVideoText(db, id, { locale, title: t.title, description: t.description, transcript: t.transcript ?? '' });
  }
  await w.replaceVideoTaxonomy(db, id, [...new Set(v.themes)], [...new Set(v.regions)]);
  return existing ? 'updated' : 'created';
}

/** Imports videos one by one, each in its own transaction; a bad record is reported with its reasons. */
export async function importVideos(db: Database, records: unknown[]): Promise<ImportReport> {
  const index = await loadTaxonomyIndex(db);
  return importRecords(db, records, importedVideo, { check: (_db, v) => check(db, v, index), save: saveOne });
}

/** Every video in the import format (drafts too: an export is a backup). */
export async function exportVideos(db: Database) {
  const rows = await w.listVideosForExport(db);
  return rows.map((r) => ({
    externalId: r.external_id,
    status: r.status,
    recordedAt: r.recorded_at,
    durationSeconds: r.duration_seconds,
    provider: r.provider,
    ...(r.provider_id ? { providerId: r.provider_id } : {}),
    ...(r.file_sha256
      ? { url: `/uploads/${r.file_sha256}.${r.file_media_type === 'video/webm' ? 'webm' : 'mp4'}` }
      : r.file_url
        ? { url: r.file_url }
        : {}),
    ...(r.event_external_id ? { eventExternalId: r.event_external_id } : {}),
    themes: r.themes,
    regions: r.regions,
    translations: Object.fromEntries(
      r.texts.map((t) => [t.locale, { title: t.title, description: t.description, ...(t.transcript ? { transcript: t.transcript } : {}) }]),
    ),
  }));
}
