import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getI18n } from '../i18n/i18n.ts';
import { ErrorPage } from '../modules/site/site.views.tsx';
import type { AppEnv } from './context.ts';
import { Layout } from './layout.tsx';
import { localeOfPath, negotiatedLocale } from './middleware/locale.ts';

/** An error page in the path's locale, else the negotiated one. Never shows a stack trace. */
export function renderErrorPage(c: Context<AppEnv>, status: ContentfulStatusCode) {
  const locale = localeOfPath(c.req.path) ?? negotiatedLocale(c);
  const i18n = getI18n(locale);
  const { deps } = c.var;
  const kind = status === 404 ? 'notFound' : status === 400 || status === 414 ? 'badRequest' : 'serverError';
  c.header('cache-control', 'no-store');
  return c.html(
    <Layout
      i18n={i18n}
      assets={deps.assets}
      baseUrl={deps.config.BASE_URL}
      path="/"
      indexable={false}
      title={i18n.t(`errors.${kind}.title`)}
    >
      {ErrorPage({ i18n, status })}
    </Layout>,
    status,
  );
}

const wantsJson = (c: Context<AppEnv>) => c.req.path.startsWith('/api/');

export function handleNotFound(c: Context<AppEnv>) {
  if (wantsJson(c)) return c.json({ error: 'not_found' }, 404);
  return renderErrorPage(c, 404);
}

export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    if (wantsJson(c)) return c.json({ error: err.message || 'bad_request' }, status);
    return renderErrorPage(c, status);
  }
  // Unexpected: log with context (no cookies, no body), answer with a calm page.
  c.var.deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'request failed');
  if (wantsJson(c)) return c.json({ error: 'internal_error' }, 500);
  return renderErrorPage(c, 500);
}
