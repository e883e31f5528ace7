import type { Context } from 'hono';
import { Hono } from 'hono';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { readRange } from './impact.forms.ts';
import { DIMENSIONS, type Dimension } from './impact.model.ts';
import { computeImpact, OPEN_RANGE, readChartChoice } from './impact.service.ts';
import { ImpactPage } from './impact.views.tsx';
import { impactCsvFileName, impactTableCsv } from './impact-csv.service.ts';

// /<locale>/impact: the network in numbers, per year, theme and region, for the years asked for
// (?from=2019&to=2021); /<locale>/impact/<year|theme|region>.csv: each table as a file.

async function loadImpact(c: Context<AppEnv>, range = OPEN_RANGE) {
  const { i18n, deps } = c.var;
  const [impact, themes] = await Promise.all([computeImpact(deps.db, i18n.locale, { range }), listThemesWithTopics(deps.db, i18n.locale)]);
  return { impact, themeLabels: new Map(themes.map((th) => [th.slug, th.label])) };
}

export const impactRoutes = new Hono<AppEnv>()
  .get('/impact', async (c) => {
    const { i18n } = c.var;
    const url = new URL(c.req.url);
    const asked = readRange(url);
    // A range that does not read is named on the page, with what was typed; the figures stay those of all years.
    const range = asked.ok ? asked.range : OPEN_RANGE;
    const { impact, themeLabels } = await loadImpact(c, range);
    return renderPage(c, {
      title: i18n.t('impact.title'),
      description: i18n.t('impact.intro'),
      section: 'impact',
      children: ImpactPage({ i18n, impact, choice: readChartChoice(url), themeLabels, range, asked }),
    });
  })
  .get('/impact/:file{[a-z]+\\.csv}', async (c) => {
    const { i18n } = c.var;
    const dimension = c.req.param('file').replace(/\.csv$/, '') as Dimension;
    if (!DIMENSIONS.includes(dimension)) return c.notFound();
    const url = new URL(c.req.url);
    const asked = readRange(url);
    // A hand-edited link with a bad range goes to the page, which says what is wrong and keeps it.
    if (!asked.ok) return c.redirect(`/${i18n.locale}/impact${url.search}`, 303);
    const { impact, themeLabels } = await loadImpact(c, asked.range);
    return c.body(impactTableCsv(i18n, impact, dimension, themeLabels), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${impactCsvFileName(dimension, asked.range)}"`,
      'cache-control': 'no-cache',
    });
  });
