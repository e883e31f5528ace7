import type { Database } from '../../platform/db/client.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import type { SearchSource, SitemapSource } from '../discovery/index.ts';
import { countNetworkMatches, listNetworkForSitemap, searchNetwork } from './discovery.queries.ts';
import { pagePath, regionPath } from './network.model.ts';

/** Search type 'page': the network's published pages and regional networks, for every reader alike. */
export const networkSearchSource: SearchSource = {
  type: 'page',
  search: async (db, request) => {
    const [total, rows] = await Promise.all([
      countNetworkMatches(db, request.q),
      searchNetwork(db, request.q, request.locale, { limit: request.limit, offset: request.offset }),
    ]);
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.external_id,
        title: r.title,
        summary: markdownToText(r.body, 300),
        path: `/${request.locale}${r.kind === 'page' ? pagePath(r.slug) : regionPath(r.slug)}`,
        language: r.language,
        rank: Number(r.rank),
      })),
    };
  },
};

/** Sitemap 'pages': the About page itself, then the published pages and regional networks (a handful). */
async function sitemapEntries(db: Database) {
  const rows = await listNetworkForSitemap(db);
  return [
    { path: '/about', locales: LOCALES, updatedAt: null },
    ...rows.map((r) => ({
      path: r.kind === 'page' ? pagePath(r.slug) : regionPath(r.slug),
      locales: r.locales,
      updatedAt: r.updated_at,
    })),
  ];
}

export const networkSitemapSource: SitemapSource = {
  name: 'pages',
  count: async (db) => (await sitemapEntries(db)).length,
  entries: async (db, page) => (await sitemapEntries(db)).slice(page.offset, page.offset + page.limit),
};
