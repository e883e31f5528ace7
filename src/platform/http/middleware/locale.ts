import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { getI18n } from '../../i18n/i18n.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { LOCALE_COOKIE, negotiateLocale } from '../../i18n/negotiate.ts';
import type { AppEnv } from '../context.ts';

/** The language a request without a locale in its path should get (404 pages, the / redirect). */
export function negotiatedLocale(c: Context<AppEnv>): Locale {
  let cookie: string | undefined;
  try {
    cookie = getCookie(c, LOCALE_COOKIE);
  } catch {
    cookie = undefined; // an unreadable Cookie header is ignored, not an error
  }
  return negotiateLocale(c.req.header('accept-language'), cookie);
}

/** The first path segment when it is a supported locale. */
export function localeOfPath(path: string): Locale | null {
  const first = path.split('/')[1];
  return isLocale(first) ? first : null;
}

/**
 * For /<locale>/...: puts the locale and its I18n on the context and remembers the choice in a cookie
 * (only when it changes, so ordinary page views carry no Set-Cookie).
 */
export function localeMiddleware(options: { secureCookies: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const locale = localeOfPath(c.req.path);
    if (!locale) return c.notFound();
    c.set('locale', locale);
    c.set('i18n', getI18n(locale));
    let remembered: string | undefined;
    try {
      remembered = getCookie(c, LOCALE_COOKIE);
    } catch {
      remembered = undefined;
    }
    if (remembered !== locale) {
      setCookie(c, LOCALE_COOKIE, locale, {
        path: '/',
        maxAge: 60 * 60 * 24 * 365,
        sameSite: 'Lax',
        httpOnly: true,
        secure: options.secureCookies,
      });
    }
    await next();
  };
}
