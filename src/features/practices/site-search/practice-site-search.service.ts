import type { Database } from '../../../platform/db/client.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { markdownToText } from '../../../platform/lib/markdown.ts';
import { publicPagesSitemapSource, rankedSearchSource, type SearchSource, type SitemapSource } from '../../discovery/index.ts';
import * as q from './practice-site-search.queries.ts';

// Good practices in the site search, the sitemap and the Atom feed: published practices only, each
// text from the live record (what the practice's page shows), never a revision still in review.

/** How many practices the Atom feed carries. */
export const PRACTICE_FEED_SIZE = 50;

const known = (locale: string, fallback: Locale): Locale => (isLocale(locale) ? locale : fallback);

export const practiceSearchSource: SearchSource = rankedSearchSource('practice', 'practices', q.searchPublishedPractices);

export const practiceSitemapSource: SitemapSource = publicPagesSitemapSource('practices', q.PUBLISHED_PRACTICES);

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
