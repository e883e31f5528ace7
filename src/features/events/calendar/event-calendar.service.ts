import { listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type CalendarRow, listCalendarEvents } from './event-calendar.queries.ts';

/** How far back a calendar feed reaches: calendar programs keep what they already have. */
const FEED_DAYS = 180;

export type CalendarFeed = { rows: CalendarRow[]; theme?: { slug: string; label: string } };

/**
 * The network's calendar: all public events, or one theme's. An unknown theme is undefined (the route
 * answers 404): a subscription to a mistyped feed would otherwise quietly deliver everything.
 */
export async function loadCalendarFeed(
  db: Database,
  locale: Locale,
  theme: string | undefined,
  now = Date.now(),
): Promise<CalendarFeed | undefined> {
  const label = theme ? (await listThemesWithTopics(db, locale)).find((th) => th.slug === theme)?.label : undefined;
  if (theme && !label) return undefined;
  const valid = label && theme ? { slug: theme, label } : undefined;
  const since = new Date(now - FEED_DAYS * 86_400_000);
  const rows = await listCalendarEvents(db, locale, { since, theme: valid?.slug, limit: 1000 });
  return valid ? { rows, theme: valid } : { rows };
}
