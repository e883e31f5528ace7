import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/**
 * One log line per request: method, path, status, duration. The query string is left out on purpose:
 * search terms and tokens in links may be personal (DESIGN.md §6: no e-mail address or secret in a log).
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const entry = { method: c.req.method, path: c.req.path.slice(0, 200), status, ms: Math.round(performance.now() - started) };
    if (status >= 500) c.var.deps.logger.warn(entry, 'request');
    else c.var.deps.logger.info(entry, 'request');
  };
}
