import { Hono } from 'hono';
import { z } from 'zod';
import { session } from '../../core/accounts/session.middleware.ts';
import { knownTaxonomy, listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { apiParam, parseJsonBody, parseQuery } from '../../platform/http/api-params.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import {
  badRequestResponse,
  componentSchemas,
  jsonResponse,
  type OpenApiPart,
  parametersOf,
  schemaRef,
} from '../../platform/http/openapi.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { AVAILABILITY, LANGUAGE_LEVELS, type LanguageLevel } from './experts.table.ts';
import { matchInput } from './matching/expert-matching.forms.ts';
import { reasonText } from './matching/expert-matching.model.ts';
import { matchExperts } from './matching/expert-matching.service.ts';
import { type ExpertHit, searchExperts } from './search/expert-search.service.ts';

// The query and body schemas validate the requests, the response schemas type what the handlers
// return, and expertsOpenApi is generated from both.

export const expertsQuery = z.object({
  q: apiParam.words.meta({
    description:
      'Words in any language (stemmed per language), an organisation, a city, or a name (typos tolerated); at most 200 characters.',
  }),
  lang: apiParam.lang.meta({ description: 'Language of headlines and URLs: en, de, fr, es or ar (default en).' }),
  theme: apiParam.list(apiParam.slug).meta({ description: 'Theme slugs (OR).' }),
  topic: apiParam.list(apiParam.slug).meta({ description: 'Topic slugs (OR).' }),
  language: apiParam.list(apiParam.language).meta({ description: 'ISO 639-1 codes the expert speaks (OR).' }),
  region: apiParam.list(apiParam.slug).meta({ description: 'Region slugs of experience, home included (OR).' }),
  country: apiParam.list(apiParam.country).meta({ description: 'ISO 3166-1 alpha-2 codes of experience, home included (OR).' }),
  availability: apiParam.list(z.enum(AVAILABILITY)).meta({ description: 'What the expert is available for (OR).' }),
  sort: z.enum(['relevance', 'name']).default('relevance').meta({ description: 'relevance (default with q) or name.' }),
  page: apiParam.page.meta({ description: '1-based page of 20 items.' }),
});
const matchQuery = z.object({ lang: apiParam.lang.meta({ description: 'Language of the reasons and URLs (default en).' }) });

const { shape } = matchInput;
export const matchRequest = matchInput.extend({
  challenge: shape.challenge.meta({ description: 'Free text in any of the five languages; at most 5000 characters.' }),
  themes: shape.themes.meta({ description: 'Theme slugs wanted (at most 10).' }),
  topics: shape.topics.meta({ description: 'Topic slugs wanted (at most 30); recognised in the challenge when none is given.' }),
  languages: z.array(apiParam.language).max(10).default([]).meta({ description: 'ISO 639-1 codes the expert should speak (at most 10).' }),
  region: shape.region.meta({ description: 'Region slug where the expert should have experience.' }),
  country: shape.country.meta({ description: 'ISO 3166-1 alpha-2 code where the expert should have experience.' }),
  availability: shape.availability.meta({ description: 'What the expert should be available for.' }),
  limit: shape.limit.meta({ description: 'How many experts to return.' }),
});

const facet = z.array(z.strictObject({ value: z.string(), count: z.int().min(0) }));
const expertUrl = z.url().meta({ description: 'The expert’s page in lang.' });

