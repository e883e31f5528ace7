// The limits and refusals of uploads: plain values every part of the module (and its callers) share.

export const MB = 1024 * 1024;
/** Largest file accepted, documents and images alike. */
export const MAX_FILE_BYTES = 10 * MB;
/**
 * Largest video file: a short recording (a clip of two or three minutes at 720p). Longer recordings
 * belong at YouTube or Vimeo, or are imported with provider "file" and a URL (docs/import-format.md).
 * It stays under the app's limit for any request body (25 MB, app.ts), which the CSRF check reads into
 * memory: a bigger upload would need a streaming path, not a larger buffer.
 */
export const MAX_VIDEO_BYTES = 20 * MB;
export const VIDEO_UPLOAD_BODY_LIMIT = MAX_VIDEO_BYTES + 2 * MB;
/**
 * Largest request body a form with a file may send: the file plus the other fields and the multipart
 * framing. Above it the request is refused before it is read (see uploadBodyLimit).
 */
export const UPLOAD_BODY_LIMIT = 12 * MB;
export const IMAGE_WIDTH = 1600;
export const SMALL_IMAGE_WIDTH = 640;
/** Decompression bombs: a 10 MB PNG can claim 20,000 × 20,000 pixels (1.6 GB decoded). 50 MP covers 48 MP phone cameras. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_NAME_LENGTH = 200;

/** A video's media type is the sniffed one (video/mp4 or video/webm); its extension follows it (videoExtension). */
export const STORED_TYPES = {
  document: 'application/pdf',
  image: 'image/jpeg',
  video: 'video/mp4',
  captions: 'text/vtt; charset=utf-8',
} as const;
export const EXTENSIONS = { document: 'pdf', image: 'jpg', video: 'mp4', captions: 'vtt' } as const;
export const VIDEO_TYPES = { mp4: 'video/mp4', webm: 'video/webm' } as const;

/** The file extension of a stored video: its name says what it is, and the route checks both agree. */
export const videoExtension = (mediaType: string): 'mp4' | 'webm' => (mediaType === VIDEO_TYPES.webm ? 'webm' : 'mp4');
export const SMALL_SUFFIX = '-640';

/** Catalog keys of everything acceptUpload can refuse; show with i18n.t(error, values). */
export type UploadErrorKey =
  | 'uploads.errors.noFile'
  | 'uploads.errors.tooLarge'
  | 'uploads.errors.tooLargeUnknownSize'
  | 'uploads.errors.notPdf'
  | 'uploads.errors.notImage'
  | 'uploads.errors.svg'
  | 'uploads.errors.heic'
  | 'uploads.errors.imageUnreadable'
  | 'uploads.errors.tooManyPixels'
  | 'uploads.errors.notVideo'
  | 'uploads.errors.notCaptions';

export type UploadError = { ok: false; error: UploadErrorKey; values?: Record<string, string | number> };
