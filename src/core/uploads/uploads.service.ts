import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { checkCaptions, checkDocument, checkVideo, processImage, withImageSlot, writeOnce } from './file-processing.service.ts';
import {
  EXTENSIONS,
  MAX_FILE_BYTES,
  MAX_NAME_LENGTH,
  MAX_VIDEO_BYTES,
  MB,
  SMALL_IMAGE_WIDTH,
  SMALL_SUFFIX,
  STORED_TYPES,
  type UploadError,
  videoExtension,
} from './uploads.model.ts';
import { findFirstUpload, insertUpload } from './uploads.queries.ts';
import type { UploadKind } from './uploads.table.ts';

// Good-practice documents (PDF) and pictures (JPEG, PNG, WebP), judged by their content, never by name
// or declared type. Files are content-addressed under DATA_DIR/uploads: the same bytes are stored once,
// named by their SHA-256; every upload still gets its own row (who, when, under which name).

export * from './uploads.model.ts';

export type StoredUpload = {
  id: number;
  sha256: string;
  kind: UploadKind;
  mediaType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  originalName: string;
};

export type AcceptUploadResult = { ok: true; upload: StoredUpload } | UploadError;

export type UploadInput = {
  /** The form field as parseBody returns it: a File, or a string / undefined when nothing was chosen. */
  file: unknown;
  kind: UploadKind;
  uploaderUserId: number | null;
};

/** Where uploads live: DATA_DIR/uploads. */
export function uploadsDir(config: Pick<Config, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'uploads');
}

/** The public address of a stored file; images have a 640 px variant for small screens. Videos: videoUrl. */
export function uploadUrl(sha256: string, kind: UploadKind, variant?: 'small'): string {
  const suffix = kind === 'image' && variant === 'small' ? SMALL_SUFFIX : '';
  return `/uploads/${sha256}${suffix}.${EXTENSIONS[kind]}`;
}

/** The address of a stored video: its extension follows its media type (.mp4 or .webm). */
export function videoUrl(sha256: string, mediaType: string): string {
  return `/uploads/${sha256}.${videoExtension(mediaType)}`;
}

/** `srcset` for a stored image of this width: the 640 px variant and the full one (when wider). */
export function imageSrcset(sha256: string, width: number): string {
  if (width <= SMALL_IMAGE_WIDTH) return `${uploadUrl(sha256, 'image')} ${width}w`;
  return `${uploadUrl(sha256, 'image', 'small')} ${SMALL_IMAGE_WIDTH}w, ${uploadUrl(sha256, 'image')} ${width}w`;
}

/** File names on disk (and in URLs): hex SHA-256, optional size suffix, extension. Nothing else is ever served. */
export const STORED_NAME = /^([0-9a-f]{64})(-640)?\.(pdf|jpg|mp4|webm|vtt)$/;

/**
 * "The file is 20 MB; the limit is 10 MB." Rounded to a tenth, but never shown as equal to the limit:
 * "10 MB; the limit is 10 MB" would read as a contradiction.
 */
export function tooLargeError(bytes: number, limit = MAX_FILE_BYTES): UploadError {
  const maxMb = limit / MB;
  const sizeMb = Math.max(Math.round((bytes / MB) * 10) / 10, maxMb + 0.1);
  return { ok: false, error: 'uploads.errors.tooLarge', values: { sizeMb, maxMb } };
}

/**
 * Display name from the sender's file name: last path segment (old browsers send "C:\fakepath\…"),
 * without control or bidirectional-override characters (which make "exe.pdf" look like "fdp.exe"),
 * spaces collapsed, at most MAX_NAME_LENGTH characters. Never used as a path.
 */
export function sanitizeFileName(name: string, fallback: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/gu, ' ')
    .replace(/[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '')
    .replace(/^[\s.]+/u, '')
    .trim();
  const chars = [...cleaned];
  const short = chars.length > MAX_NAME_LENGTH ? chars.slice(0, MAX_NAME_LENGTH).join('').trimEnd() : cleaned;
  return short || fallback;
}

/** What the file route needs to serve stored bytes; undefined when no upload has them. */
export async function findServedUpload(db: Database, sha256: string, kind: UploadKind) {
  const row = await findFirstUpload(db, sha256, kind);
  return row ? { mediaType: row.media_type, originalName: row.original_name } : undefined;
}

/**
 * Checks a submitted file, stores it (images re-encoded) and records it with `db`, which may be the
 * caller's transaction: if that rolls back, the row goes and the file stays unreferenced (and unserved:
 * the route serves only files that have a row).
 *
 * Image work takes up to a second. On the embedded database a transaction holds its only connection, so
 * a caller with a transaction should call prepareUpload before opening it and recordUpload inside it.
 */
