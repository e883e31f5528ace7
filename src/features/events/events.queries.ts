import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

/** Published events that end on/after `today` (upcoming, soonest first) or before it (past, latest first). */
export function listPublishedEvents(db: Database, locale: Locale, when: 'upcoming' | 'past', now: Date, limit: number) {
  let query = db
    .selectFrom('events as e')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('event_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('event_id', '=', 'e.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .leftJoin('cities as c', 'c.id', 'e.city_id')
    .select([
      'e.slug',
      'e.kind',
      'e.format',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.country_code',
      'e.region_slug',
      'tr.title',
      'tr.summary',
      'tr.locale as content_locale',
      'c.name as city_name',
      'c.names as city_names',
    ])
    .where('e.status', '=', 'published');
  query =
    when === 'upcoming'
      ? query.where('e.ends_at', '>=', now).orderBy('e.starts_at', 'asc')
      : query.where('e.ends_at', '<', now).orderBy('e.starts_at', 'desc');
  return query.orderBy('e.id').limit(limit).execute();
}

/** Series with their period, in the reader's language or the best fallback. */
export function listSeries(db: Database, locale: Locale, limit: number) {
  return db
    .selectFrom('event_series as s')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('event_series_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('event_series_id', '=', 's.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .select(['s.slug', 's.starts_on', 's.ends_on', 'tr.title', 'tr.summary', 'tr.locale as content_locale'])
    .orderBy('s.starts_on', (ob) => ob.desc().nullsLast())
    .limit(limit)
    .execute();
}

export type CalendarRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  city_name: string | null;
  country_code: string | null;
  format: string;
  status: 'published' | 'cancelled' | 'postponed';
  sequence: number;
  updated_at: Date;
  themes: string[];
};

/** Public events for a calendar feed (from `since` on, optionally of one theme), in the reader's language. */
export async function listCalendarEvents(db: Database, locale: Locale, options: { since: Date; theme?: string; limit: number }) {
  const result = await sql<CalendarRow>`
    select e.id, e.slug, tr.title, tr.summary, e.starts_at, e.ends_at, e.venue, c.name as city_name, e.country_code::text as country_code,
      e.format, e.status, e.sequence, e.updated_at, array(select theme_slug from event_themes where event_id = e.id order by 1) as themes
    from events e left join cities c on c.id = e.city_id
    cross join lateral (select t.title, t.summary from event_translations t where t.event_id = e.id order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where e.status <> 'draft' and e.ends_at >= ${options.since}
      ${options.theme ? sql`and exists (select 1 from event_themes th where th.event_id = e.id and th.theme_slug = ${options.theme})` : sql``}
    order by e.starts_at, e.id limit ${options.limit}`.execute(db);
  return result.rows;
}
