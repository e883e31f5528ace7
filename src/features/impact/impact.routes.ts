import { Hono } from 'hono';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { computeImpact, readChartChoice } from './impact.service.ts';
import { ImpactPage } from './impact.views.tsx';

// /<locale>/impact: the network in numbers, per year, theme and region.

export const impactRoutes = new Hono<AppEnv>().get('/impact', async (c) => {
  const { i18n, deps } = c.var;
  const [impact, themes] = await Promise.all([computeImpact(deps.db, i18n.locale), listThemesWithTopics(deps.db, i18n.locale)]);
  return renderPage(c, {
    title: i18n.t('impact.title'),
    description: i18n.t('impact.intro'),
    section: 'about',
    children: ImpactPage({
      i18n,
      impact,
      choice: readChartChoice(new URL(c.req.url)),
      themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
    }),
  });
});
