import { Hono } from 'hono';
import { knownTaxonomy, listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { keepKnown } from '../../../platform/http/query-params.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { PracticeFeedLink } from '../site-search/practice-feed.views.tsx';
import { renderPracticeMap } from './practice-map.views.ts';
import { practiceSearchParams, readSearchParams } from './practice-search.forms.ts';
import { countPracticesByCountry, searchPractices } from './practice-search.service.ts';
import { PracticeSearchPage } from './practice-search.views.tsx';

// The library's list page (full-text search with facets) and its world map.
export const practiceSearchRoutes = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const { i18n, deps } = c.var;
    const { params, ignored } = await keepKnown(
      practiceSearchParams.read(new URL(c.req.url)),
      knownTaxonomy(deps.db, { theme: 'theme', topic: 'topic', region: 'region', country: 'country' }),
    );
    const [result, themes] = await Promise.all([searchPractices(deps.db, params, i18n.locale), listThemesWithTopics(deps.db, i18n.locale)]);
    const title = params.q ? i18n.t('practices.searchTitle', { q: params.q }) : i18n.t('practices.title');
    return renderPage(c, {
      title,
      section: 'practices',
      head: PracticeFeedLink({ i18n }),
      children: PracticeSearchPage({ i18n, params, ignored, result, themes }),
    });
  })
  .get('/practices/map.svg', async (c) => {
    const { i18n, deps } = c.var;
    const counts = await countPracticesByCountry(deps.db, readSearchParams(new URL(c.req.url)), i18n.locale);
    const label = (code: string, count: number) => `${i18n.countryName(code)}: ${i18n.t('practices.resultCount', { count })}`;
    const svg = renderPracticeMap(counts, label, i18n.t('practices.mapAlt'));
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
