import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.ts';
import { can, type Permission } from '../policy.ts';

/**
 * Guards a route: anonymous visitors are sent to sign in (and brought back), signed-in people without
 * the permission get a 403 page that says why.
 */
export function requires(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) {
      if (c.req.method !== 'GET') throw new HTTPException(401, { message: 'sign-in-required' });
      const url = new URL(c.req.url);
      return c.redirect(`/${c.var.locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (!can(user, permission)) {
      throw new HTTPException(403, { message: permission === 'act-as-member' && !user.emailVerified ? 'verify-first' : 'forbidden' });
    }
    await next();
  };
}

/**
 * A `next` target that stays on this site: a path under a locale, never `//host` or a scheme, and
 * never a control character (a line break would end up in the Location header).
 */
export function safeNext(next: string | undefined, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (!next || !/^\/(en|de|fr|es|ar)\/[^\\\u0000-\u001f\u007f]*$/.test(next) || next.startsWith('//')) return fallback;
  return next;
}
