import { Hono } from 'hono';
import { session } from '../../core/accounts/session.middleware.ts';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { matchExperts, matchInput, reasonText } from './expert-matching.service.ts';
import { readExpertSearchParams, searchExperts } from './expert-search.service.ts';

const langOf = (value: string | undefined): Locale => (isLocale(value) ? value : 'en');

/**
 * The directory as JSON. What a caller gets depends on who they are (the session cookie of a signed-in
 * member or editor; anonymous callers get public profiles only), so answers are never cached for others.
 */
export const expertsApi = new Hono<AppEnv>()
  .use('/experts', session())
  .use('/experts/match', session())
  .get('/experts', async (c) => {
    const url = new URL(c.req.url);
    const lang = langOf(url.searchParams.get('lang') ?? undefined);
    const result = await searchExperts(c.var.deps.db, readExpertSearchParams(url), lang, c.var.user);
    const base = c.var.deps.config.BASE_URL;
    c.header('cache-control', c.var.user ? 'private, no-store' : 'public, max-age=60');
    c.header('vary', 'Cookie');
    return c.json({
      items: result.items.map((hit) => ({
        id: hit.id,
        externalId: hit.externalId,
        name: hit.name,
        headline: hit.headline,
        organisation: hit.organisation,
        city: hit.city,
        country: hit.countryCode,
        languages: hit.languages,
        themes: hit.themes,
        topics: hit.topics,
        url: `${base}/${lang}/experts/${hit.slug}`,
      })),
      total: result.total,
      page: result.page,
      pages: result.pages,
      facets: result.facets,
    });
  })
  /**
   * Ranks experts for a challenge (docs/matching.md). A query, not a change: nothing is stored. Reasons
   * come in `lang` (default English); anonymous callers get public profiles only.
   */
  .post('/experts/match', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid_json' }, 400);
    }
    const parsed = matchInput.safeParse(body);
    if (!parsed.success) {
      return c.json(
        { error: 'invalid_request', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        400,
      );
    }
    const lang = langOf(c.req.query('lang'));
    const i18n = getI18n(lang);
    const [result, themes] = await Promise.all([
      matchExperts(c.var.deps.db, parsed.data, c.var.user, lang),
      listThemesWithTopics(c.var.deps.db, lang),
    ]);
    const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
    const base = c.var.deps.config.BASE_URL;
    c.header('cache-control', 'private, no-store');
    return c.json({
      language: result.language,
      recognisedTopics: result.inferredTopics,
      items: result.items.map((m) => ({
        id: m.id,
        externalId: m.externalId,
        name: m.name,
        score: m.score,
        reasons: m.reasons.map((r) => reasonText(i18n, r, { topic: (slug) => topicLabel.get(slug) ?? slug })),
        url: `${base}/${lang}/experts/${m.slug}`,
      })),
    });
  });
