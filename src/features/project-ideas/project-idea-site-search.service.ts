import { isLocale, LOCALES } from '../../platform/i18n/locales.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { SEARCH_COUNT_CAP, SEARCH_RANK_CANDIDATES, type SearchSource, type SitemapEntry, type SitemapSource } from '../discovery/index.ts';
import * as q from './project-idea-site-search.queries.ts';

// Project ideas in the site search and the sitemap: published ones only.

export const projectIdeaSearchSource: SearchSource = {
  type: 'projectIdea',
  search: async (db, request) => {
    const { total, rows } = await q.searchPublishedProjectIdeas(db, {
      ...request,
      candidates: SEARCH_RANK_CANDIDATES,
      countCap: SEARCH_COUNT_CAP,
    });
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.external_id,
        title: r.title,
        summary: markdownToText(r.summary, 300),
        path: `/${request.locale}/project-ideas/${r.slug}`,
        language: isLocale(r.locale) ? r.locale : request.locale,
        rank: r.rank,
      })),
    };
  },
};

export const projectIdeaSitemapSource: SitemapSource = {
  name: 'project-ideas',
  count: (db) => q.countPublishedProjectIdeas(db),
  entries: async (db, page): Promise<SitemapEntry[]> => {
    const rows = await q.listPublishedProjectIdeaPages(db, page.offset, page.limit);
    return rows.map((r) => ({
      path: `/project-ideas/${r.slug}`,
      locales: LOCALES.filter((l) => r.locales.includes(l)),
      updatedAt: r.updated_at,
    }));
  },
};
