// The limits and refusals of uploads: plain values every part of the module (and its callers) share.

export const MB = 1024 * 1024;
/** Largest file accepted, documents and images alike. */
export const MAX_FILE_BYTES = 10 * MB;
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

export const STORED_TYPES = { document: 'application/pdf', image: 'image/jpeg' } as const;
export const EXTENSIONS = { document: 'pdf', image: 'jpg' } as const;
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
  | 'uploads.errors.tooManyPixels';

export type UploadError = { ok: false; error: UploadErrorKey; values?: Record<string, string | number> };
