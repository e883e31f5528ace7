import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { renderPage } from '../../web/render.tsx';
import { loadTaxonomyIndex } from '../taxonomy/taxonomy.service.ts';
import { calendarResponse } from './events.calendar.ts';
import { listCalendarEvents } from './events.queries.ts';
import { listEventSeries, listEvents } from './events.service.ts';
import { EventsPage } from './events.views.tsx';

/** How far back a calendar feed reaches: calendar programs keep what they already have. */
const FEED_DAYS = 180;

export const eventsRoutes = new Hono<AppEnv>()
  .get('/events', async (c) => {
    const { i18n, deps } = c.var;
    const [upcoming, past, series] = await Promise.all([
      listEvents(deps.db, i18n.locale, 'upcoming', 50),
      listEvents(deps.db, i18n.locale, 'past', 50),
      listEventSeries(deps.db, i18n.locale),
    ]);
    return renderPage(c, { title: i18n.t('events.title'), section: 'events', children: EventsPage({ i18n, upcoming, past, series }) });
  })
  // The network's calendar to subscribe to (RFC 5545), all themes or one: /en/events.ics?theme=housing.
  .get('/events.ics', async (c) => {
    const { i18n, deps } = c.var;
    const theme = c.req.query('theme');
    const valid = theme && (await loadTaxonomyIndex(deps.db)).themes.has(theme) ? theme : undefined;
    const since = new Date(Date.now() - FEED_DAYS * 86_400_000);
    const rows = await listCalendarEvents(deps.db, i18n.locale, { since, theme: valid, limit: 1000 });
    const name = valid ? `${i18n.t('events.calendarName')}: ${i18n.t(`themes.${valid}.name`)}` : i18n.t('events.calendarName');
    return calendarResponse(c, rows, name, valid ? `events-${valid}.ics` : 'events.ics');
  });
