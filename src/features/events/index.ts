import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { eventAdminRoutes } from './event-admin.routes.ts';
import { EVENT_MESSAGE_LIMITS } from './event-admin.service.ts';
import { eventEditorRoutes } from './event-editor.routes.ts';
import { eventPageRoutes } from './event-page.routes.tsx';
import { REGISTRATION_LIMITS, sendEventReminders } from './event-registration.service.ts';
import { eventsApi } from './events.api.ts';
import { exportEvents, importEvents } from './events.import.ts';
import { eventsRoutes } from './events.routes.ts';
import { eventsDemo } from './events.seed.ts';
import * as m0009 from './migrations/0009-events-and-registrations.ts';
import { eventsPersonalData } from './personal-data.service.ts';

// Exchange events: the calendar, event pages with registration and waiting list, iCalendar, the
// editors' form and registration tools, reminders.
export default defineModule({
  name: 'events',
  migrations: { '0009-events-and-registrations': m0009 },
  pages: new Hono<AppEnv>().route('/', eventsRoutes).route('/', eventPageRoutes).route('/', eventAdminRoutes).route('/', eventEditorRoutes),
  api: eventsApi,
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
  messages: new URL('./messages/', import.meta.url),
  demo: eventsDemo,
  personalData: eventsPersonalData,
});

// What other modules may use.
export { type EventOutcomeSection, eventOutcomes } from './event-page.service.ts';
export { enrolParticipants, type RegistrationContext } from './event-registration.service.ts';
export { type EventSummary, listEventSeries, listEvents, type SeriesSummary } from './events.service.ts';
export { EventList, SeriesList } from './events.views.tsx';
