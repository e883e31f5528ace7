import type { Database } from '../../../platform/db/client.ts';
import { isLocale, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { markdownToText } from '../../../platform/lib/markdown.ts';
import {
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  type SearchSource,
  type SitemapEntry,
  type SitemapSource,
} from '../../discovery/index.ts';
import * as q from './practice-site-search.queries.ts';

// Good practices in the site search, the sitemap and the Atom feed: published practices only, each
// text from the live record (what the practice's page shows), never a revision still in review.

/** How many practices the Atom feed carries. */
export const PRACTICE_FEED_SIZE = 50;

const known = (locale: string, fallback: Locale): Locale => (isLocale(locale) ? locale : fallback);

export const practiceSearchSource: SearchSource = {
  type: 'practice',
  search: async (db, request) => {
    const { total, rows } = await q.searchPublishedPractices(db, {
      ...request,
      candidates: SEARCH_RANK_CANDIDATES,
      countCap: SEARCH_COUNT_CAP,
    });
    return {
      total,
      hits: rows.map((r) => {
        const language = known(r.locale, request.locale);
        return {
          externalId: r.external_id,
          title: r.title,
          summary: markdownToText(r.summary, 300),
          path: `/${request.locale}/practices/${r.slug}`,
          language,
          rank: r.rank,
        };
      }),
    };
  },
};

export const practiceSitemapSource: SitemapSource = {
  name: 'practices',
  count: (db) => q.countPublishedPractices(db),
  entries: async (db, page): Promise<SitemapEntry[]> => {
    const rows = await q.listPublishedPracticePages(db, page.offset, page.limit);
    return rows.map((r) => ({
      path: `/practices/${r.slug}`,
      locales: LOCALES.filter((l) => r.locales.includes(l)),
      updatedAt: r.updated_at,
    }));
  },
};

/** The feed's entries: the newest published practices in the reader's language, else English, else any. */
export async function listPracticeFeedItems(db: Database, locale: Locale) {
  const rows = await q.listNewestPractices(db, locale, PRACTICE_FEED_SIZE);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: markdownToText(r.summary, 600),
    locale: known(r.locale, locale),
    published: r.published_at,
    updated: r.updated_at,
  }));
}
