import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { ATOM_MEDIA_TYPE, atomFeedXml } from '../../../platform/lib/atom.ts';
import { practiceFeedPath } from './practice-feed.views.tsx';
import { listPracticeFeedItems } from './practice-site-search.service.ts';

// The newest published practices as an Atom feed per language, announced on the list page.

export const practiceFeedRoutes = new Hono<AppEnv>().get('/practices/feed.atom', async (c) => {
  const { i18n, deps } = c.var;
  const base = deps.config.BASE_URL;
  const items = await listPracticeFeedItems(deps.db, i18n.locale);
  const self = `${base}${practiceFeedPath(i18n.locale)}`;
  const xml = atomFeedXml({
    locale: i18n.locale,
    id: self,
    title: i18n.t('practices.feedTitle', { site: i18n.t('common.siteName') }),
    subtitle: i18n.t('practices.intro'),
    selfUrl: self,
    pageUrl: `${base}/${i18n.locale}/practices`,
    author: i18n.t('common.siteName'),
    // A fixed time while there is no practice, so an empty feed does not look changed on every fetch.
    updated: new Date(Math.max(Date.UTC(2000, 0, 1), ...items.map((p) => p.updated.getTime()))),
    entries: items.map((p) => ({
      id: `${base}/${i18n.locale}/practices/${p.slug}`,
      url: `${base}/${i18n.locale}/practices/${p.slug}`,
      locale: p.locale,
      title: p.title,
      summary: p.summary,
      published: p.published,
      updated: p.updated,
    })),
  });
  c.header('cache-control', 'no-cache');
  return c.body(xml, 200, { 'content-type': ATOM_MEDIA_TYPE });
});
