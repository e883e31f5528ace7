import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { openApiDocument } from './api/openapi.ts';
import { getI18n } from './i18n/i18n.ts';
import { LOCALES } from './i18n/locales.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { credentialsRoutes } from './modules/accounts/credentials.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { callEditorRoutes } from './modules/calls/call-editor.routes.ts';
import { callsRoutes } from './modules/calls/calls.routes.ts';
import { eventAdminRoutes } from './modules/events/event-admin.routes.ts';
import { eventEditorRoutes } from './modules/events/event-editor.routes.ts';
import { eventPageRoutes } from './modules/events/event-page.routes.tsx';
import { eventsApi } from './modules/events/events.api.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { expertProfileRoutes } from './modules/experts/expert-profile.routes.ts';
import { expertsApi } from './modules/experts/experts.api.ts';
import { expertsRoutes } from './modules/experts/experts.routes.ts';
import { matchRequestsRoutes } from './modules/experts/match-requests.routes.ts';
import { impactRoutes } from './modules/impact/impact.routes.ts';
import { devMailRoutes } from './modules/mail/mail.routes.ts';
import { newsletterRoutes } from './modules/newsletter/newsletter.routes.ts';
import { practiceWorkflowRoutes } from './modules/practices/practice-workflow.routes.ts';
import { practicesApi } from './modules/practices/practices.api.ts';
import { practicesRoutes } from './modules/practices/practices.routes.ts';
import { projectIdeaEditorRoutes } from './modules/project-ideas/project-idea-editor.routes.ts';
import { projectIdeasRoutes } from './modules/project-ideas/project-ideas.routes.ts';
import { siteRoutes } from './modules/site/site.routes.ts';
import { checkHealth } from './modules/site/site.service.ts';
import { uploadBodyLimit, uploadsRoutes } from './modules/uploads/uploads.routes.ts';
import type { AppDeps, AppEnv } from './web/context.ts';
import { handleError, handleNotFound } from './web/errors.tsx';
import { accessLog } from './web/middleware/access-log.ts';
import { compress } from './web/middleware/compress.ts';
import { csrf } from './web/middleware/csrf.ts';
import { localeMiddleware, negotiatedLocale } from './web/middleware/locale.ts';
import { requestGuard } from './web/middleware/request-guard.ts';
import { securityHeaders } from './web/middleware/security-headers.ts';
import { session } from './web/middleware/session.ts';
import { serveAsset } from './web/static.ts';

/** The largest request body any page accepts (uploads are limited lower, per route). */
const MAX_REQUEST_BODY = 25 * 1024 * 1024;

/** Builds the whole web application from its dependencies. Tests call this with their own database. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    // Error pages outside /<locale>/ still need an I18n; the locale middleware replaces this one.
    c.set('i18n', getI18n('en'));
    c.set('user', null);
    c.set('csrfToken', '');
    await next();
  });
  app.use(accessLog());
  app.use(securityHeaders({ hsts: deps.config.isProduction }));
  app.use(compress());
  app.use(requestGuard());
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.get('/assets/*', serveAsset);
  // Uploaded documents and images: one address for every language, like assets (see uploads.routes.ts).
  app.route('/uploads', uploadsRoutes);
  app.get('/healthz', async (c) => {
    const health = await checkHealth(deps.db);
    c.header('cache-control', 'no-store');
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
  // Browsers ask for /favicon.ico whatever the page says; point them at the hashed icon.
  app.get('/favicon.ico', (c) => c.redirect(deps.assets.url('icons/peerpolis.svg'), 301));
  app.get('/robots.txt', (c) => c.text(`User-agent: *\nDisallow: /dev/\nDisallow: /api/\n`));
  app.get('/', (c) => {
    c.header('vary', 'Accept-Language, Cookie');
    c.header('cache-control', 'no-store');
    return c.redirect(`/${negotiatedLocale(c)}/`, 302);
  });

  const localized = new Hono<AppEnv>();
  localized.use(localeMiddleware({ secureCookies: deps.config.isProduction }));
  localized.use(session());
  // Bounds every form body before the CSRF check reads it into memory. Upload routes have their own,
  // lower limit that answers inside the form; this one only stops bodies no form should send.
  localized.use(uploadBodyLimit({ maxSize: MAX_REQUEST_BODY }));
  localized.use(csrf({ secureCookies: deps.config.isProduction }));
  // "/en/themes/" → "/en/themes" when only the slash-less page exists (checked after routing: never loops).
  localized.use(trimTrailingSlash());
  localized.route('/', siteRoutes);
  localized.route('/', practicesRoutes);
  localized.route('/', practiceWorkflowRoutes);
  localized.route('/', expertProfileRoutes);
  localized.route('/', expertsRoutes);
  localized.route('/', matchRequestsRoutes);
  localized.route('/', eventsRoutes);
  localized.route('/', eventPageRoutes);
  localized.route('/', eventAdminRoutes);
  localized.route('/', eventEditorRoutes);
  localized.route('/', callsRoutes);
  localized.route('/', callEditorRoutes);
  localized.route('/', projectIdeasRoutes);
  localized.route('/', projectIdeaEditorRoutes);
  localized.route('/', newsletterRoutes);
  localized.route('/', impactRoutes);
  localized.route('/', accountsRoutes);
  localized.route('/', credentialsRoutes);
  localized.route('/', adminRoutes);
  if (!deps.config.isProduction) app.route('/dev/mail', devMailRoutes);

  // Public read-only API: JSON, any origin may read it (it holds only what public pages show).
  const api = new Hono<AppEnv>();
  // POST only for matching, which changes nothing; cookies never cross origins (SameSite=Lax, no credentials).
  api.use(cors({ origin: '*', allowMethods: ['GET', 'POST'] }));
  api.get('/openapi.json', (c) => c.json(openApiDocument));
  api.route('/', practicesApi);
  api.route('/', expertsApi);
  api.route('/', eventsApi);
  app.route('/api/v1', api);

  // Only supported locales reach the pages; anything else falls through to the localized 404.
  const locale = `:locale{(?:${LOCALES.join('|')})}`;
  app.route(`/${locale}/`, localized);
  // "/en" → "/en/": one canonical URL per page.
  app.get(`/${locale}`, (c) => c.redirect(`${c.req.path}/`, 301));
  return app;
}

export type App = ReturnType<typeof createApp>;
