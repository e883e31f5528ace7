import { markdownToText } from '../../platform/lib/markdown.ts';
import type { SearchSource, SitemapSource } from '../discovery/index.ts';
import * as q from './publications-discovery.queries.ts';

// Publications in the site search (type 'publication') and in the sitemap ('publications'): published
// ones only, whoever asks; a draft is nobody's result.

export const publicationSearchSource: SearchSource = {
  type: 'publication',
  search: async (db, request) => {
    const [total, rows] = await Promise.all([
      q.countPublicationMatches(db, request.q),
      // A count-only request (another type's tab) reads no page.
      request.limit > 0
        ? q.searchPublishedPublications(db, request.q, request.locale, { limit: request.limit, offset: request.offset })
        : [],
    ]);
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.name,
        title: r.title,
        summary: markdownToText(r.summary, 300),
        path: `/${request.locale}/publications/${r.slug}`,
        language: r.language,
        rank: Number(r.rank) || 0,
      })),
    };
  },
};

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
