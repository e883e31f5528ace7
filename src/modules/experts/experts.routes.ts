import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../web/context.ts';
import { cleanFormBody } from '../../web/forms.tsx';
import { renderPage } from '../../web/render.tsx';
import { can } from '../accounts/policy.ts';
import { listPracticesOnTopics } from '../practices/practices.service.ts';
import { listThemesWithTopics, loadTaxonomyIndex } from '../taxonomy/taxonomy.service.ts';
import { type MatchInput, matchExperts, matchInput } from './expert-matching.service.ts';
import { MatchPage } from './expert-matching.views.tsx';
import { readExpertSearchParams, searchExperts } from './expert-search.service.ts';
import { ExpertSearchPage } from './expert-search.views.tsx';

/** The matching form's fields; repeated checkboxes arrive as a string or a list. */
function matchForm(body: Record<string, unknown>) {
  const many = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
  const one = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return matchInput.safeParse({
    challenge: typeof body.challenge === 'string' ? body.challenge : '',
    topics: many(body.topics),
    languages: many(body.languages),
    region: one(body.region),
    country: one(body.country),
    availability: many(body.availability),
    limit: 10,
  });
}

async function showMatch(c: Context<AppEnv>, input: MatchInput, run: boolean) {
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
      section: 'experts',
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
      }),
    },
    empty ? 422 : 200,
  );
}

export const expertsRoutes = new Hono<AppEnv>()
  .get('/experts/match', (c) => showMatch(c, matchInput.parse({}), false))
  .post('/experts/match', async (c) => {
    let body: Record<string, unknown>;
    try {
      body = cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
    } catch {
      throw new HTTPException(400, { message: 'malformed-form' });
    }
    const parsed = matchForm(body);
    // Invalid details (an unknown region, a too long text) are dropped or cut, never an error page.
    const input = parsed.success ? parsed.data : matchInput.parse({ challenge: String(body.challenge ?? '').slice(0, 5000) });
    return showMatch(c, input, true);
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
