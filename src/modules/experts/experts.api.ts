import { Hono } from 'hono';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import type { AppEnv } from '../../web/context.ts';
import { session } from '../../web/middleware/session.ts';
import { readExpertSearchParams, searchExperts } from './expert-search.service.ts';

const langOf = (value: string | undefined): Locale => (isLocale(value) ? value : 'en');

/**
 * The directory as JSON. What a caller gets depends on who they are (the session cookie of a signed-in
 * member or editor; anonymous callers get public profiles only), so answers are never cached for others.
 */
export const expertsApi = new Hono<AppEnv>().use('/experts', session()).get('/experts', async (c) => {
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
});
