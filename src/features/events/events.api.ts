import { Hono } from 'hono';
import { z } from 'zod';
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
import { isoWithOffset } from '../../platform/lib/time-zones.ts';
import { EVENT_FORMATS, EVENT_KINDS, type EventFormat, type EventKind, type EventStatus } from './events.table.ts';
import { loadEvent } from './page/event-page.service.ts';
import { type EventHit, searchEvents } from './search/event-search.service.ts';

// Events as JSON: public data only. Never the join link (participants get it on the page and in their
// mail), never drafts. Times are instants written with the offset of the event's own zone, so
// "2026-11-24T10:00:00+03:00" still reads as ten o'clock where the event happens. The query schemas
// validate the requests, the response schemas type the answers, and eventsOpenApi is generated from both.

const KINDS = EVENT_KINDS as [EventKind, ...EventKind[]];
const FORMATS = EVENT_FORMATS as [EventFormat, ...EventFormat[]];
const PUBLIC_STATUSES = ['published', 'cancelled', 'postponed'] as const satisfies EventStatus[];
type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** A day (YYYY-MM-DD, from midnight UTC) or an instant with offset (ISO 8601). */
const moment = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T.+)?$/, { error: 'not a day (YYYY-MM-DD) or an instant (ISO 8601)', abort: true })
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a valid date')
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .optional();

const lang = apiParam.lang.meta({ description: 'Language of titles, texts and URLs: en, de, fr, es or ar (default en).' });

export const eventsQuery = z.object({
  from: moment.meta({ description: 'A day (YYYY-MM-DD, midnight UTC) or an instant with offset: events ending after it.' }),
  to: moment.meta({ description: 'A day or an instant: events starting before it.' }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)')
    .optional()
    .meta({ description: 'YYYY-MM: events overlapping that month.' }),
  kind: apiParam.list(z.enum(KINDS)).meta({ description: 'Event kinds (OR).' }),
  format: apiParam.list(z.enum(FORMATS)).meta({ description: 'Event formats (OR).' }),
  theme: apiParam.list(apiParam.slug).meta({ description: 'Theme slugs (OR).' }),
  region: apiParam.list(apiParam.slug).meta({ description: 'Region slugs: the event’s own or its country’s (OR).' }),
  language: apiParam.list(apiParam.language).meta({ description: 'Working languages, ISO 639-1 (OR).' }),
  lang,
  page: apiParam.page.meta({ description: '1-based page of 20 items.' }),
});
const eventQuery = z.object({ lang });
const eventPath = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .meta({ description: 'The event’s slug.' }),
});

const instant = z.iso.datetime({ offset: true });

export const eventSummary = z.strictObject({
  id: z.int(),
  slug: z.string(),
  externalId: z.string().nullable().meta({ description: 'The id in the network’s own records (import format), if any.' }),
  kind: z.enum(KINDS),
  format: z.enum(FORMATS),
  status: z.enum(PUBLIC_STATUSES),
  title: z.string(),
  startsAt: instant.meta({ description: 'Instant with the offset of the event’s own time zone.' }),
  endsAt: instant.meta({ description: 'Instant with the offset of the event’s own time zone.' }),
  timeZone: z.string().meta({ description: 'IANA time zone where the event happens.' }),
  city: z.string().nullable(),
  country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2 code.' }),
  themes: z.array(z.string()),
  languages: z.array(z.string()).meta({ description: 'Working languages, ISO 639-1.' }),
  url: z.url().meta({ description: 'The event’s page in lang.' }),
});

export const eventList = z.strictObject({
  items: z.array(eventSummary),
  total: z.int().min(0),
  page: z.int().min(1),
  pages: z.int().min(1),
});

export const eventDetail = z.strictObject({
  ...eventSummary.shape,
  summary: z.string(),
  programme: z.string(),
  language: z.string().meta({ description: 'Language of title, summary and programme (may differ from lang when no translation exists).' }),
  venue: z.string().nullable().meta({ description: 'Where it takes place; null for virtual events.' }),
  hosts: z.array(z.strictObject({ city: z.string(), country: z.string() })).meta({ description: 'Host cities.' }),
  partners: z.array(z.string()),
  topics: z.array(z.string()),
  capacity: z.int().nullable().meta({ description: 'Places in all; null when unlimited.' }),
  placesLeft: z.int().min(0).nullable().meta({ description: 'Places not yet taken; null when unlimited.' }),
  registrationOpensAt: z.iso.datetime().nullable().meta({ description: 'When registration opens (UTC); null: open now.' }),
  registrationClosesAt: z.iso.datetime().meta({ description: 'When registration closes (UTC).' }),
  recordings: z.array(z.strictObject({ url: z.string(), label: z.string() })),
  calendar: z.url().meta({ description: 'The event as iCalendar (.ics) in lang.' }),
});

