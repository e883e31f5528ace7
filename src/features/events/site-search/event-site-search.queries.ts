import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import {
  type PublicContent,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  searchRankedContent,
} from '../../../platform/db/site-search.queries.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { eventTextIn } from '../events.queries.ts';

// Events for the site search, the sitemap and the Atom feed: what the calendar lists (every status but
// draft; a cancelled or postponed event stays findable with its status on its page).

/** Events the calendar lists: every status but draft. */
export const PUBLIC_EVENTS: PublicContent = {
  table: 'events',
  alias: 'e',
  translations: 'event_translations',
  parent: 'event_id',
  visible: sql<boolean>`e.status <> 'draft'`,
};

/**
 * Public events matching the words: the total (capped) and one page of the ranked candidates (title or
 * summary hits first, then the latest starting), the shown text in the reader's language first, then rank.
 */
export function searchPublicEvents(db: Database, r: SiteSearchLimits): Promise<{ total: number; rows: SiteSearchHitRow[] }> {
  return searchRankedContent(db, r, {
    ...PUBLIC_EVENTS,
    newest: 'starts_at',
    headFirst: true,
    text: eventTextIn(r.locale),
  });
}

/**
 * The feed's events: every public one still to end and those that ended in the last `recentDays`, the
 * latest starting first, each in the reader's language, else English, else any.
 */
export async function listFeedEvents(db: Database, locale: Locale, now: Date, recentDays: number, limit: number) {
  const result = await sql<{
    slug: string;
    kind: string;
    status: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: string;
    created_at: Date;
    updated_at: Date;
    title: string;
    summary: string;
    locale: string;
  }>`
    select e.slug, e.kind, e.status, e.starts_at, e.ends_at, e.time_zone, e.created_at, e.updated_at, tr.title, tr.summary, tr.locale
    from events e cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft' and e.ends_at >= ${new Date(now.getTime() - recentDays * 86_400_000)}
    order by e.starts_at desc, e.id desc limit ${limit}`.execute(db);
  return result.rows;
}
