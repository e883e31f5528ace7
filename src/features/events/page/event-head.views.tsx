import { cityName } from '../../../core/cities/cities.service.ts';
import { type ShareImage, shareCardImage } from '../../../platform/http/share-card.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isoWithOffset } from '../../../platform/lib/time-zones.ts';
import { JsonLd } from '../../../platform/ui/json-ld.tsx';
import type { EventTextRow } from '../events.table.ts';
import type { EventRecord } from './event-page.queries.ts';

/** The address of an event's share card (events have no picture of their own). */
export const eventCardPath = (locale: string, slug: string) => `/${locale}/events/${slug}/card.png`;

/** What the card of an event is drawn from: which event, in which language, with which title. */
export const eventCardKey = (id: number, text: EventTextRow) => `event:${id}:${text.locale}:${text.title}`;

export function eventShareImage(i18n: I18n, event: EventRecord, text: EventTextRow, baseUrl: string): ShareImage {
  return shareCardImage(baseUrl, eventCardPath(i18n.locale, event.slug), eventCardKey(event.id, text), text.title);
}

/**
 * schema.org Event for search engines and calendars, with the canonical address (canonical, hreflang and
 * OpenGraph come from the layout). Public data only (an online event's location is the event page, never
 * the join link). `inLanguage` is the language the event is held in, which is what schema.org means
 * by it for an Event (the language of the performance), not the language of this description.
 */
export function EventHead({ i18n, event, text, url }: { i18n: I18n; event: EventRecord; text: EventTextRow; url: string }) {
  const place = {
    '@type': 'Place',
    name: event.venue || undefined,
    address: {
      '@type': 'PostalAddress',
      addressLocality: event.city_name ? cityName({ name: event.city_name, names: event.city_names ?? {} }, i18n.locale) : undefined,
      addressCountry: event.country_code ?? undefined,
    },
  };
  const online = { '@type': 'VirtualLocation', url };
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: text.title,
    description: text.summary || undefined,
    url,
    startDate: isoWithOffset(event.starts_at, event.time_zone),
    endDate: isoWithOffset(event.ends_at, event.time_zone),
    eventStatus: `https://schema.org/${{ published: 'EventScheduled', cancelled: 'EventCancelled', postponed: 'EventPostponed', draft: 'EventScheduled' }[event.status]}`,
    eventAttendanceMode: `https://schema.org/${{ 'in-person': 'OfflineEventAttendanceMode', virtual: 'OnlineEventAttendanceMode', hybrid: 'MixedEventAttendanceMode' }[event.format]}`,
    location: event.format === 'virtual' ? online : event.format === 'hybrid' ? [place, online] : place,
    inLanguage: event.languages.length ? event.languages : undefined,
    organizer: { '@type': 'Organization', name: i18n.t('common.siteName') },
  };
  return <JsonLd data={jsonLd} />;
}
