import { Hono } from 'hono';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { sendShareCard, siteCardKey } from '../../platform/http/share-card.ts';
import { loadHomeSections } from './home.service.ts';
import { HomeHead } from './home-head.views.tsx';
import { checkHealth } from './site.service.ts';
import { HomePage, ThemesPage } from './site.views.tsx';

/** Pages under /<locale>/ that belong to the site as a whole. */
export const siteRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { i18n, deps } = c.var;
    const sections = await loadHomeSections(deps.db, i18n.locale);
    return renderPage(c, {
      title: i18n.t('home.title'),
      description: i18n.t('common.tagline'),
      head: HomeHead({ i18n, baseUrl: deps.config.BASE_URL, logoUrl: `${deps.config.BASE_URL}${deps.assets.url('icons/peerpolis.svg')}` }),
      children: HomePage({ i18n, ...sections }),
    });
  })
  .get('/themes', async (c) => {
    const { i18n, deps } = c.var;
    const themes = await listThemesWithTopics(deps.db, i18n.locale);
    return renderPage(c, { title: i18n.t('themes.title'), section: 'themes', children: ThemesPage({ i18n, themes }) });
  })
  // The network's share card (og:image of the home page, lists and other pages without a picture).
  .get('/card.png', (c) => {
    const { i18n } = c.var;
    const tagline = i18n.t('common.tagline');
    return sendShareCard(c, { key: siteCardKey(i18n.locale, tagline), title: tagline });
  });

/** GET /healthz: whether this process can reach its database, for load balancers and monitors. */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const health = await checkHealth(c.var.deps.db, c.var.deps.modules.migrationNames);
  c.header('cache-control', 'no-store');
  return c.json(health, health.status === 'ok' ? 200 : 503);
});
