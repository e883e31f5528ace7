import { Hono } from 'hono';
import { knownTaxonomy, listThemesWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { keepKnown } from '../../../platform/http/query-params.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { expertSearchParams } from './expert-search.forms.ts';
import { searchExperts } from './expert-search.service.ts';
import { ExpertSearchPage } from './expert-search.views.tsx';

/** /experts: the directory, as the reader's role lets them see it. */
export const expertSearchRoutes = new Hono<AppEnv>().get('/experts', async (c) => {
  const { i18n, deps, user } = c.var;
  const { params, ignored } = await keepKnown(
    expertSearchParams.read(new URL(c.req.url)),
    knownTaxonomy(deps.db, { theme: 'theme', topic: 'topic', region: 'region', country: 'country' }),
  );
  const [result, themes] = await Promise.all([
    searchExperts(deps.db, params, i18n.locale, user),
    listThemesWithTopics(deps.db, i18n.locale),
  ]);
  const scope = can(user, 'edit-content') ? 'all' : can(user, 'act-as-member') ? 'members' : 'public';
  // What a page shows depends on who asks: never cache it for others.
  if (user) c.header('cache-control', 'private, no-store');
  return renderPage(c, {
    title: params.q ? `${i18n.t('experts.title')}: “${params.q}”` : i18n.t('experts.title'),
    section: 'experts',
    children: ExpertSearchPage({ i18n, params, ignored, result, themes, scope }),
  });
});
