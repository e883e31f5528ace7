import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { isoWithOffset } from '../../platform/lib/time-zones.ts';
import { loadEvent } from './event-page.service.ts';
import { readEventSearchParams, searchEvents } from './event-search.service.ts';

const langOf = (value: string | undefined): Locale => (isLocale(value) ? value : 'en');

// Events as JSON: public data only. Never the join link (participants get it on the page and in their
// mail), never drafts. Times are instants written with the offset of the event's own zone, so
// "2026-11-24T10:00:00+03:00" still reads as ten o'clock where the event happens.

export const eventsApi = new Hono<AppEnv>()
  .get('/events', async (c) => {
    const url = new URL(c.req.url);
    const lang = langOf(url.searchParams.get('lang') ?? undefined);
    const params = readEventSearchParams(url);
    // Without a period the API lists everything (past and upcoming), soonest first.
    const period = params.from || params.to || params.month ? params : { ...params, from: new Date(0) };
    const result = await searchEvents(c.var.deps.db, period, lang);
    const base = c.var.deps.config.BASE_URL;
    c.header('cache-control', 'public, max-age=60');
    return c.json({
      items: result.items.map((e) => ({
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
      })),
      total: result.total,
      page: result.page,
      pages: result.pages,
    });
  })
  .get('/events/:slug{[a-z0-9-]+}', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const loaded = await loadEvent(c.var.deps.db, c.req.param('slug'), lang, null);
    if (!loaded) return c.json({ error: 'not_found' }, 404);
    const { event: e, text } = loaded;
    const base = c.var.deps.config.BASE_URL;
    c.header('cache-control', 'public, max-age=60');
    return c.json({
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
    });
  });
