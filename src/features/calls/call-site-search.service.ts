import { isLocale, LOCALES } from '../../platform/i18n/locales.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES, type SearchSource, type SitemapEntry, type SitemapSource } from '../discovery/index.ts';
import * as q from './call-site-search.queries.ts';

// Calls in the site search and the sitemap: open and closed ones, as the calls page lists them.

export const callSearchSource: SearchSource = {
  type: 'call',
  search: async (db, request) => {
    const { total, rows } = await q.searchPublicCalls(db, { ...request, candidates: SEARCH_RANK_CANDIDATES, countCap: SEARCH_COUNT_CAP });
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.external_id,
        title: r.title,
        summary: markdownToText(r.summary, 300),
        path: `/${request.locale}/calls/${r.slug}`,
        language: isLocale(r.locale) ? r.locale : request.locale,
        rank: r.rank,
      })),
    };
  },
};

export const callSitemapSource: SitemapSource = {
  name: 'calls',
  count: (db) => q.countPublicCalls(db),
  entries: async (db, page): Promise<SitemapEntry[]> => {
    const rows = await q.listPublicCallPages(db, page.offset, page.limit);
    return rows.map((r) => ({ path: `/calls/${r.slug}`, locales: LOCALES.filter((l) => r.locales.includes(l)), updatedAt: r.updated_at }));
  },
};
