import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { ATOM_MEDIA_TYPE, atomFeedXml } from '../../../platform/lib/atom.ts';
import { eventFeedPath } from './event-feed.views.tsx';
import { listEventFeedItems } from './event-site-search.service.ts';

// Events to come and recent ones as an Atom feed per language, announced on the calendar page beside the
// iCalendar feed (which stays what calendar programs subscribe to).

export const eventFeedRoutes = new Hono<AppEnv>().get('/events/feed.atom', async (c) => {
  const { i18n, deps } = c.var;
  const base = deps.config.BASE_URL;
  const items = await listEventFeedItems(deps.db, i18n, new Date());
  const self = `${base}${eventFeedPath(i18n.locale)}`;
  const xml = atomFeedXml({
    locale: i18n.locale,
    id: self,
    title: i18n.t('events.feedTitle', { site: i18n.t('common.siteName') }),
    subtitle: i18n.t('events.intro'),
    selfUrl: self,
    pageUrl: `${base}/${i18n.locale}/events`,
    author: i18n.t('common.siteName'),
    // A fixed time while there is no event, so an empty feed does not look changed on every fetch.
    updated: new Date(Math.max(Date.UTC(2000, 0, 1), ...items.map((e) => e.updated.getTime()))),
    entries: items.map((e) => ({
      id: `${base}/${i18n.locale}/events/${e.slug}`,
      url: `${base}/${i18n.locale}/events/${e.slug}`,
      locale: e.locale,
      title: e.title,
      summary: e.summary,
      categories: [e.category],
      published: e.published,
      updated: e.updated,
    })),
  });
  c.header('cache-control', 'no-cache');
  return c.body(xml, 200, { 'content-type': ATOM_MEDIA_TYPE });
});
