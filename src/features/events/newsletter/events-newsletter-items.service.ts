import { cityName } from '../../../core/cities/cities.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { getI18n, type I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { dayInZone } from '../../../platform/lib/time-zones.ts';
import { type ItemSuggestion, itemSummary, type NewsletterItemSource, type RenderedItem } from '../../newsletter/index.ts';
import * as q from './events-newsletter-items.queries.ts';

// Events in newsletter editions: held ones for the Review, coming ones for the Outlook. Each function
// is one read statement, so the newsletter may call it inside its own transaction.

/** How far ahead the Outlook looks: a season, what a city can still plan a trip for. */
export const OUTLOOK_DAYS = 120;
/** At most this many suggestions per section: an edition holds a handful of items. */
const SUGGESTION_LIMIT = 50;

/** The event's days in its own time zone ("3 December 2026", "1–3 December 2026"). */
function eventDays(i18n: I18n, e: q.EventItemRow): string {
  return i18n.formatDateRange(dayInZone(e.starts_at, e.time_zone), dayInZone(e.ends_at, e.time_zone));
}

/** Where it happens in the reader's language: the city, else the country; null for an online event or none given. */
function eventPlace(i18n: I18n, e: q.EventItemRow): string | null {
  if (e.format === 'virtual') return null;
  if (e.city_name) return cityName({ name: e.city_name, names: e.city_names ?? {} }, i18n.locale);
  return e.country_code ? i18n.countryName(e.country_code) : null;
}

function reasonOf(i18n: I18n, e: q.EventItemRow, held: boolean): string {
  const date = eventDays(i18n, e);
  const place = eventPlace(i18n, e);
  const verb = held ? 'eventHeld' : 'eventUpcoming';
  if (e.format === 'virtual') return i18n.t(`newsletterItems.${verb}Online`, { date });
  return place ? i18n.t(`newsletterItems.${verb}In`, { date, place }) : i18n.t(`newsletterItems.${verb}`, { date });
}

async function suggestEvents(db: Database, window: { since: Date; until: Date }, locale: Locale): Promise<ItemSuggestion[]> {
  const i18n = getI18n(locale);
  const horizon = new Date(window.until.getTime() + OUTLOOK_DAYS * 86_400_000);
  const rows = await q.listEventsForEdition(db, locale, { ...window, horizon, limit: SUGGESTION_LIMIT });
  return rows.map((e) => ({
    section: e.held ? 'review' : 'outlook',
    ref: `event:${e.ref_id}`,
    title: e.title,
    reason: reasonOf(i18n, e, e.held),
    // What the reason names: the end of a held event, the start of a coming one.
    at: e.held ? e.ends_at : e.starts_at,
  }));
}

async function renderEvents(db: Database, refIds: string[], locale: Locale, baseUrl: string): Promise<Map<string, RenderedItem>> {
  const i18n = getI18n(locale);
  const rows = await q.findEventItems(db, locale, refIds);
  return new Map(
    rows.map((e) => {
      const place = e.format === 'virtual' ? i18n.t('events.online') : eventPlace(i18n, e);
      // A cancelled or postponed event says so where the date is: the date alone would mislead.
      const status = e.status === 'published' ? null : i18n.t(`events.status.${e.status}`);
      const meta = [status, eventDays(i18n, e), place].filter(Boolean).join(' · ');
      return [
        e.ref_id,
        { title: e.title, text: itemSummary(e.summary), url: `${baseUrl}/${locale}/events/${e.slug}`, locale: e.content_locale, meta },
      ];
    }),
  );
}

async function existingEvents(db: Database, refIds: string[]): Promise<Set<string>> {
  return new Set(await q.findPublicEventRefIds(db, refIds));
}

/** Events as newsletter items: `event:<externalId>` (`event:event-<id>` for an event without one). */
export const eventNewsletterItems: NewsletterItemSource = {
  kind: 'event',
  suggest: suggestEvents,
  render: renderEvents,
  exists: existingEvents,
};
