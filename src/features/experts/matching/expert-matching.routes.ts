import { type Context, Hono } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { listPracticesOnTopics } from '../../practices/index.ts';
import { readFormBody } from '../experts.forms.ts';
import type { EditorPart } from '../requests/match-requests.views.tsx';
import { type MatchInput, matchInput, readMatchForm } from './expert-matching.forms.ts';
import { matchExperts } from './expert-matching.service.ts';
import { MatchPage } from './expert-matching.views.tsx';

/** The matching page, its results when `run`; `editor` adds saving (public page) or a saved request's notes. */
export async function renderMatchPage(c: Context<AppEnv>, input: MatchInput, run: boolean, editor?: EditorPart) {
  const { i18n, deps, user, csrfToken } = c.var;
  const [themes, index] = await Promise.all([listThemesWithTopics(deps.db, i18n.locale), loadTaxonomyIndex(deps.db)]);
  const empty = run && !input.challenge && input.topics.length === 0;
  const result = run && !empty ? await matchExperts(deps.db, input, user, i18n.locale) : undefined;
  const practices = result
    ? await listPracticesOnTopics(deps.db, [...new Set([...input.topics, ...result.inferredTopics])], i18n.locale)
    : [];
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: i18n.t('experts.match.title'),
      section: 'match',
      // A saved request is the editorial team's page: their section menu shows where it belongs.
      editorial: editor?.kind === 'saved' ? 'matches' : undefined,
      indexable: !run,
      children: MatchPage({
        i18n,
        csrfToken,
        themes,
        regions: [...index.regions].sort(),
        input,
        result,
        practices,
        error: empty ? 'experts.match.empty' : undefined,
        editor,
      }),
    },
    empty ? 422 : 200,
  );
}

/** /experts/match: a challenge in, ranked experts out (editors may save the request). */
export const expertMatchingRoutes = new Hono<AppEnv>()
  .get('/experts/match', (c) => {
    // A sentence from the home page's box or the directory's empty state arrives in the address
    // (`?challenge=`): run it at once, so the link is the result. Running it changes nothing.
    const challenge = c.req.query('challenge') ?? '';
    if (!challenge.trim()) return renderMatchPage(c, matchInput.parse({}), false);
    return renderMatchPage(c, readMatchForm({ challenge }), true, can(c.var.user, 'edit-content') ? { kind: 'can-save' } : undefined);
  })
  .post('/experts/match', async (c) => {
    const input = readMatchForm(await readFormBody(c));
    return renderMatchPage(c, input, true, can(c.var.user, 'edit-content') ? { kind: 'can-save' } : undefined);
  });
