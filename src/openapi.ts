// The public API's contract (OpenAPI 3.1), served at /api/v1/openapi.json. Kept by hand next to the
// routes; the API test checks that every documented path answers.

const str = { type: 'string' } as const;
const strs = { type: 'array', items: str } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const facet = { type: 'array', items: { type: 'object', properties: { value: str, count: { type: 'integer' } } } } as const;

const filterParams = [
  { name: 'q', in: 'query', description: 'Full-text query, in any of the five languages (stemmed per language).', schema: str },
  {
    name: 'lang',
    in: 'query',
    description: 'Preferred language of the texts: en, de, fr, es or ar (default en).',
    schema: { enum: ['en', 'de', 'fr', 'es', 'ar'] },
  },
  { name: 'theme', in: 'query', description: 'Theme slug; repeat for several (OR).', schema: strs, style: 'form', explode: true },
  { name: 'topic', in: 'query', description: 'Topic slug; repeat for several (OR).', schema: strs, style: 'form', explode: true },
  {
    name: 'region',
    in: 'query',
    description: 'Programme region slug; repeat for several (OR).',
    schema: strs,
    style: 'form',
    explode: true,
  },
  {
    name: 'country',
    in: 'query',
    description: 'ISO 3166-1 alpha-2 code; repeat for several (OR).',
    schema: strs,
    style: 'form',
    explode: true,
  },
  {
    name: 'sdg',
    in: 'query',
    description: 'SDG number 1–17; repeat for several (OR).',
    schema: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 17 } },
    style: 'form',
    explode: true,
  },
  { name: 'sort', in: 'query', description: 'relevance (with q) or date.', schema: { enum: ['relevance', 'date'] } },
  { name: 'page', in: 'query', description: '1-based page of 20 items.', schema: { type: 'integer', minimum: 1 } },
];

const practiceSummary = {
  type: 'object',
  required: ['id', 'slug', 'externalId', 'title', 'summary', 'city', 'country', 'region', 'themes', 'topics', 'sdgs', 'language', 'url'],
  properties: {
    id: { type: 'integer' },
    slug: str,
    externalId: nullableStr,
    title: str,
    summary: str,
    city: nullableStr,
    country: nullableStr,
    region: nullableStr,
    themes: strs,
    topics: strs,
    sdgs: { type: 'array', items: { type: 'integer' } },
    language: { description: 'Language of title and summary (may differ from lang when no translation exists).', ...str },
    url: str,
  },
};

const query = (name: string, description: string, repeated = false) => ({
  name,
  in: 'query',
  description,
  schema: repeated ? { type: 'array', items: str } : str,
  ...(repeated ? { style: 'form', explode: true } : {}),
});

const expertSummary = {
  type: 'object',
  required: ['id', 'name', 'url'],
  properties: {
    id: { type: 'integer' },
    externalId: { type: ['string', 'null'] },
    name: str,
    headline: { type: ['string', 'null'] },
    organisation: str,
    city: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    languages: { type: 'array', items: { type: 'object', properties: { code: str, level: { enum: ['working', 'fluent', 'native'] } } } },
    themes: strs,
    topics: strs,
    url: str,
  },
};

const eventSummary = {
  type: 'object',
  required: ['id', 'slug', 'kind', 'format', 'title', 'startsAt', 'endsAt', 'timeZone', 'url'],
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    externalId: { type: ['string', 'null'] },
    kind: {
      type: 'string',
      enum: ['dialogue-event', 'workshop', 'project-planning-workshop', 'webinar', 'expert-mission', 'network-meeting', 'conference'],
    },
    format: { type: 'string', enum: ['in-person', 'virtual', 'hybrid'] },
    status: { type: 'string', enum: ['published', 'cancelled', 'postponed'] },
    title: { type: 'string' },
    startsAt: { type: 'string', format: 'date-time', description: 'Instant with the offset of the event’s own time zone.' },
    endsAt: { type: 'string', format: 'date-time' },
    timeZone: { type: 'string', description: 'IANA time zone where the event happens.' },
    city: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    themes: { type: 'array', items: { type: 'string' } },
    languages: { type: 'array', items: { type: 'string' } },
    url: { type: 'string', format: 'uri' },
  },
} as const;