type EventSummaryBody = z.output<typeof eventSummary>;

/** Drafts never reach the API (the queries leave them out); this keeps them out of the types too. */
const isPublic = <T extends { status: EventStatus }>(e: T): e is T & { status: PublicStatus } => e.status !== 'draft';

export const eventsApi = new Hono<AppEnv>()
  .get('/events', async (c) => {
    const query = await parseQuery(c, eventsQuery, knownTaxonomy(c.var.deps.db, { theme: 'theme', region: 'region' }));
    if (!query.ok) return query.response;
    const { lang, from, to, month, ...filters } = query.data;
    // Without a period the API lists everything (past and upcoming), soonest first.
    const period = from || to || month ? { from: from ?? null, to: to ?? null } : { from: new Date(0), to: null };
    const result = await searchEvents(c.var.deps.db, { ...filters, ...period, month: month ?? null, when: 'upcoming' }, lang);
    const base = c.var.deps.config.BASE_URL;
    const summary = (e: EventHit & { status: PublicStatus }): EventSummaryBody => ({
      id: e.id,
      slug: e.slug,
      externalId: e.externalId,
      kind: e.kind,
      format: e.format,
      status: e.status,
      title: e.title,
      startsAt: isoWithOffset(e.startsAt, e.timeZone),
      endsAt: isoWithOffset(e.endsAt, e.timeZone),
      timeZone: e.timeZone,
      city: e.city,
      country: e.countryCode,
      themes: e.themes,
      languages: e.languages,
      url: `${base}/${lang}/events/${e.slug}`,
    });
    const body: z.output<typeof eventList> = {
      items: result.items.filter(isPublic).map(summary),
      total: result.total,
      page: result.page,
      pages: result.pages,
    };
    c.header('cache-control', 'public, max-age=60');
    return c.json(body);
  })
  .get('/events/:slug{[a-z0-9-]+}', async (c) => {
    const query = await parseQuery(c, eventQuery);
    if (!query.ok) return query.response;
    const { lang } = query.data;
    const loaded = await loadEvent(c.var.deps.db, c.req.param('slug'), lang, null);
    if (!loaded || !isPublic(loaded.event)) return c.json({ error: 'not_found' as const }, 404);
    const e = loaded.event;
    const text = loaded.text;
    const base = c.var.deps.config.BASE_URL;
    const body: z.output<typeof eventDetail> = {
      id: e.id,
      slug: e.slug,
      externalId: e.external_id,
      kind: e.kind,
      format: e.format,
      status: e.status,
      title: text.title,
      summary: text.summary,
      programme: text.programme,
      language: text.locale,
      startsAt: isoWithOffset(e.starts_at, e.time_zone),
      endsAt: isoWithOffset(e.ends_at, e.time_zone),
      timeZone: e.time_zone,
      venue: e.format === 'virtual' ? null : e.venue || null,
      city: e.city_name,
      country: e.country_code,
      hosts: e.hosts.map((h) => ({ city: h.name, country: h.country_code })),
      partners: e.partners,
      themes: e.themes,
      topics: e.topics,
      languages: e.languages,
      capacity: e.capacity,
      placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.registered),
      registrationOpensAt: e.registration_opens_at?.toISOString() ?? null,
      registrationClosesAt: (e.registration_closes_at ?? e.starts_at).toISOString(),
      recordings: e.recordings,
      url: `${base}/${lang}/events/${e.slug}`,
      calendar: `${base}/${lang}/events/${e.slug}.ics`,
    };
    c.header('cache-control', 'public, max-age=60');
    return c.json(body);
  });

/** This module's part of the OpenAPI document. */
export const eventsOpenApi: OpenApiPart = {
  paths: {
    '/events': {
      get: {
        operationId: 'searchEvents',
        summary: 'List public events (never drafts, never the join link)',
        parameters: parametersOf(eventsQuery, 'query'),
        responses: {
          200: jsonResponse('One page of events, earliest first, and the total.', 'EventList'),
          400: badRequestResponse,
        },
      },
    },
    '/events/{slug}': {
      get: {
        operationId: 'getEvent',
        summary: 'One public event (with programme, venue, hosts, partners, places left; never the join link)',
        parameters: [...parametersOf(eventPath, 'path'), ...parametersOf(eventQuery, 'query')],
        responses: {
          200: jsonResponse('The event.', 'EventDetail'),
          400: badRequestResponse,
          404: notFoundResponse('No such public event.'),
        },
      },
    },
  },
  schemas: componentSchemas({ EventSummary: eventSummary, EventList: eventList, EventDetail: eventDetail }),
};
