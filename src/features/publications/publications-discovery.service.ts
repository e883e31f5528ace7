import { rankedSearchSource, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import * as q from './publications-discovery.queries.ts';

// Publications in the site search (type 'publication') and in the sitemap ('publications'): published
// ones only, whoever asks; a draft is nobody's result.

export const publicationSearchSource: SearchSource = rankedSearchSource('publication', 'publications', q.searchPublishedPublications);

export const publicationSitemapSource: SitemapSource = {
  name: 'publications',
  count: (db) => q.countPublishedPublications(db),
  entries: async (db, page) =>
    (await q.listPublishedForSitemap(db, page)).map((r) => ({
      path: `/publications/${r.slug}`,
      locales: r.locales,
      updatedAt: r.updated_at,
    })),
};
