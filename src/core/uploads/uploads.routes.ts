import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../platform/http/context.ts';
import { localeOfPath, negotiatedLocale } from '../../platform/http/middleware/locale.ts';
import { ownReferer } from '../../platform/http/referer.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { Layout } from '../../platform/ui/layout.tsx';
import { session } from '../accounts/session.middleware.ts';
import { decideUploadAccess, uploadAccess } from './upload-access.ts';
import {
  findServedUpload,
  MAX_FILE_BYTES,
  STORED_NAME,
  tooLargeError,
  UPLOAD_BODY_LIMIT,
  type UploadError,
  uploadsDir,
  videoExtension,
} from './uploads.service.ts';
import type { UploadKind } from './uploads.table.ts';

import { TooLargePage } from './uploads.views.tsx';

/** What each served extension is; a video's extension must also match its stored media type. */
const KIND_OF_EXTENSION: Record<string, UploadKind> = { pdf: 'document', jpg: 'image', mp4: 'video', webm: 'video', vtt: 'captions' };

// Uploaded bytes come from members, so nothing served here may ever run on our origin: a sandbox CSP
// (scripts, forms, plugins and same-origin access all off, even if a browser rendered the file as HTML),
// nosniff, and only our own re-encoded JPEGs and checked PDFs, by exact stored name.
const FILE_CSP = "default-src 'none'; sandbox";

/**
 * GET /uploads/<sha256>[-640].(jpg|pdf): stored files, cached for a year (the name is the content). A file
 * that only an unpublished practice holds goes to its author and the editors alone, never cached by a
 * shared cache; to anyone else it does not exist (404, as a guessed name would).
 */
