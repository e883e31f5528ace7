import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { SESSION_COOKIE, session } from './core/accounts/session.middleware.ts';
import { uploadBodyLimit } from './core/uploads/uploads.routes.ts';
import { moduleServices, modules } from './modules.ts';
import { openApiDocument } from './openapi.ts';
import { withOneReadingPerRequest } from './platform/db/content-versions.ts';
import type { AppDeps, AppEnv, BaseDeps } from './platform/http/context.ts';
import { handleError, handleNotFound } from './platform/http/errors.tsx';
import { accessLog } from './platform/http/middleware/access-log.ts';
import { compress } from './platform/http/middleware/compress.ts';
import { csrf } from './platform/http/middleware/csrf.ts';
import { localeMiddleware, negotiatedLocale } from './platform/http/middleware/locale.ts';
import { pageCache } from './platform/http/middleware/page-cache.ts';
import { requestGuard } from './platform/http/middleware/request-guard.ts';
import { requestMetrics } from './platform/http/middleware/request-metrics.ts';
import { securityHeaders } from './platform/http/middleware/security-headers.ts';
import { createPageStore } from './platform/http/page-store.ts';
import { serveAsset } from './platform/http/static.ts';
import { getI18n } from './platform/i18n/i18n.ts';
import { LOCALES } from './platform/i18n/locales.ts';

/** How long a page is kept at most: what changes with the clock, not with a write, shows within it. */
const PAGE_LIFETIME_MS = 60_000;

/** The largest request body any page accepts (uploads are limited lower, per route). */
const MAX_REQUEST_BODY = 25 * 1024 * 1024;

/**
 * Builds the whole web application from its dependencies and the registry of modules (src/modules.ts).
 * Tests call this with their own database.
 */
export function createApp(base: BaseDeps) {
  const deps: AppDeps = { ...base, modules: moduleServices };
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    // Error pages outside /<locale>/ still need an I18n; the locale middleware replaces this one.
    c.set('i18n', getI18n('en'));
    c.set('user', null);
    c.set('csrfToken', '');
    await next();
  });
  app.use((_c, next) => withOneReadingPerRequest(next));
  app.use(accessLog());
  app.use(requestMetrics());
  app.use(securityHeaders({ hsts: deps.config.isProduction }));
  app.use(compress());
  app.use(requestGuard());
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.get('/assets/*', serveAsset);
  // Addresses outside the locale (uploads for every language, /healthz, the development mailbox).
  for (const module of modules) {
    for (const { path, routes, devOnly } of module.rootRoutes ?? []) {
      if (!devOnly || !deps.config.isProduction) app.route(path, routes);
    }
  }
  // Browsers ask for /favicon.ico whatever the page says; point them at the hashed icon.
  app.get('/favicon.ico', (c) => c.redirect(deps.assets.url('icons/peerpolis.svg'), 301));
  app.get('/robots.txt', (c) =>
    c.text(`User-agent: *\nDisallow: /dev/\nDisallow: /api/\n\nSitemap: ${deps.config.BASE_URL}/sitemap.xml\n`),
  );
  app.get('/', (c) => {
    c.header('vary', 'Accept-Language, Cookie');
    c.header('cache-control', 'no-store');
    return c.redirect(`/${negotiatedLocale(c)}/`, 302);
  });

  const localized = new Hono<AppEnv>();
  localized.use(localeMiddleware({ secureCookies: deps.config.isProduction }));
  // Before the session is looked up: a visitor without a session cookie may be answered from memory.
  localized.use(
    pageCache({
      store: createPageStore({ maxBytes: deps.config.PAGE_CACHE_MB * 1024 * 1024, ttlMs: PAGE_LIFETIME_MS }),
      sessionCookie: SESSION_COOKIE,
      sharedSeconds: deps.config.PAGE_CACHE_SHARED_SECONDS,
    }),
  );
  localized.use(session());
  // Bounds every form body before the CSRF check reads it into memory. Upload routes have their own,
  // lower limit that answers inside the form; this one only stops bodies no form should send.
  localized.use(uploadBodyLimit({ maxSize: MAX_REQUEST_BODY }));
  localized.use(csrf({ secureCookies: deps.config.isProduction }));
  // "/en/themes/" → "/en/themes" when only the slash-less page exists (checked after routing: never loops).
  localized.use(trimTrailingSlash());
  for (const module of modules) if (module.pages) localized.route('/', module.pages);

  // Public read-only API: JSON, any origin may read it (it holds only what public pages show).
  const api = new Hono<AppEnv>();
  // POST only for matching, which changes nothing; cookies never cross origins (SameSite=Lax, no credentials).
  api.use(cors({ origin: '*', allowMethods: ['GET', 'POST'] }));
  api.get('/openapi.json', (c) => c.json(openApiDocument));
  for (const module of modules) if (module.api) api.route('/', module.api);
  app.route('/api/v1', api);

  // Only supported locales reach the pages; anything else falls through to the localized 404.
  const locale = `:locale{(?:${LOCALES.join('|')})}`;
  app.route(`/${locale}/`, localized);
  // "/en" → "/en/": one canonical URL per page.
  app.get(`/${locale}`, (c) => c.redirect(`${c.req.path}/`, 301));
  return app;
}

export type App = ReturnType<typeof createApp>;