export async function acceptUpload(db: Database, dir: string, input: UploadInput): Promise<AcceptUploadResult> {
  const prepared = await prepareUpload(dir, input);
  if (!prepared.ok) return prepared;
  return { ok: true, upload: await recordUpload(db, prepared.file, input.uploaderUserId) };
}

const FALLBACK_NAMES: Record<UploadKind, string> = { document: 'document.pdf', image: 'image', video: 'video', captions: 'captions.vtt' };

/** A checked file already on disk, not yet recorded. */
export type PreparedUpload = Omit<StoredUpload, 'id'>;

/** The checks and the file work of acceptUpload, without the database. */
export async function prepareUpload(
  dir: string,
  input: Pick<UploadInput, 'file' | 'kind'>,
): Promise<{ ok: true; file: PreparedUpload } | UploadError> {
  const { file, kind } = input;
  // A form sent without a chosen file carries an empty part (size 0) or, from some clients, a string.
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, error: 'uploads.errors.noFile' };
  const limit = kind === 'video' ? MAX_VIDEO_BYTES : MAX_FILE_BYTES;
  if (file.size > limit) return tooLargeError(file.size, limit);
  const bytes = Buffer.from(await file.arrayBuffer());
  const sentName = file instanceof File ? file.name : '';
  const originalName = sanitizeFileName(sentName, FALLBACK_NAMES[kind]);
  const stored =
    kind === 'document'
      ? checkDocument(bytes)
      : kind === 'video'
        ? checkVideo(bytes)
        : kind === 'captions'
          ? checkCaptions(bytes)
          : await withImageSlot(() => processImage(bytes));
  if (!stored.ok) return stored;

  const sha256 = createHash('sha256').update(stored.main.data).digest('hex');
  await mkdir(dir, { recursive: true });
  const mediaType = stored.mediaType ?? STORED_TYPES[kind];
  const fileName = (variant?: 'small') =>
    (kind === 'video' ? videoUrl(sha256, mediaType) : uploadUrl(sha256, kind, variant)).slice('/uploads/'.length);
  await writeOnce(dir, fileName(), stored.main.data);
  if (stored.small) await writeOnce(dir, fileName('small'), stored.small.data);
  return {
    ok: true,
    file: {
      sha256,
      kind,
      mediaType,
      bytes: stored.main.data.length,
      width: stored.main.width,
      height: stored.main.height,
      originalName,
    },
  };
}

/** Records a prepared file (one row per upload, even of bytes already stored). */
export async function recordUpload(db: Database, file: PreparedUpload, uploaderUserId: number | null): Promise<StoredUpload> {
  const id = await insertUpload(db, { ...file, uploaderUserId });
  return { id, ...file };
}

export type AttachedDocument = { uploadId: number; sha256: string; title: string; bytes: number };

/** A refused document: the message key with its values, and the title that was typed (kept in the form). */
export type DocumentRefusal = { error: string; values: Record<string, string | number>; title: string };

/**
 * Attaches a PDF to a record's list of documents. The file is checked and stored before the
 * transaction (see acceptUpload); the list is read under the record's row lock (`lock`) and written
 * back with `save`, so two uploads at once never lose one or pass `max` together.
 */
export async function attachDocument(
  db: Database,
  config: Pick<Config, 'DATA_DIR'>,
  input: { file: unknown; title: string; uploaderUserId: number; max: number; limitKey: string },
  target: {
    lock: (trx: Database) => Promise<AttachedDocument[] | undefined>;
    save: (trx: Database, docs: AttachedDocument[]) => Promise<void>;
  },
): Promise<'added' | 'not-found' | DocumentRefusal> {
  const refuse = (error: string, values: Record<string, string | number> = {}): DocumentRefusal => ({ error, values, title: input.title });
  const prepared = await prepareUpload(uploadsDir(config), { file: input.file, kind: 'document' });
  if (!prepared.ok) return refuse(prepared.error, prepared.values ?? {});
  return db.transaction().execute(async (trx) => {
    const documents = await target.lock(trx);
    if (!documents) return 'not-found';
    if (documents.length >= input.max) return refuse(input.limitKey, { count: input.max });
    const u = await recordUpload(trx, prepared.file, input.uploaderUserId);
    const title = input.title || u.originalName.replace(/\.pdf$/i, '');
    await target.save(trx, [...documents, { uploadId: u.id, sha256: u.sha256, title, bytes: u.bytes }]);
    return 'added';
  });
}

/** Takes a document off a record's list, under the record's row lock. */
export async function detachDocument(
  db: Database,
  uploadId: number,
  target: {
    lock: (trx: Database) => Promise<AttachedDocument[] | undefined>;
    save: (trx: Database, docs: AttachedDocument[]) => Promise<void>;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const documents = await target.lock(trx);
    if (documents)
      await target.save(
        trx,
        documents.filter((d) => d.uploadId !== uploadId),
      );
  });
}