export const expertSummary = z.strictObject({
  id: z.int(),
  externalId: z.string().nullable(),
  name: z.string(),
  headline: z.string().nullable(),
  organisation: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2 code of the home country.' }),
  languages: z.array(z.strictObject({ code: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  themes: z.array(z.string()),
  topics: z.array(z.string()),
  url: expertUrl,
});

export const expertList = z.strictObject({
  items: z.array(expertSummary),
  total: z.int().min(0),
  page: z.int().min(1),
  pages: z.int().min(1),
  facets: z.strictObject({ theme: facet, topic: facet, language: facet, region: facet, country: facet, availability: facet }),
});

export const expertMatches = z.strictObject({
  language: z.string().meta({ description: 'The language the challenge was recognised in.' }),
  recognisedTopics: z.array(z.string()).meta({ description: 'Topic slugs recognised in the challenge.' }),
  items: z.array(
    z.strictObject({
      id: z.int(),
      externalId: z.string().nullable(),
      name: z.string(),
      score: z.number().min(0).max(1),
      reasons: z.array(z.string()).meta({ description: 'Why this expert, in words, in lang.' }),
      url: expertUrl,
    }),
  ),
});

type ExpertSummary = z.output<typeof expertSummary>;

const isLevel = (level: string): level is LanguageLevel => (LANGUAGE_LEVELS as readonly string[]).includes(level);

/**
 * The directory as JSON. What a caller gets depends on who they are (the session cookie of a signed-in
 * member or editor; anonymous callers get public profiles only), so answers are never cached for others.
 */
export const expertsApi = new Hono<AppEnv>()
  .use('/experts', session())
  .use('/experts/match', session())
  .get('/experts', async (c) => {
    const query = await parseQuery(
      c,
      expertsQuery,
      knownTaxonomy(c.var.deps.db, { theme: 'theme', topic: 'topic', region: 'region', country: 'country' }),
    );
    if (!query.ok) return query.response;
    const { lang, ...params } = query.data;
    const result = await searchExperts(c.var.deps.db, params, lang, c.var.user);
    const base = c.var.deps.config.BASE_URL;
    const summary = (hit: ExpertHit): ExpertSummary => ({
      id: hit.id,
      externalId: hit.externalId,
      name: hit.name,
      headline: hit.headline,
      organisation: hit.organisation,
      city: hit.city,
      country: hit.countryCode,
      languages: hit.languages.flatMap(({ code, level }) => (isLevel(level) ? [{ code, level }] : [])),
      themes: hit.themes,
      topics: hit.topics,
      url: `${base}/${lang}/experts/${hit.slug}`,
    });
    const body: z.output<typeof expertList> = {
      items: result.items.map(summary),
      total: result.total,
      page: result.page,
      pages: result.pages,
      facets: result.facets,
    };
    c.header('cache-control', c.var.user ? 'private, no-store' : 'public, max-age=60');
    c.header('vary', 'Cookie');
    return c.json(body);
  })
  /**
   * Ranks experts for a challenge (docs/matching.md). A query, not a change: nothing is stored. Reasons
   * come in `lang` (default English); anonymous callers get public profiles only.
   */
  .post('/experts/match', async (c) => {
    const db = c.var.deps.db;
    const query = await parseQuery(c, matchQuery);
    if (!query.ok) return query.response;
    const request = await parseJsonBody(
      c,
      matchRequest,
      knownTaxonomy(db, { theme: 'themes', topic: 'topics', region: 'region', country: 'country' }),
    );
    if (!request.ok) return request.response;
    const { lang } = query.data;
    const i18n = getI18n(lang);
    const [result, themes] = await Promise.all([matchExperts(db, request.data, c.var.user, lang), listThemesWithTopics(db, lang)]);
    const topicLabel = new Map(themes.flatMap((th) => th.topics.map((tp) => [tp.slug, tp.label] as const)));
    const themeLabel = new Map(themes.map((th) => [th.slug, th.label] as const));
    const base = c.var.deps.config.BASE_URL;
    const body: z.output<typeof expertMatches> = {
      language: result.language,
      recognisedTopics: result.inferredTopics,
      items: result.items.map((m) => ({
        id: m.id,
        externalId: m.externalId,
        name: m.name,
        score: m.score,
        reasons: m.reasons.map((r) =>
          reasonText(i18n, r, { topic: (slug) => topicLabel.get(slug) ?? slug, theme: (slug) => themeLabel.get(slug) ?? slug }),
        ),
        url: `${base}/${lang}/experts/${m.slug}`,
      })),
    };
    c.header('cache-control', 'private, no-store');
    return c.json(body);
  });

const visibilityNote =
  'Answers depend on the caller: anonymous callers get public profiles only; a signed-in member (session cookie) also members-only profiles; editors all. Hidden profiles never appear in answers, counts or facets for others.';

/** This module's part of the OpenAPI document. */
export const expertsOpenApi: OpenApiPart = {
  paths: {
    '/experts': {
      get: {
        operationId: 'searchExperts',
        summary: 'Search the expert directory',
        description: visibilityNote,
        parameters: parametersOf(expertsQuery, 'query'),
        responses: {
          200: jsonResponse('One page of experts the caller may see, the total and facet counts over the same profiles.', 'ExpertList'),
          400: badRequestResponse,
        },
      },
    },
    '/experts/match': {
      post: {
        operationId: 'matchExperts',
        summary: 'Rank experts for a city’s challenge, with reasons (docs/matching.md)',
        description: `${visibilityNote} Nothing is stored.`,
        parameters: parametersOf(matchQuery, 'query'),
        requestBody: { required: true, content: { 'application/json': { schema: schemaRef('MatchRequest') } } },
        responses: {
          200: jsonResponse('Experts by score (0–1), each with the reasons in words.', 'ExpertMatches'),
          400: { ...badRequestResponse, description: 'Not JSON, or a field or parameter malformed, out of range or unknown.' },
        },
      },
    },
  },
  schemas: {
    ...componentSchemas({ ExpertSummary: expertSummary, ExpertList: expertList, ExpertMatches: expertMatches }),
    ...componentSchemas({ MatchRequest: matchRequest }, 'input'),
  },
};
