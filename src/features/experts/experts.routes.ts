import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { cleanFormBody } from '../../platform/ui/forms.tsx';
import { readMatchForm, renderMatchPage } from './expert-matching.render.ts';
import { matchInput } from './expert-matching.service.ts';
import { readExpertSearchParams, searchExperts } from './expert-search.service.ts';
import { ExpertSearchPage } from './expert-search.views.tsx';

export const expertsRoutes = new Hono<AppEnv>()
  .get('/experts/match', (c) => renderMatchPage(c, matchInput.parse({}), false))
  .post('/experts/match', async (c) => {
    let body: Record<string, unknown>;
    try {
      body = cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
    } catch {
      throw new HTTPException(400, { message: 'malformed-form' });
    }
    const input = readMatchForm(body);
    return renderMatchPage(c, input, true, can(c.var.user, 'edit-content') ? { kind: 'can-save' } : undefined);
  })
  .get('/experts', async (c) => {
    const { i18n, deps, user } = c.var;
    const params = readExpertSearchParams(new URL(c.req.url));
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
      children: ExpertSearchPage({ i18n, params, result, themes, scope }),
    });
  });
