import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { loadedEventOr404 } from '../page/event-page.routes.tsx';
import { type CalendarEntry, fromLoaded, renderEventCalendar } from './event-calendar.model.ts';
import { loadCalendarFeed } from './event-calendar.service.ts';

/** A text/calendar response; `filename` names the file for "add to calendar". */
function calendarResponse(c: Context<AppEnv>, entries: CalendarEntry[], name: string, filename: string) {
  const body = renderEventCalendar(c.var.i18n, c.var.deps.config.BASE_URL, name, entries);
  return c.body(body, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': 'public, max-age=300',
  });
}

export const eventCalendarRoutes = new Hono<AppEnv>()
  // The network's calendar to subscribe to (RFC 5545), all themes or one: /en/events.ics?theme=housing.
  .get('/events.ics', async (c) => {
    const { i18n, deps } = c.var;
    const feed = await loadCalendarFeed(deps.db, i18n.locale, c.req.query('theme'));
    if (!feed) return c.notFound();
    const name = feed.theme ? `${i18n.t('events.calendarName')}: ${feed.theme.label}` : i18n.t('events.calendarName');
    return calendarResponse(c, feed.rows, name, feed.theme ? `events-${feed.theme.slug}.ics` : 'events.ics');
  })
  // One event's file, to add it to a calendar.
  .get('/events/:file{[a-z0-9-]+\\.ics}', async (c) => {
    const loaded = await loadedEventOr404(c, c.req.param('file').replace(/\.ics$/, ''));
    return calendarResponse(c, [fromLoaded(loaded)], loaded.text.title, `${loaded.event.slug}.ics`);
  });
