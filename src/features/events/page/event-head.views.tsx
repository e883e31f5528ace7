import { raw } from 'hono/html';
import { cityName } from '../../../core/cities/cities.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isoWithOffset } from '../../../platform/lib/time-zones.ts';
import type { EventTextRow } from '../events.table.ts';
import type { EventRecord } from './event-page.queries.ts';

/**
 * schema.org Event for search engines and calendars, with the canonical address. Public data only (an
 * online event's location is the event page, never the join link).
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
  // "<" escaped so no text can close the script element; a JSON data block is not executed (CSP allows it).
  const json = JSON.stringify(jsonLd).replace(/</g, '\\u003c');
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content="website" />
      <meta property="og:title" content={text.title} />
      {text.summary ? <meta property="og:description" content={text.summary} /> : null}
      <script type="application/ld+json">{raw(json)}</script>
    </>
  );
}
