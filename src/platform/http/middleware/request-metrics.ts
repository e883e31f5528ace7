import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context.ts';

/**
 * The route a request reached, as its pattern ('/:locale/practices/:slug', parameters without their
 * `{regex}`): the last handler that is not a middleware. An address no route answers is 'unmatched',
 * so scanners cannot grow the label set.
 */
export function routeLabel(routes: Array<{ path: string; method: string }>): string {
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i];
    if (route && route.method !== 'ALL') return withoutConstraints(route.path);
  }
  return 'unmatched';
}

/** '/:number{[1-9][0-9]{0,8}}/preview' → '/:number/preview': a parameter's regex, braces nested or not, left out. */
export function withoutConstraints(path: string): string {
  let out = '';
  let depth = 0;
  for (const ch of path) {
    if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Counts and times every request for /metrics (platform/metrics.ts), by method and route pattern. */
export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      c.var.deps.metrics.observeRequest({
        method: c.req.method,
        route: routeLabel(matchedRoutes(c)),
        status: c.res.status,
        seconds: (performance.now() - started) / 1000,
      });
    }
  };
}
