import type { Database } from '../../platform/db/client.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { type SearchSource, type SitemapSource, searchHit } from '../discovery/index.ts';
import { listNetworkForSitemap, searchNetwork } from './discovery.queries.ts';
import { pagePath, regionPath } from './network.model.ts';

/** Search type 'page': the network's published pages and regional networks, for every reader alike. */
export const networkSearchSource: SearchSource = {
  type: 'page',
  search: async (db, request) => {
    // One statement counts and pages; a count-only request (another type's tab, limit 0) reads no page.
    const { total, rows } = await searchNetwork(db, request.q, request.locale, { limit: request.limit, offset: request.offset });
    return {
      total,
      hits: rows.map((r) =>
        searchHit(request, {
          ...r,
          externalId: r.external_id,
          summary: r.body,
          path: r.kind === 'page' ? pagePath(r.slug) : regionPath(r.slug),
          locale: r.language,
        }),
      ),
    };
  },
};

/**
 * Sitemap 'pages': the About page (in every language: its lists are the interface's), then the published
 * pages and regional networks, each in the languages it is written in. The `about` record is the About
 * page's own text (its date is the page's); the imprint and privacy notice are listed at their addresses.
 */
async function sitemapEntries(db: Database) {
  const rows = await listNetworkForSitemap(db);
  const about = rows.find((r) => r.kind === 'page' && r.slug === 'about');
  return [
    { path: '/about', locales: LOCALES, updatedAt: about?.updated_at ?? null },
    ...rows
      .filter((r) => r !== about)
      .map((r) => ({
        path: r.kind === 'page' ? pagePath(r.slug) : regionPath(r.slug),
        locales: r.locales,
        updatedAt: r.updated_at,
      })),
  ];
}

export const networkSitemapSource: SitemapSource = {
  name: 'pages',
  // The footer's links to these pages: listed here (with their own languages), not by discovery's `site`.
  navigationPaths: ['/about', '/privacy', '/imprint'],
  count: async (db) => (await sitemapEntries(db)).length,
  entries: async (db, page) => (await sitemapEntries(db)).slice(page.offset, page.offset + page.limit),
};
