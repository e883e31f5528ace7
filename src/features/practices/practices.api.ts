import { Hono } from 'hono';
import { cityName } from '../../core/cities/cities.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { readSearchParams, searchPractices } from './practice-search.service.ts';
import { getPublishedPractice } from './practices.service.ts';
import { PRACTICE_SECTIONS } from './practices.table.ts';

const langOf = (value: string | undefined): Locale => (isLocale(value) ? value : 'en');

/**
 * Read-only JSON API over published practices (documented in /api/v1/openapi.json). Open to any origin,
 * cacheable for a minute: it holds nothing that is not on the public pages.
 */
export const practicesApi = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const url = new URL(c.req.url);
    const lang = langOf(url.searchParams.get('lang') ?? undefined);
    const result = await searchPractices(c.var.deps.db, readSearchParams(url), lang);
    const base = c.var.deps.config.BASE_URL;
    c.header('cache-control', 'public, max-age=60');
    return c.json({
      items: result.items.map((hit) => ({
        id: hit.id,
        slug: hit.slug,
        externalId: hit.externalId,
        title: hit.title,
        summary: hit.summary,
        city: hit.city,
        country: hit.countryCode,
        region: hit.regionSlug,
        themes: hit.themes,
        topics: hit.topics,
        sdgs: hit.sdgs,
        language: hit.contentLocale,
        url: `${base}/${lang}/practices/${hit.slug}`,
      })),
      total: result.total,
      page: result.page,
      pages: result.pages,
      facets: result.facets,
    });
  })
  .get('/practices/:slug', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const detail = await getPublishedPractice(c.var.deps.db, c.req.param('slug'), lang);
    if (!detail) return c.json({ error: 'not_found' }, 404);
    const { practice: p, translation: tr } = detail;
    c.header('cache-control', 'public, max-age=60');
    return c.json({
      id: p.id,
      slug: p.slug,
      externalId: p.external_id,
      title: tr.title,
      summary: tr.summary,
      sections: Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, tr[s]])),
      city: p.city_name ? cityName({ name: p.city_name, names: p.city_names ?? {} }, lang) : null,
      country: p.country_code,
      region: p.region_slug,
      themes: detail.themes,
      topics: detail.topics,
      sdgs: p.sdgs,
      startYear: p.start_year,
      endYear: p.end_year,
      partners: p.partners,
      links: p.links,
      contact: { name: p.contact_name, organisation: p.contact_organisation },
      language: tr.locale,
      languages: detail.locales,
      url: `${c.var.deps.config.BASE_URL}/${lang}/practices/${p.slug}`,
    });
  });
