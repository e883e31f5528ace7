import { Hono } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { readEventSearchParams } from './event-search.forms.ts';
import { listEventSeries, searchEvents } from './event-search.service.ts';
import { EventsPage } from './event-search.views.tsx';

// The calendar page: upcoming or past events, filtered, and the series.

export const eventSearchRoutes = new Hono<AppEnv>().get('/events', async (c) => {
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
});
