import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const MAX_URL_LENGTH = 4096;

/** True when every %-escape of the path and query decodes to valid UTF-8 other than NUL. */
export function isWellFormedUrl(rawUrl: string): boolean {
  const start = rawUrl.indexOf('/', rawUrl.indexOf('//') + 2);
  const pathAndQuery = start === -1 ? '/' : rawUrl.slice(start);
  // A NUL byte is never meaningful in a URL, and PostgreSQL refuses it in text.
  if (/%00/.test(pathAndQuery)) return false;
  try {
    for (const part of pathAndQuery.split(/[?&=]/)) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Rejects what no page could answer sensibly — broken %-escapes, absurdly long URLs — with a clear 400
 * page before any route sees it, so parsers further in never throw on them.
 */
export function requestGuard(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    if (url.length > MAX_URL_LENGTH) throw new HTTPException(414, { message: 'uri-too-long' });
    if (!isWellFormedUrl(url)) throw new HTTPException(400, { message: 'malformed-url' });
    await next();
  };
}
