import { Hono } from 'hono';
import { z } from 'zod';
import { cityName } from '../../core/cities/cities.service.ts';
import { knownTaxonomy } from '../../core/taxonomy/taxonomy.service.ts';
import { apiParam, parseQuery } from '../../platform/http/api-params.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import {
  badRequestResponse,
  componentSchemas,
  jsonResponse,
  notFoundResponse,
  type OpenApiPart,
  parametersOf,
} from '../../platform/http/openapi.ts';
import { getPublishedPractice } from './page/practice-page.service.ts';
import { type PracticeHit, searchPractices } from './search/practice-search.service.ts';

// The query schemas below validate the requests, the response schemas type what the handlers return,
// and practicesOpenApi is generated from both: the documentation cannot say something the code does not.

const lang = apiParam.lang.meta({ description: 'Preferred language of the texts and URLs: en, de, fr, es or ar (default en).' });

export const practicesQuery = z.object({
  q: apiParam.words.meta({ description: 'Full-text query, in any of the five languages (stemmed per language); at most 200 characters.' }),
  lang,
  theme: apiParam.list(apiParam.slug).meta({ description: 'Theme slug; repeat for several (OR).' }),
  topic: apiParam.list(apiParam.slug).meta({ description: 'Topic slug; repeat for several (OR).' }),
  region: apiParam.list(apiParam.slug).meta({ description: 'Programme region slug; repeat for several (OR).' }),
  country: apiParam.list(apiParam.country).meta({ description: 'ISO 3166-1 alpha-2 code; repeat for several (OR).' }),
  sdg: apiParam.list(z.coerce.number().int().min(1).max(17)).meta({ description: 'SDG number 1–17; repeat for several (OR).' }),
  sort: z.enum(['relevance', 'date']).default('relevance').meta({ description: 'relevance (with q) or date (newest first).' }),
  page: apiParam.page.meta({ description: '1-based page of 20 items.' }),
});
const practiceQuery = z.object({ lang });
const practicePath = z.object({ slug: z.string().meta({ description: 'The practice’s slug.' }) });

const nullableText = z.string().nullable();
const facet = z.array(z.strictObject({ value: z.string(), count: z.int().min(0) }));
const sdgs = z.array(z.int().min(1).max(17));

export const practiceSummary = z.strictObject({
  id: z.int(),
  slug: z.string(),
  externalId: nullableText.meta({ description: 'The id in the network’s own records (import format), if any.' }),
  title: z.string(),
  summary: z.string(),
  city: nullableText,
  country: nullableText.meta({ description: 'ISO 3166-1 alpha-2 code.' }),
  region: nullableText.meta({ description: 'Programme region slug.' }),
  themes: z.array(z.string()),
  topics: z.array(z.string()),
  sdgs,
  language: z.string().meta({ description: 'Language of title and summary (may differ from lang when no translation exists).' }),
  url: z.url(),
});

export const practiceList = z.strictObject({
  items: z.array(practiceSummary),
  total: z.int().min(0),
  page: z.int().min(1),
  pages: z.int().min(1),
  facets: z
    .strictObject({ theme: facet, topic: facet, region: facet, country: facet, sdg: facet })
    .meta({ description: 'Counts per value; each key counted over the other filters, so they combine as checkboxes.' }),
});

export const practiceDetail = z.strictObject({
  ...practiceSummary.omit({ language: true, url: true }).shape,
  sections: z.strictObject({
    // In the order of PRACTICE_SECTIONS (practices.table.ts).
    challenge: z.string(),
    approach: z.string(),
    results: z.string(),
    lessons: z.string(),
    transfer: z.string(),
    resources: z.string(),
  }),
  startYear: z.int().nullable(),
  endYear: z.int().nullable(),
  partners: z.array(z.string()),
  links: z.array(z.strictObject({ url: z.string(), label: z.string() })),
  contact: z.strictObject({ name: nullableText, organisation: nullableText }).meta({ description: 'Never an e-mail address.' }),
  language: z.string().meta({ description: 'Language of the texts returned.' }),
  languages: z.array(z.string()).meta({ description: 'Every language the practice is written in.' }),
  url: z.url(),
});

type PracticeSummary = z.output<typeof practiceSummary>;

/**
 * Read-only JSON API over published practices (documented in /api/v1/openapi.json). Open to any origin,
 * cacheable for a minute: it holds nothing that is not on the public pages.
 */
export const practicesApi = new Hono<AppEnv>()
  .get('/practices', async (c) => {
    const query = await parseQuery(
      c,
      practicesQuery,
      knownTaxonomy(c.var.deps.db, { theme: 'theme', topic: 'topic', region: 'region', country: 'country' }),
    );
    if (!query.ok) return query.response;
    const { lang, ...params } = query.data;
    const result = await searchPractices(c.var.deps.db, params, lang);
    const base = c.var.deps.config.BASE_URL;
    const summary = (hit: PracticeHit): PracticeSummary => ({
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
    });
    const body: z.output<typeof practiceList> = {
      items: result.items.map(summary),
      total: result.total,
      page: result.page,
      pages: result.pages,
      facets: result.facets,
    };
    c.header('cache-control', 'public, max-age=60');
    return c.json(body);
  })
  .get('/practices/:slug', async (c) => {
    const query = await parseQuery(c, practiceQuery);
    if (!query.ok) return query.response;
    const { lang } = query.data;
    const detail = await getPublishedPractice(c.var.deps.db, c.req.param('slug'), lang);
    if (!detail) return c.json({ error: 'not_found' as const }, 404);
    const { practice: p, translation: tr } = detail;
    const body: z.output<typeof practiceDetail> = {
      id: p.id,
      slug: p.slug,
      externalId: p.external_id,
      title: tr.title,
      summary: tr.summary,
      sections: {
        challenge: tr.challenge,
        approach: tr.approach,
        results: tr.results,
        lessons: tr.lessons,
        transfer: tr.transfer,
        resources: tr.resources,
      },
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
    };
    c.header('cache-control', 'public, max-age=60');
    return c.json(body);
  });

/** This module's part of the OpenAPI document. */
export const practicesOpenApi: OpenApiPart = {
  paths: {
    '/practices': {
      get: {
        operationId: 'searchPractices',
        summary: 'Search published good practices',
        parameters: parametersOf(practicesQuery, 'query'),
        responses: {
          200: jsonResponse('One page of matches, the total and facet counts (each facet counted over the other filters).', 'PracticeList'),
          400: badRequestResponse,
        },
      },
    },
    '/practices/{slug}': {
      get: {
        operationId: 'getPractice',
        summary: 'One published good practice with all its sections',
        parameters: [...parametersOf(practicePath, 'path'), ...parametersOf(practiceQuery, 'query')],
        responses: {
          200: jsonResponse('The practice.', 'PracticeDetail'),
          400: badRequestResponse,
          404: notFoundResponse('No published practice has this slug.'),
        },
      },
    },
  },
  schemas: componentSchemas({ PracticeSummary: practiceSummary, PracticeList: practiceList, PracticeDetail: practiceDetail }),
};
