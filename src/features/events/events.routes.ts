import { Hono } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { readEventSearchParams, searchEvents } from './event-search.service.ts';
import { calendarResponse } from './events.calendar.ts';
import { listCalendarEvents } from './events.queries.ts';
import { listEventSeries } from './events.service.ts';
import { EventsPage } from './events.views.tsx';

/** How far back a calendar feed reaches: calendar programs keep what they already have. */
const FEED_DAYS = 180;

export const eventsRoutes = new Hono<AppEnv>()
  .get('/events', async (c) => {
    const { i18n, deps } = c.var;
    const params = readEventSearchParams(new URL(c.req.url));
    const [result, series, themes, taxonomy] = await Promise.all([
      searchEvents(deps.db, params, i18n.locale),
      listEventSeries(deps.db, i18n.locale),
      listThemesWithTopics(deps.db, i18n.locale),
      loadTaxonomyIndex(deps.db),
    ]);
    return renderPage(c, {
      title: i18n.t('events.title'),
      section: 'events',
      children: EventsPage({
        i18n,
        params,
        result,
        series,
        themes: themes.map((th) => ({ slug: th.slug, name: th.label })),
        regions: [...taxonomy.regions].sort(),
      }),
    });
  })
  // The network's calendar to subscribe to (RFC 5545), all themes or one: /en/events.ics?theme=housing.
  .get('/events.ics', async (c) => {
    const { i18n, deps } = c.var;
    const theme = c.req.query('theme');
    const label = theme ? (await listThemesWithTopics(deps.db, i18n.locale)).find((th) => th.slug === theme)?.label : undefined;
    const valid = label ? theme : undefined;
    const since = new Date(Date.now() - FEED_DAYS * 86_400_000);
    const rows = await listCalendarEvents(deps.db, i18n.locale, { since, theme: valid, limit: 1000 });
    const name = valid ? `${i18n.t('events.calendarName')}: ${label}` : i18n.t('events.calendarName');
    return calendarResponse(c, rows, name, valid ? `events-${valid}.ics` : 'events.ics');
  });
