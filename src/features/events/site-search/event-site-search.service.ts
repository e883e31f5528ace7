import type { Database } from '../../../platform/db/client.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { markdownToText } from '../../../platform/lib/markdown.ts';
import {
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  type SearchSource,
  type SitemapEntry,
  type SitemapSource,
} from '../../discovery/index.ts';
import * as q from './event-site-search.queries.ts';

// Events in the site search, the sitemap and the Atom feed: what the calendar lists, never a draft.

/** The feed: every event to come and those that ended in the last 90 days, at most 50. */
export const EVENT_FEED = { recentDays: 90, size: 50 };

const known = (locale: string, fallback: Locale): Locale => (isLocale(locale) ? locale : fallback);

export const eventSearchSource: SearchSource = {
  type: 'event',
  search: async (db, request) => {
    const { total, rows } = await q.searchPublicEvents(db, { ...request, candidates: SEARCH_RANK_CANDIDATES, countCap: SEARCH_COUNT_CAP });
    return {
      total,
      hits: rows.map((r) => ({
        externalId: r.external_id,
        title: r.title,
        summary: markdownToText(r.summary, 300),
        path: `/${request.locale}/events/${r.slug}`,
        language: known(r.locale, request.locale),
        rank: r.rank,
      })),
    };
  },
};

export const eventSitemapSource: SitemapSource = {
  name: 'events',
  count: (db) => q.countPublicEvents(db),
  entries: async (db, page): Promise<SitemapEntry[]> => {
    const rows = await q.listPublicEventPages(db, page.offset, page.limit);
    return rows.map((r) => ({ path: `/events/${r.slug}`, locales: LOCALES.filter((l) => r.locales.includes(l)), updatedAt: r.updated_at }));
  },
};

/** The feed's entries in the reader's language: when and (if not as planned) the status before the summary. */
export async function listEventFeedItems(db: Database, i18n: I18n, now: Date) {
  const rows = await q.listFeedEvents(db, i18n.locale, now, EVENT_FEED.recentDays, EVENT_FEED.size);
  return rows.map((r) => {
    const status = r.status === 'published' ? '' : `${i18n.t(`events.status.${r.status}`)}. `;
    return {
      slug: r.slug,
      title: r.title,
      summary: `${i18n.formatPeriodInZone(r.starts_at, r.ends_at, r.time_zone)}. ${status}${markdownToText(r.summary, 600)}`.trim(),
      category: i18n.t(`events.kind.${r.kind}`),
      locale: known(r.locale, i18n.locale),
      published: r.created_at,
      updated: r.updated_at,
    };
  });
}