const visibilityNote =
  'Answers depend on the caller: anonymous callers get public profiles only; a signed-in member (session cookie) also members-only profiles; editors all. Hidden profiles never appear in answers, counts or facets for others.';

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Peerpolis API',
    version: '1.0.0',
    description:
      'Read access to the published content of a Peerpolis city network, open to any origin. Good practices are public; the expert directory and matching answer according to the caller (see each path).',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/practices': {
      get: {
        summary: 'Search published good practices',
        parameters: filterParams,
        responses: {
          200: {
            description: 'One page of matches, the total and facet counts (each facet counted over the other filters).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'total', 'facets'],
                  properties: {
                    items: { type: 'array', items: practiceSummary },
                    total: { type: 'integer' },
                    page: { type: 'integer' },
                    pages: { type: 'integer' },
                    facets: { type: 'object', properties: { theme: facet, topic: facet, region: facet, country: facet, sdg: facet } },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/experts': {
      get: {
        summary: 'Search the expert directory',
        description: visibilityNote,
        parameters: [
          query('q', 'Words in any language (stemmed per language), an organisation, a city, or a name (typos tolerated).'),
          query('lang', 'Language of headlines and URLs (en default).'),
          query('theme', 'Theme slugs (OR).', true),
          query('topic', 'Topic slugs (OR).', true),
          query('language', 'ISO 639-1 codes the expert speaks (OR).', true),
          query('region', 'Region slugs of experience, home included (OR).', true),
          query('country', 'ISO 3166-1 codes of experience, home included (OR).', true),
          query('availability', 'advice, missions, study-visits, speaking (OR).', true),
          query('sort', 'relevance (default with q) or name.'),
          query('page', '20 items per page.'),
        ],
        responses: {
          200: {
            description: 'One page of experts the caller may see, the total and facet counts over the same profiles.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'total', 'facets'],
                  properties: { items: { type: 'array', items: expertSummary }, total: { type: 'integer' }, facets: { type: 'object' } },
                },
              },
            },
          },
        },
      },
    },
    '/events': {
      get: {
        summary: 'List public events (never drafts, never the join link)',
        parameters: [
          query('from', 'A day (YYYY-MM-DD) or an instant with offset: events ending after it.'),
          query('to', 'A day or an instant: events starting before it.'),
          query('month', 'YYYY-MM: events overlapping that month.'),
          query('kind', 'Event kinds (OR).', true),
          query('format', 'in-person, virtual, hybrid (OR).', true),
          query('theme', 'Theme slugs (OR).', true),
          query('region', 'Region slugs: the event’s own or its country’s (OR).', true),
          query('language', 'Working languages, ISO 639-1 (OR).', true),
          query('lang', 'Language of titles and URLs (en default).'),
          query('page', '20 items per page.'),
        ],
        responses: {
          200: {
            description: 'One page of events, earliest first, and the total.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'total'],
                  properties: { items: { type: 'array', items: eventSummary }, total: { type: 'integer' } },
                },
              },
            },
          },
        },
      },
    },
    '/events/{slug}': {
      get: {
        summary: 'One public event (with programme, venue, hosts, partners, places left; never the join link)',
        parameters: [
          { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
          query('lang', 'Language of the texts (en default).'),
        ],
        responses: {
          200: { description: 'The event.', content: { 'application/json': { schema: eventSummary } } },
          404: { description: 'No such public event.' },
        },
      },
    },
    '/experts/match': {
      post: {
        summary: 'Rank experts for a city’s challenge, with reasons (docs/matching.md)',
        description: `${visibilityNote} Nothing is stored.`,
        parameters: [query('lang', 'Language of the reasons (en default).')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  challenge: { type: 'string', maxLength: 5000, description: 'Free text in any of the five languages.' },
                  themes: strs,
                  topics: strs,
                  languages: strs,
                  region: { type: ['string', 'null'] },
                  country: { type: ['string', 'null'] },
                  availability: { type: 'array', items: { enum: ['advice', 'missions', 'study-visits', 'speaking'] } },
                  limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
                },
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Experts by score (0–1), each with the reasons in words.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    language: str,
                    recognisedTopics: strs,
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'integer' },
                          externalId: { type: ['string', 'null'] },
                          name: str,
                          score: { type: 'number' },
                          reasons: strs,
                          url: str,
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          400: { description: 'Not JSON, or a field out of range.', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/practices/{slug}': {
      get: {
        summary: 'One published good practice with all its sections',
        parameters: [
          { name: 'slug', in: 'path', required: true, schema: str },
          { name: 'lang', in: 'query', schema: { enum: ['en', 'de', 'fr', 'es', 'ar'] } },
        ],
        responses: {
          200: { description: 'The practice.', content: { 'application/json': { schema: { type: 'object' } } } },
          404: {
            description: 'No published practice has this slug.',
            content: { 'application/json': { schema: { type: 'object', properties: { error: str } } } },
          },
        },
      },
    },
  },
} as const;
