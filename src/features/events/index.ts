import { Hono } from 'hono';
import { citySections } from '../../core/cities/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { memberPageSections } from '../member/index.ts';
import { regionSections } from '../network/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import { eventAdminRoutes } from './admin/event-admin.routes.ts';
import { EVENT_MESSAGE_LIMITS } from './admin/event-admin.service.ts';
import { eventCalendarRoutes } from './calendar/event-calendar.routes.ts';
import { eventEditorRoutes } from './editor/event-editor.routes.ts';
import { eventsApi, eventsOpenApi } from './events.api.ts';
import { eventsDemo } from './events.seed.ts';
import { exportEvents, importEvents } from './import/events.import.ts';
import * as m0009 from './migrations/0009-events-and-registrations.ts';
import { eventNewsletterItems } from './newsletter/events-newsletter-items.service.ts';
import { eventPageRoutes } from './page/event-page.routes.tsx';
import { eventsPersonalData } from './personal-data.service.ts';
import { REGISTRATION_LIMITS, sendEventReminders } from './registration/event-registration.service.ts';
import { memberRegistrationsSection } from './registration/member-registrations.service.ts';
import { eventSearchRoutes } from './search/event-search.routes.tsx';
import { eventsOfCity } from './search/event-search.service.ts';
import { upcomingEventsOfRegion } from './search/events-of-region.service.ts';
import { eventSeriesRoutes } from './series/event-series.routes.tsx';
import { eventFeedRoutes } from './site-search/event-feed.routes.ts';
import { eventSearchSource, eventSitemapSource } from './site-search/event-site-search.service.ts';

// Exchange events: the calendar, event pages with registration and waiting list, iCalendar, the
// editors' form and registration tools, reminders.
export default defineModule({
  name: 'events',
  publicTables: [
    'events',
    'event_translations',
    'event_hosts',
    'event_languages',
    'event_practices',
    'event_themes',
    'event_topics',
    'event_series',
    'event_series_translations',
    'event_registrations',
    'learning_processes',
    'learning_process_translations',
  ],
  migrations: { '0009-events-and-registrations': m0009 },
  pages: new Hono<AppEnv>()
    .route('/', eventSearchRoutes)
    .route('/', eventFeedRoutes)
    .route('/', eventSeriesRoutes)
    .route('/', eventCalendarRoutes)
    .route('/', eventPageRoutes)
    .route('/', eventAdminRoutes)
    .route('/', eventEditorRoutes),
  api: eventsApi,
  openApi: eventsOpenApi,
  housekeeping: async ({ db, config }) => {
    await sendEventReminders({ db, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
  },
  exchange: {
    key: 'events',
    label: 'Events',
    order: 30,
    // Registrants hear of changed times, places, formats and cancellations (mail goes out with the worker).
    importRecords: (db, records, ctx) => importEvents(db, records, { db, ...ctx }),
    exportRecords: async (db) => (await exportEvents(db)).events,
  },
  rateLimits: { ...REGISTRATION_LIMITS, ...EVENT_MESSAGE_LIMITS },
  navigation: [
    { area: 'main', section: 'events', href: '/events', label: 'common.nav.events', order: 30 },
    { area: 'editorial', section: 'events', href: '/editor/events', label: 'common.editorialNav.events', order: 20 },
  ],
  extensions: [
    extend(memberPageSections, memberRegistrationsSection),
    extend(citySections, eventsOfCity),
    extend(regionSections, upcomingEventsOfRegion),
    extend(newsletterItemSources, eventNewsletterItems),
    extend(searchSources, eventSearchSource),
    extend(sitemapSources, eventSitemapSource),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: eventsDemo,
  personalData: eventsPersonalData,
});

// What other modules may use.
export { type EventOutcomeSection, eventOutcomes } from './page/event-page.service.ts';
export { enrolParticipants, type RegistrationContext } from './registration/event-registration.service.ts';
export { type EventSummary, listEventSeries, listEvents, type SeriesSummary } from './search/event-search.service.ts';
export { EventList, SeriesList } from './search/event-search.views.tsx';
export { groupOutcomes } from './series/event-series.service.ts';
