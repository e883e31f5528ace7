import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { findSitemapFile, SITEMAP_MEDIA_TYPE, sitemapIndexXml, sitemapXml, staticPagesSource } from './sitemap.service.ts';
import { type SitemapSource, sitemapSources } from './sitemap-sources.ts';

// /sitemap.xml and /sitemaps/<name>-<n>.xml, outside the locale (one index for every language). Crawlers
// come back often; an hour's caching keeps that cheap while new content still shows up the same day.

const CACHE = 'public, max-age=3600';

function sourcesOf(c: Context<AppEnv>): SitemapSource[] {
  const { modules } = c.var.deps;
  const contributed = modules.extensions.all(sitemapSources);
  return [staticPagesSource(modules.navigation, contributed), ...contributed];
}

export const sitemapIndexRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db, config, logger } = c.var.deps;
  const xml = await sitemapIndexXml(db, sourcesOf(c), config.BASE_URL, logger);
  return c.body(xml, 200, { 'content-type': SITEMAP_MEDIA_TYPE, 'cache-control': CACHE });
});

export const sitemapRoutes = new Hono<AppEnv>().get('/:file', async (c) => {
  const { db, config, logger } = c.var.deps;
  const name = c.req.param('file');
  try {
    const file = await findSitemapFile(db, sourcesOf(c), name);
    if (!file) return c.notFound();
    const xml = await sitemapXml(db, file, config.BASE_URL);
    return c.body(xml, 200, { 'content-type': SITEMAP_MEDIA_TYPE, 'cache-control': CACHE });
  } catch (error) {
    // One module's failure: crawlers retry a 503 later instead of dropping the URLs a 500 might cost.
    logger.error({ sitemap: name, err: error instanceof Error ? error.message : String(error) }, 'sitemap source failed');
    return c.body('Service Unavailable', 503, { 'retry-after': '3600', 'cache-control': 'no-store' });
  }
});
