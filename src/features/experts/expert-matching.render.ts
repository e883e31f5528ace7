import type { Context } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { listPracticesOnTopics } from '../practices/index.ts';
import { type MatchInput, matchExperts, matchInput } from './expert-matching.service.ts';
import { type EditorPart, MatchPage } from './expert-matching.views.tsx';

/** The matching form's fields; repeated checkboxes arrive as a string or a list. */
function parseMatchForm(body: Record<string, unknown>) {
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
        editor,
      }),
    },
    empty ? 422 : 200,
  );
}

/** The posted form as a request; invalid details (an unknown region, a too long text) are dropped or cut, never an error page. */
export function readMatchForm(body: Record<string, unknown>): MatchInput {
  const parsed = parseMatchForm(body);
  return parsed.success ? parsed.data : matchInput.parse({ challenge: String(body.challenge ?? '').slice(0, 5000) });
}
