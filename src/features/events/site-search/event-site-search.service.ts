import type { Database } from '../../../platform/db/client.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { markdownToText } from '../../../platform/lib/markdown.ts';
import { publicPagesSitemapSource, rankedSearchSource, type SearchSource, type SitemapSource } from '../../discovery/index.ts';
import * as q from './event-site-search.queries.ts';

// Events in the site search, the sitemap and the Atom feed: what the calendar lists, never a draft.

/** The feed: every event to come and those that ended in the last 90 days, at most 50. */
export const EVENT_FEED = { recentDays: 90, size: 50 };

const known = (locale: string, fallback: Locale): Locale => (isLocale(locale) ? locale : fallback);

export const eventSearchSource: SearchSource = rankedSearchSource('event', 'events', q.searchPublicEvents);

export const eventSitemapSource: SitemapSource = publicPagesSitemapSource('events', q.PUBLIC_EVENTS);

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
