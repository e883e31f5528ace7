import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { renderPage } from '../../web/render.tsx';
import { listLatestPractices } from './practices.service.ts';
import { PracticesPage } from './practices.views.tsx';

export const practicesRoutes = new Hono<AppEnv>().get('/practices', async (c) => {
  const { i18n, deps } = c.var;
  const practices = await listLatestPractices(deps.db, i18n.locale, 50);
  return renderPage(c, { title: i18n.t('practices.title'), section: 'practices', children: PracticesPage({ i18n, practices }) });
});
