import type { I18n } from '../../../platform/i18n/i18n.ts';
import { type CalendarEvent, renderCalendar } from '../../../platform/lib/ical.ts';
import type { LoadedEvent } from '../page/event-page.service.ts';
import type { CalendarRow } from './event-calendar.queries.ts';

// Calendar files: one event ("add to calendar") and the feeds (/<locale>/events.ics, per theme). Public
// data only: never the join link, which reaches participants in their confirmation.

export type CalendarEntry = Omit<CalendarRow, 'themes'>;

function toCalendarEvent(i18n: I18n, baseUrl: string, e: CalendarEntry): CalendarEvent {
  const host = new URL(baseUrl).hostname;
  const url = `${baseUrl}/${i18n.locale}/events/${e.slug}`;
  const place = [e.venue, e.city_name, e.country_code ? i18n.countryName(e.country_code) : null].filter(Boolean).join(', ');
  return {
    uid: `event-${e.id}@${host}`,
    url,
    title: e.status === 'published' ? e.title : `${e.title} (${i18n.t(`events.status.${e.status}`)})`,
    description: `${e.summary}\n\n${url}`,
    location: e.format === 'virtual' ? i18n.t('events.format.virtual') : place,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    updatedAt: e.updated_at,
    status: e.status === 'cancelled' ? 'CANCELLED' : e.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED',
    sequence: e.sequence,
  };
}

/** One event of its page as a calendar entry (a draft, seen by an editor, as if published). */
export function fromLoaded(loaded: LoadedEvent): CalendarEntry {
  const { event, text } = loaded;
  return { ...event, title: text.title, summary: text.summary, status: event.status === 'draft' ? 'published' : event.status };
}

/** The iCalendar text (RFC 5545) of `entries`, in the reader's language, links under `baseUrl`. */
export function renderEventCalendar(i18n: I18n, baseUrl: string, name: string, entries: CalendarEntry[]): string {
  return renderCalendar({ name, events: entries.map((e) => toCalendarEvent(i18n, baseUrl, e)) });
}
