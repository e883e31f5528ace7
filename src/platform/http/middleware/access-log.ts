import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** Path segments that open a subscriber's pages: whatever follows them is a personal token (or a typo of one). */
const TOKEN_AFTER = /\/(unsubscribe|preferences|confirm)\/[^/]+/g;
/** A segment shaped like a personal token (32 random bytes, base64url) anywhere else in a path. */
const TOKEN_SEGMENT = /\/[A-Za-z0-9_-]{43}(?=\/|$)/g;

/**
 * The path as it may be logged: personal tokens in links (the newsletter's confirm, preferences and
 * unsubscribe pages) open someone's subscription, so they are replaced by ':token'.
 */
export function loggablePath(path: string): string {
  return path.replace(TOKEN_AFTER, '/$1/:token').replace(TOKEN_SEGMENT, '/:token').slice(0, 200);
}

/**
 * One log line per request: method, path, status, duration. The query string is left out on purpose:
 * search terms and tokens in links may be personal (DESIGN.md §6: no e-mail address or secret in a log).
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const entry = { method: c.req.method, path: loggablePath(c.req.path), status, ms: Math.round(performance.now() - started) };
    if (status >= 500) c.var.deps.logger.warn(entry, 'request');
    else c.var.deps.logger.info(entry, 'request');
  };
}
