import { Hono } from 'hono';
import { z } from 'zod';
import { session } from '../../core/accounts/session.middleware.ts';
import { parseQuery } from '../../platform/http/api-params.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { badRequestResponse, componentSchemas, jsonResponse, type OpenApiPart, parametersOf } from '../../platform/http/openapi.ts';
import { searchApiQuery } from './search.forms.ts';
import { runSearch } from './search.routes.tsx';
import { SEARCH_MAX_PAGE } from './search.service.ts';
import { SEARCH_COUNT_CAP, SEARCH_TYPES } from './search-sources.ts';

// GET /api/v1/search: the site search as JSON. Like the expert directory's API, the answer depends on
// the caller (a signed-in, confirmed member's session cookie also finds members-only profiles), so it is
// only cached for anonymous callers, and never by a shared cache for others.

const type = z.enum(SEARCH_TYPES);

export const searchApiHit = z.strictObject({
  type,
  externalId: z.string().meta({ description: 'The id of the item in the network’s own records (import format).' }),
  title: z.string().meta({ description: 'In `language`.' }),
  summary: z.string().meta({ description: 'Plain text, at most about 300 characters, in `language`.' }),
  url: z.url().meta({ description: 'The item’s page in lang.' }),
  language: z.string().meta({ description: 'The language of title and summary: not lang when the item has no text in it.' }),
});

export const searchApiResult = z.strictObject({
  items: z
    .array(searchApiHit)
    .meta({ description: 'One page of results: with a type, its own order; without, lang’s texts first, then by rank.' }),
  total: z
    .int()
    .min(0)
    .meta({
      description: `Matches of the type asked (or of all types). A type counts at most ${SEARCH_COUNT_CAP + 1}: that means “more than ${SEARCH_COUNT_CAP}”.`,
    }),
  page: z.int().min(1),
  pages: z
    .int()
    .min(1)
    .meta({ description: `Pages that can be asked for (at most ${SEARCH_MAX_PAGE}).` }),
  facets: z.strictObject({
    type: z.partialRecord(type, z.int().min(0)).meta({ description: 'Matches per type, over all types, whatever type was asked.' }),
  }),
  unavailable: z.array(type).meta({ description: 'Types that could not be searched this time (left out of items, total and facets).' }),
});

export const searchApi = new Hono<AppEnv>().use('/search', session()).get('/search', async (c) => {
  const query = await parseQuery(c, searchApiQuery);
  if (!query.ok) return query.response;
  const { q, lang, type, page } = query.data;
  const result = await runSearch(c, { q, locale: lang, type: type ?? null, page });
  const base = c.var.deps.config.BASE_URL;
  const body: z.output<typeof searchApiResult> = {
    items: result.items.map((hit) => ({
      type: hit.type,
      externalId: hit.externalId,
      title: hit.title,
      summary: hit.summary,
      url: `${base}${hit.path}`,
      language: hit.language,
    })),
    total: result.total,
    page: result.page,
    pages: result.pages,
    facets: { type: Object.fromEntries(result.facets.map((f) => [f.type, f.total])) },
    unavailable: result.unavailable,
  };
  c.header('cache-control', c.var.user ? 'private, no-store' : 'public, max-age=60');
  c.header('vary', 'Cookie');
  return c.json(body);
});

export const searchOpenApi: OpenApiPart = {
  paths: {
    '/search': {
      get: {
        operationId: 'searchSite',
        summary:
          'Search everything the network publishes: practices, experts, events, calls, project ideas, news, publications, videos, pages',
        description:
          'Every language is matched with its own stemming (docs/search.md). Answers depend on the caller: anonymous callers find public content and public expert profiles; a signed-in member with a confirmed address (session cookie) also members-only profiles. Drafts, hidden profiles and unpublished items never appear.',
        parameters: parametersOf(searchApiQuery, 'query'),
        responses: {
          200: jsonResponse('One page of results, the total and the counts per type.', 'SearchResult'),
          400: badRequestResponse,
        },
      },
    },
  },
  schemas: componentSchemas({ SearchHit: searchApiHit, SearchResult: searchApiResult }),
};
