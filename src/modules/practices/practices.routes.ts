import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { renderPage } from '../../web/render.tsx';
import { listThemesWithTopics } from '../taxonomy/taxonomy.service.ts';
import { renderPracticeMap } from './practice-map.ts';
import { PracticeHead, PracticePage, RelatedPractices } from './practice-page.views.tsx';
import { countPracticesByCountry, readSearchParams, searchPractices } from './practice-search.service.ts';
import { PracticeSearchPage } from './practice-search.views.tsx';
import { getPublishedPractice, listRelatedPractices } from './practices.service.ts';

export const practicesRoutes = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const { i18n, deps } = c.var;
    const params = readSearchParams(new URL(c.req.url));
    const [result, themes] = await Promise.all([searchPractices(deps.db, params, i18n.locale), listThemesWithTopics(deps.db, i18n.locale)]);
    const title = params.q ? i18n.t('practices.searchTitle', { q: params.q }) : i18n.t('practices.title');
    return renderPage(c, { title, section: 'practices', children: PracticeSearchPage({ i18n, params, result, themes }) });
  })
  .get('/practices/map.svg', async (c) => {
    const { i18n, deps } = c.var;
    const counts = await countPracticesByCountry(deps.db, readSearchParams(new URL(c.req.url)), i18n.locale);
    const label = (code: string, count: number) => `${i18n.countryName(code)}: ${i18n.t('practices.resultCount', { count })}`;
    const svg = renderPracticeMap(counts, label, i18n.t('practices.mapAlt'));
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
  })
  .get('/practices/:slug', async (c) => {
    const { i18n, deps } = c.var;
    const [detail, themes] = await Promise.all([
      getPublishedPractice(deps.db, c.req.param('slug'), i18n.locale),
      listThemesWithTopics(deps.db, i18n.locale),
    ]);
    if (!detail) return c.notFound();
    const related = await listRelatedPractices(deps.db, detail.practice.id, i18n.locale);
    const url = `${deps.config.BASE_URL}/${i18n.locale}/practices/${detail.practice.slug}`;
    return renderPage(c, {
      title: detail.translation.title,
      description: detail.translation.summary.slice(0, 300),
      section: 'practices',
      head: PracticeHead({ i18n, detail, url }),
      children: [PracticePage({ i18n, detail, themes }), RelatedPractices({ i18n, related })],
    });
  });
