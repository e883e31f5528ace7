import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { sniffFileType } from './file-types.model.ts';
import { IMAGE_WIDTH, MAX_IMAGE_PIXELS, SMALL_IMAGE_WIDTH, type UploadError, VIDEO_TYPES } from './uploads.model.ts';

// The file work behind prepareUpload: checking a PDF, re-encoding a picture (bounded in parallel, since
// decoding is memory-hungry on a small server), and writing a content-addressed file exactly once.

type Encoded = { data: Buffer; width: number | null; height: number | null };
type Prepared = { ok: true; main: Encoded; small?: Encoded; mediaType?: string };

export function checkDocument(bytes: Buffer): Prepared | UploadError {
  // Only the content decides: programs (MZ, ELF, Mach-O, "#!"), archives, HTML or images named .pdf all
  // land here, whatever the browser declared.
  if (sniffFileType(bytes) !== 'pdf') return { ok: false, error: 'uploads.errors.notPdf' };
  return { ok: true, main: { data: bytes, width: null, height: null } };
}

/**
 * A video is stored as sent (re-encoding would need ffmpeg and minutes of CPU): only MP4 and WebM by
 * their first bytes. It is served with the sandbox CSP and nosniff like every upload, and played by the
 * browser's own <video> element, never as a page.
 */
export function checkVideo(bytes: Buffer): Prepared | UploadError {
  const type = sniffFileType(bytes);
  if (type !== 'mp4' && type !== 'webm') return { ok: false, error: 'uploads.errors.notVideo' };
  return { ok: true, main: { data: bytes, width: null, height: null }, mediaType: VIDEO_TYPES[type] };
}

/** Captions: WebVTT text in UTF-8 (the only format <track> plays). */
export function checkCaptions(bytes: Buffer): Prepared | UploadError {
  if (sniffFileType(bytes) !== 'vtt') return { ok: false, error: 'uploads.errors.notCaptions' };
  return { ok: true, main: { data: bytes, width: null, height: null } };
}

// libvips' operation cache only pays off when the same image is processed again; uploads never are.
sharp.cache(false);

const DECODE = { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true, failOn: 'error' } as const;
// mozjpeg: progressive and about 10% smaller than libjpeg at the same quality — it matters on slow links.
const JPEG = { quality: 80, mozjpeg: true } as const;

export async function processImage(bytes: Buffer): Promise<Prepared | UploadError> {
  const type = sniffFileType(bytes);
  if (type === 'svg') return { ok: false, error: 'uploads.errors.svg' };
  if (type === 'heic') return { ok: false, error: 'uploads.errors.heic' };
  if (type !== 'jpeg' && type !== 'png' && type !== 'webp') return { ok: false, error: 'uploads.errors.notImage' };
  const unreadable: UploadError = { ok: false, error: 'uploads.errors.imageUnreadable' };
  let format: string | undefined;
  let pixels = 0;
  try {
    // Reads the header only: the size is checked before anything is decoded.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    return unreadable;
  }
  if (format !== type) return unreadable;
  if (pixels > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      error: 'uploads.errors.tooManyPixels',
      values: { megapixels: Math.round(pixels / 1e6), maxMegapixels: MAX_IMAGE_PIXELS / 1e6 },
    };
  }
  try {
    // Decoded for real and written anew: only pixels survive, no EXIF (GPS position, camera serial),
    // no comments, no trailing data after the image. Transparency becomes white (JPEG has none).
    const source = sharp(bytes, DECODE).flatten({ background: '#ffffff' });
    const [main, small] = await Promise.all(
      [IMAGE_WIDTH, SMALL_IMAGE_WIDTH].map((width) =>
        source.clone().resize({ width, withoutEnlargement: true }).jpeg(JPEG).toBuffer({ resolveWithObject: true }),
      ),
    );
    if (!main || !small) return unreadable;
    return {
      ok: true,
      main: { data: main.data, width: main.info.width, height: main.info.height },
      small: { data: small.data, width: small.info.width, height: small.info.height },
    };
  } catch {
    return unreadable;
  }
}

// Decoding a large photo takes a few hundred MB and both cores; two at a time per process keeps a burst of
// uploads from exhausting memory while pages go on being served.
const MAX_PARALLEL_IMAGES = 2;
let running = 0;
const waiting: (() => void)[] = [];

export async function withImageSlot<T>(task: () => Promise<T>): Promise<T> {
  while (running >= MAX_PARALLEL_IMAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Writes `data` as dir/name unless that file is already there: a temporary file in the same directory,
 * flushed to disk, then renamed, so a reader (or a crash) never sees half a file.
 */
export async function writeOnce(dir: string, name: string, data: Buffer): Promise<void> {
  const target = join(dir, name);
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === data.length) return;
  const temp = join(dir, `.tmp-${process.pid}-${randomBytes(8).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A PDF kept by a record (events' documentation, project ideas): the upload and its title. */
