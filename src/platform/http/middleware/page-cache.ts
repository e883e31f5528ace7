import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type ContentVersions, currentContentVersions } from '../../db/content-versions.ts';
import { LOCALE_COOKIE } from '../../i18n/negotiate.ts';
import type { AppEnv } from '../context.ts';
import { type CachedPage, etagOf, type PageStore } from '../page-store.ts';
import { drawnBody } from '../render.tsx';
import { chooseEncoding } from './compress.ts';

// Anonymous pages served from memory (ADR 015). A page is kept only when it is the same for every
// visitor: a GET without a session cookie, answered 200 with HTML, not marked private or no-store by its
// route, and carrying no CSRF token (a page with a form of its own is drawn for each visitor). It is
// served again only while no module's change counter has moved, as read after the request arrived, so
// a change made through any process shows on the next request to every process.

/** The headers of the route's response that are the page's own (not the visitor's, not caching). */
const NOT_KEPT = new Set(['set-cookie', 'cache-control', 'content-length', 'content-encoding', 'etag', 'last-modified', 'vary', 'date']);

export type PageCacheOptions = {
  store: PageStore;
  /** The session cookie's name: a request carrying one is never answered from the cache. */
  sessionCookie: string;
  /** How long a shared cache in front (a CDN, a reverse proxy) may keep a page, and serve it stale while it asks again. */
  sharedSeconds: number;
};

function hasCookie(c: Context<AppEnv>, name: string): boolean {
  try {
    return getCookie(c, name) !== undefined;
  } catch {
    return true; // an unreadable Cookie header: draw the page for this request, as if signed in
  }
}

function headerList(headers: Headers): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    list.push([name, value]);
  });
  return list;
}

function notModified(c: Context<AppEnv>, page: CachedPage): boolean {
  const tags = c.req.header('if-none-match');
  if (tags !== undefined) {
    const bare = (tag: string) => tag.trim().replace(/^W\//, '');
    return tags.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(page.etag));
  }
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  return Number.isFinite(since) && since >= Math.floor(page.lastModified.getTime() / 1000) * 1000;
}

async function answer(c: Context<AppEnv>, page: CachedPage, options: PageCacheOptions): Promise<Response> {
  const headers: Record<string, string> = Object.fromEntries(page.headers);
  headers['cache-control'] = `public, max-age=0, s-maxage=${options.sharedSeconds}, stale-while-revalidate=${options.sharedSeconds}`;
  headers.etag = page.etag;
  headers['last-modified'] = page.lastModified.toUTCString();
  headers.vary = 'Accept-Encoding';
  if (notModified(c, page)) {
    delete headers['content-type'];
    return onlyLocaleCookie(c.body(null, 304, headers));
  }
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const body = await options.store.body(page, encoding);
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return onlyLocaleCookie(c.body(body, 200, headers));
}

/**
 * A shared page sets no cookie of the visitor's: the CSRF cookie that drawing it may have started would,
 * kept by a proxy in front, be handed to everyone. The language cookie is the page's own language.
 */
function onlyLocaleCookie(res: Response): Response {
  const cookies = res.headers.getSetCookie();
  if (cookies.length === 0) return res;
  res.headers.delete('set-cookie');
  for (const cookie of cookies) if (cookie.startsWith(`${LOCALE_COOKIE}=`)) res.headers.append('set-cookie', cookie);
  return res;
}

/** The response just drawn as a page to keep, or null when it is not the same for everyone. */
async function keepable(c: Context<AppEnv>, versions: ContentVersions): Promise<CachedPage | null> {
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  const caching = res.headers.get('cache-control') ?? '';
  if (res.status !== 200 || !type.startsWith('text/html') || /no-store|private/.test(caching) || c.var.user) return null;
  // A page drawn by renderPage comes as its bytes; any other HTML response is read.
  const drawn = drawnBody(res);
  if (!drawn && !res.body) return null;
  const identity = drawn ?? Buffer.from(await res.arrayBuffer());
  const token = c.var.csrfToken;
  if (token && identity.includes(token)) {
    c.res = new Response(identity, { status: res.status, headers: res.headers });
    return null;
  }
  return {
    stamp: versions.stamp,
    headers: headerList(res.headers).filter(([name]) => !NOT_KEPT.has(name)),
    identity,
    etag: etagOf(identity),
    lastModified: versions.changedAt,
    storedAt: Date.now(),
    encoded: new Map(),
  };
}

export function pageCache(options: PageCacheOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' || hasCookie(c, options.sessionCookie)) return next();
    const { db, metrics } = c.var.deps;
    let versions: ContentVersions;
    try {
      versions = await currentContentVersions(db);
    } catch {
      return next(); // the page itself meets the database's trouble and says so
    }
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const kept = options.store.get(key);
    if (kept && kept.stamp === versions.stamp) {
      metrics.countPageCache(notModified(c, kept) ? 'not-modified' : 'hit');
      return answer(c, kept, options);
    }
    await next();
    const page = await keepable(c, versions);
    if (!page) {
      metrics.countPageCache('uncacheable');
      return;
    }
    options.store.set(key, page);
    metrics.countPageCache('miss');
    // The route's response is replaced by the kept one; the cookies this request set (its locale) stay.
    c.res = undefined as unknown as Response;
    c.res = await answer(c, page, options);
  };
}
