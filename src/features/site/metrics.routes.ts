import { Hono } from 'hono';
import { describeQueue } from '../../core/jobs/jobs.service.ts';
import { clientIp, isLoopback } from '../../platform/http/client-ip.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { secretMatches } from '../../platform/secret.ts';

/**
 * GET /metrics: this process's counters in Prometheus' text format, for operators (docs/operations.md).
 * With METRICS_TOKEN set, only a request that presents it (`Authorization: Bearer …`) is answered; without
 * it, only requests from this machine that came through no proxy, and never in production. Anyone else
 * gets the site's 404, as for an address that does not exist.
 */
export const metricsRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { config, metrics, db } = c.var.deps;
  const bearer = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const allowed = config.METRICS_TOKEN
    ? secretMatches(bearer, config.METRICS_TOKEN)
    : !config.isProduction && !c.req.header('x-forwarded-for') && !c.req.header('forwarded') && isLoopback(clientIp(c));
  if (!allowed) return c.notFound();
  const queue = await describeQueue(db).catch(() => null);
  c.header('cache-control', 'no-store');
  c.header('x-robots-tag', 'noindex');
  return c.body(await metrics.render(queue), 200, { 'content-type': metrics.registry.contentType });
});
