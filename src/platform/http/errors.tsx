import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { getI18n } from '../i18n/i18n.ts';
import { type ErrorKind, ErrorPage } from '../ui/error-page.tsx';
import { footerPanels } from '../ui/footer-panels.ts';
import { Layout } from '../ui/layout.tsx';
import type { AppEnv } from './context.ts';
import { localeOfPath, negotiatedLocale } from './middleware/locale.ts';

/** 429 with the seconds until the limit resets (sent as Retry-After and shown in minutes). */
export class TooManyRequests extends HTTPException {
  constructor(readonly retryAfter: number) {
    super(429, { message: 'rate-limited' });
  }
}

function kindOf(status: number, message: string): ErrorKind {
  if (status === 404) return 'notFound';
  if (status === 400 || status === 414) return 'badRequest';
  if (status === 401) return 'signInRequired';
  if (status === 403) return message === 'csrf' ? 'csrf' : message === 'verify-first' ? 'verifyFirst' : 'forbidden';
  if (status === 429) return 'tooManyRequests';
  return 'serverError';
}

/** An error page in the path's locale, else the negotiated one. Never shows a stack trace. */
export function renderErrorPage(c: Context<AppEnv>, status: ContentfulStatusCode, message = '', retryAfter?: number) {
  const locale = localeOfPath(c.req.path) ?? negotiatedLocale(c);
  const i18n = getI18n(locale);
  const { deps } = c.var;
  const kind = kindOf(status, message);
  c.header('cache-control', 'no-store');
  if (retryAfter) c.header('retry-after', String(retryAfter));
  return c.html(
    <Layout
      i18n={i18n}
      assets={deps.assets}
      baseUrl={deps.config.BASE_URL}
      path="/"
      indexable={false}
      user={c.var.user ?? null}
      csrfToken={c.var.csrfToken ?? ''}
      navigation={deps.modules.navigation}
      footerPanels={deps.modules.extensions.all(footerPanels)}
      db={deps.db}
      title={i18n.t(`errors.${kind}.title`)}
    >
      {ErrorPage({ i18n, kind, retryMinutes: retryAfter ? Math.ceil(retryAfter / 60) : undefined })}
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
    const retryAfter = err instanceof TooManyRequests ? err.retryAfter : undefined;
    if (wantsJson(c)) {
      if (retryAfter) c.header('retry-after', String(retryAfter));
      return c.json({ error: err.message || 'bad_request' }, status);
    }
    return renderErrorPage(c, status, err.message, retryAfter);
  }
  // Unexpected: log with context (no cookies, no body), answer with a calm page.
  c.var.deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'request failed');
  if (wantsJson(c)) return c.json({ error: 'internal_error' }, 500);
  return renderErrorPage(c, 500);
}
