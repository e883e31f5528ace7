import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { renderPage } from '../../web/render.tsx';
import { listExpertsForVisitors } from './experts.service.ts';
import { ExpertsPage } from './experts.views.tsx';

export const expertsRoutes = new Hono<AppEnv>().get('/experts', async (c) => {
  const { i18n, deps } = c.var;
  const experts = await listExpertsForVisitors(deps.db);
  return renderPage(c, { title: i18n.t('experts.title'), section: 'experts', children: ExpertsPage({ i18n, experts }) });
});
