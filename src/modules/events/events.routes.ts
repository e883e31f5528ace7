import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { renderPage } from '../../web/render.tsx';
import { listEventSeries, listEvents } from './events.service.ts';
import { EventsPage } from './events.views.tsx';

export const eventsRoutes = new Hono<AppEnv>().get('/events', async (c) => {
  const { i18n, deps } = c.var;
  const [upcoming, past, series] = await Promise.all([
    listEvents(deps.db, i18n.locale, 'upcoming', 50),
    listEvents(deps.db, i18n.locale, 'past', 50),
    listEventSeries(deps.db, i18n.locale),
  ]);
  return renderPage(c, { title: i18n.t('events.title'), section: 'events', children: EventsPage({ i18n, upcoming, past, series }) });
});
