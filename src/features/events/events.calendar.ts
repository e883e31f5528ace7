import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { type CalendarEvent, renderCalendar } from '../../platform/lib/ical.ts';
import type { LoadedEvent } from './event-page.service.ts';
import type { CalendarRow } from './events.queries.ts';

// Calendar files: one event ("add to calendar") and the feeds (/<locale>/events.ics, per theme). Public
// data only: never the join link, which reaches participants in their confirmation.

type Entry = Pick<
  CalendarRow,
  | 'id'
  | 'slug'
  | 'title'
  | 'summary'
  | 'starts_at'
  | 'ends_at'
  | 'venue'
  | 'city_name'
  | 'country_code'
  | 'format'
  | 'status'
  | 'sequence'
  | 'updated_at'
>;

function toCalendarEvent(c: Context<AppEnv>, e: Entry): CalendarEvent {
  const { i18n, deps } = c.var;
  const host = new URL(deps.config.BASE_URL).hostname;
  const url = `${deps.config.BASE_URL}/${i18n.locale}/events/${e.slug}`;
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

export function fromLoaded(loaded: LoadedEvent): Entry {
  const { event, text } = loaded;
  return { ...event, title: text.title, summary: text.summary, status: event.status === 'draft' ? 'published' : event.status };
}

/** A text/calendar response; `download` names the file for "add to calendar". */
export function calendarResponse(c: Context<AppEnv>, entries: Entry[], name: string, filename: string) {
  const body = renderCalendar({ name, events: entries.map((e) => toCalendarEvent(c, e)) });
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': 'public, max-age=300',
  });
}

export function eventCalendar(c: Context<AppEnv>, events: LoadedEvent[], name: string) {
  return calendarResponse(c, events.map(fromLoaded), name, `${events[0]?.event.slug ?? 'event'}.ics`);
}
