import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * The page a request came from, if it is one of ours: the Referer as a URL when it parses and its
 * origin is this request's or the configured BASE_URL's (behind a proxy the two differ). Anything
 * else — no header, another site, a value that is no URL at all — is null, never an error.
 */
export function ownReferer(c: Context<AppEnv>): URL | null {
  const referer = c.req.header('referer');
  if (!referer || !URL.canParse(referer)) return null;
  const url = new URL(referer);
  const ours = [new URL(c.req.url).origin, new URL(c.var.deps.config.BASE_URL).origin];
  return ours.includes(url.origin) ? url : null;
}
