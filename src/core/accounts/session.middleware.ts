import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/context.ts';
import { rotateCsrfCookie } from '../../platform/http/middleware/csrf.ts';
import { hashSecureToken } from './secure-token.model.ts';
import { resumeSession, SESSION_IDLE_SECONDS } from './sessions.service.ts';

export const SESSION_COOKIE = 'sid';

/** Puts the signed-in user (or null) on the context. */
export function session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token: string | undefined;
    try {
      token = getCookie(c, SESSION_COOKIE);
    } catch {
      token = undefined;
    }
    const user = token ? await resumeSession(c.var.deps.db, token) : null;
    c.set('user', user);
    if (token && !user) deleteCookie(c, SESSION_COOKIE, { path: '/' }); // expired or revoked: tidy up
    await next();
  };
}

/** Starts the session in the browser; the CSRF cookie is renewed with it (see rotateCsrfCookie). */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  rotateCsrfCookie(c, hashSecureToken(token), { secureCookies: c.var.deps.config.isProduction });
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.isProduction,
    maxAge: SESSION_IDLE_SECONDS,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  rotateCsrfCookie(c, '', { secureCookies: c.var.deps.config.isProduction });
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.config.isProduction });
}
