import { dayInZone } from '../../../platform/lib/time-zones.ts';
import type { RegionSectionSource } from '../../network/index.ts';
import { eventSearchParams } from './event-search.forms.ts';
import { searchEvents } from './event-search.service.ts';

/** A regional network's page: the region's upcoming events, as the calendar lists them (network's `regionSections`). */
export const upcomingEventsOfRegion: RegionSectionSource = async ({ db, i18n }, region) => {
  const result = await searchEvents(db, eventSearchParams.parse({ region: [region.slug], when: 'upcoming' }), i18n.locale);
  return {
    heading: i18n.t('network.regionSections.events'),
    links: result.items.slice(0, 10).map((e) => ({
      href: `/${i18n.locale}/events/${e.slug}`,
      title: e.title,
      lang: e.contentLocale,
      detail: i18n.formatDateRange(dayInZone(e.startsAt, e.timeZone), dayInZone(e.endsAt, e.timeZone)),
    })),
  };
};