export const uploadsRoutes = new Hono<AppEnv>().get('/:name', session(), async (c) => {
  const match = STORED_NAME.exec(c.req.param('name'));
  if (!match) return c.notFound();
  const [name, sha256 = '', small, extension] = match;
  if (small && extension !== 'jpg') return c.notFound();
  const kind = KIND_OF_EXTENSION[extension ?? ''] ?? 'document';
  // Only files with a record are served: one whose transaction rolled back stays invisible.
  const upload = await findServedUpload(c.var.deps.db, sha256, kind);
  if (!upload) return c.notFound();
  // A video is served under the extension of its sniffed type only (an MP4 never as .webm).
  if (kind === 'video' && videoExtension(upload.mediaType) !== extension) return c.notFound();
  const { db, modules } = c.var.deps;
  const access = await decideUploadAccess(modules.extensions.all(uploadAccess), db, sha256, c.var.user);
  if (access === 'hidden') return c.notFound();
  const path = join(uploadsDir(c.var.deps.config), name);
  const file = await stat(path).catch(() => null);
  if (!file?.isFile()) return c.notFound();

  const etag = `"${sha256}${small ?? ''}"`;
  const headers: Record<string, string> = {
    'content-type': upload.mediaType,
    'content-security-policy': FILE_CSP,
    'x-content-type-options': 'nosniff',
    // A private file is checked again on every request (a 304 at most): access ends when a role does.
    'cache-control': access === 'public' ? 'public, max-age=31536000, immutable' : 'private, no-cache',
    'content-disposition': kind === 'document' ? contentDisposition('inline', pdfName(upload.originalName)) : 'inline',
    etag,
    'accept-ranges': 'bytes',
  };
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);

  const ifRange = c.req.header('if-range');
  const range = ifRange === undefined || ifRange === etag ? parseRange(c.req.header('range'), file.size) : null;
  if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'content-range': `bytes */${file.size}` });
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  headers['content-length'] = String(end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${file.size}`;
  const status = range ? 206 : 200;
  // HEAD: no stream at all, so no file descriptor is left open for a body nobody reads.
  if (c.req.method === 'HEAD' || file.size === 0) return c.body(null, status, headers);
  const stream = Readable.toWeb(createReadStream(path, { start, end })) as WebReadableStream<Uint8Array>;
  return c.body(stream as unknown as ReadableStream, status, headers);
});

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * One byte range (RFC 9110 §14.1.2): "bytes=0-499", "bytes=500-", "bytes=-500". Several ranges or a
 * malformed header are ignored (the whole file is sent), which the RFC allows; a range past the end is 416.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (to !== '' && Number(to) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** The download name of a PDF: its uploaded name, ending in ".pdf". */
function pdfName(originalName: string): string {
  return `${originalName.replace(/\.pdf$/i, '') || 'document'}.pdf`;
}

/**
 * RFC 6266 with RFC 8187 (ex-5987) encoding: an ASCII `filename` for old clients (anything else, quotes,
 * backslashes and percent signs replaced) and the exact UTF-8 name in `filename*`.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export type UploadBodyLimitOptions = {
  /** Defaults to UPLOAD_BODY_LIMIT. */
  maxSize?: number;
  /** The file limit the message names (default MAX_FILE_BYTES; a video form: MAX_VIDEO_BYTES). */
  maxFileBytes?: number;
  /**
   * Renders the answer to a too-large request, e.g. the caller's form again with `i18n.t(error.error,
   * error.values)` next to the file field (status 413). Default: a page with the message and a link back.
   */
  onTooLarge?: (c: Context<AppEnv>, error: UploadError) => Response | Promise<Response>;
};

/**
 * Refuses a request body above the limit before it is read (hono/body-limit), with a localized answer
 * instead of a bare 413: "The file is 20 MB; the limit is 10 MB." Put it before anything that parses the
 * body. If an earlier middleware already read the body (the CSRF check reads forms), the size is still
 * checked from Content-Length; a chunked body that was already read passes, and acceptUpload's own
 * limit refuses the file.
 */
export function uploadBodyLimit(options: UploadBodyLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const limiter = bodyLimit({
    maxSize: options.maxSize ?? UPLOAD_BODY_LIMIT,
    onError: (c) => {
      const declared = Number(c.req.header('content-length'));
      // Without Content-Length (chunked), only "more than the limit" is known.
      const error: UploadError =
        Number.isFinite(declared) && declared > 0
          ? tooLargeError(declared, options.maxFileBytes)
          : {
              ok: false,
              error: 'uploads.errors.tooLargeUnknownSize',
              values: { maxMb: (options.maxFileBytes ?? MAX_FILE_BYTES) / (1024 * 1024) },
            };
      return options.onTooLarge ? options.onTooLarge(c as Context<AppEnv>, error) : renderTooLarge(c as Context<AppEnv>, error);
    },
  });
  return async (c, next) => {
    const hasLength = c.req.header('content-length') !== undefined && c.req.header('transfer-encoding') === undefined;
    if (c.req.raw.bodyUsed && !hasLength) return next();
    return limiter(c, next);
  };
}

/** 413 page in the path's locale, with a link back to the form the request came from (same site only). */
function renderTooLarge(c: Context<AppEnv>, error: UploadError) {
  const locale = localeOfPath(c.req.path) ?? negotiatedLocale(c);
  const i18n = getI18n(locale);
  const { deps } = c.var;
  c.header('cache-control', 'no-store');
  return c.html(
    Layout({
      i18n,
      assets: deps.assets,
      baseUrl: deps.config.BASE_URL,
      path: '/',
      indexable: false,
      user: c.var.user ?? null,
      csrfToken: c.var.csrfToken ?? '',
      navigation: deps.modules.navigation,
      title: i18n.t('uploads.tooLargePage.title'),
      children: TooLargePage({ i18n, message: i18n.t(error.error, error.values), backHref: backHref(c, locale) }),
    }),
    413,
  );
}

function backHref(c: Context<AppEnv>, locale: string): string {
  const url = ownReferer(c);
  return url && localeOfPath(url.pathname) ? url.pathname + url.search : `/${locale}/`;
}
