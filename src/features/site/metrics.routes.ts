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
  let text: string;
  try {
    text = await metrics.render(queue);
  } catch (error) {
    // Under the cluster, while a process starts or dies the sum cannot be made: a failed scrape (a gap in
    // the graphs) rather than one process's counters passed off as everyone's (a false drop).
    c.var.deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'metrics unavailable');
    return c.text('metrics unavailable, try again', 503, { 'retry-after': '5' });
  }
  return c.body(text, 200, { 'content-type': metrics.registry.contentType });
});
