import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.ts';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The token for a CSRF cookie and a session (`sessionId`, empty when signed out): a token taken from a
 * page seen before signing in (or by another session on a shared computer) is worth nothing after it.
 */
export function csrfTokenFor(secret: string, cookieValue: string, sessionId = ''): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}:${sessionId}`).digest('base64url');
}

function sameValue(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  try {
    const value = getCookie(c, CSRF_COOKIE);
    return value && /^[A-Za-z0-9_-]{32,64}$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fresh CSRF cookie when a session begins or ends (sign-in, confirming an address, sign-out, a new
 * password): tokens issued before no longer count, whatever a page left open still holds. `sessionId`
 * is the session the response starts (empty when it ends one).
 */
export function rotateCsrfCookie(c: Context<AppEnv>, sessionId: string, options: { secureCookies: boolean }): void {
  const cookie = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: options.secureCookies });
  c.set('csrfToken', csrfTokenFor(c.var.deps.secret, cookie, sessionId));
}

/**
 * What the browser itself says of where a request comes from: `Sec-Fetch-Site` (every current browser),
 * else an `Origin` equal to ours. A page cannot forge either for a request it makes across sites.
 */
function sameOriginByBrowser(c: Context<AppEnv>, origin: string | undefined): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  return origin !== undefined && (origin === new URL(c.req.url).origin || origin === c.var.deps.config.BASE_URL);
}

/**
 * Signed double-submit bound to the session: a random cookie, and forms carry HMAC(secret, cookie and
 * the session's id), so the session middleware must run first. A state-changing request
 * (any method but GET/HEAD/OPTIONS) needs the matching token in the form field `_csrf` or the
 * `x-csrf-token` header, and, when the browser sends Origin, the same origin. Otherwise: 403.
 * A visitor without a session may post without a token when the browser says the request is same-origin
 * (ADR 015) and sends no token at all: anonymous pages are cached and shared, so their forms (the footer's
 * subscribe form) carry none. A wrong token is refused whatever the browser says.
 */
export function csrf(options: { secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { secret } = c.var.deps;
    const sessionId = c.var.user?.sessionId ?? '';
    let cookie = readCookie(c);
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin && origin !== c.var.deps.config.BASE_URL) {
        throw new HTTPException(403, { message: 'csrf' });
      }
      let sent = c.req.header(CSRF_HEADER);
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
          const field = (body as Record<string, unknown>)[CSRF_FIELD];
          sent = typeof field === 'string' ? field : undefined;
        }
      }
      // A token sent must be right; none at all will do only for a visitor without a session whose
      // browser says the request is same-origin (the forms of shared, cached pages carry none).
      const vouched = !sent && sessionId === '' && sameOriginByBrowser(c, origin);
      if (!vouched && (!cookie || !sent || !sameValue(sent, csrfTokenFor(secret, cookie, sessionId)))) {
        throw new HTTPException(403, { message: 'csrf' });
      }
    }
    if (!cookie) {
      cookie = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: options.secureCookies });
    }
    c.set('csrfToken', csrfTokenFor(secret, cookie, sessionId));
    await next();
  };
}
