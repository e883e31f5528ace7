import { Hono } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { dropUnknown } from '../../../platform/http/query-params.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { EventFeedLink } from '../site-search/event-feed.views.tsx';
import { loadCalendar, loadGroupOptions } from './calendar.service.ts';
import { eventSearchParams } from './event-search.forms.ts';
import { calendarFeedPath, EventsPage } from './event-search.views.tsx';

// The calendar page: upcoming or past events, filtered, and the series.

export const eventSearchRoutes = new Hono<AppEnv>().get('/events', async (c) => {
  const { i18n, deps } = c.var;
  const taxonomy = await loadTaxonomyIndex(deps.db);
  const groups = await loadGroupOptions(deps.db, i18n.locale);
  const { params, ignored } = dropUnknown(eventSearchParams.read(new URL(c.req.url)), {
    theme: taxonomy.themes,
    region: taxonomy.regions,
  });
  // A series or learning process nobody defined is dropped and named, like an unknown theme.
  for (const name of ['series', 'process'] as const) {
    const slug = params[name];
    if (slug && !groups[name].some((g) => g.slug === slug)) {
      params[name] = null;
      ignored.push(name);
    }
  }
  const [{ result, series }, themes] = await Promise.all([
    loadCalendar(deps.db, params, i18n.locale),
    listThemesWithTopics(deps.db, i18n.locale),
  ]);
  return renderPage(c, {
    title: i18n.t('events.title'),
    section: 'events',
    // Calendar programs and browsers that look for a subscribable calendar find it here.
    // News readers find the Atom feed.
    head: (
      <>
        <link rel="alternate" type="text/calendar" href={calendarFeedPath(i18n.locale, params)} title={i18n.t('events.calendarName')} />
        <EventFeedLink i18n={i18n} />
      </>
    ),
    children: EventsPage({
      i18n,
      params,
      ignored,
      result,
      series,
      groups,
      themes: themes.map((th) => ({ slug: th.slug, name: th.label })),
      regions: [...taxonomy.regions].sort(),
    }),
  });
});
