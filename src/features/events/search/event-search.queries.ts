import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import {
  type EventCityRow,
  type EventHeadRow,
  type EventListsRow,
  type EventTextInRow,
  eventHeadColumns,
  eventLanguages,
  eventTextIn,
  eventThemes,
} from '../events.queries.ts';
import type { EventFormat, EventKind, EventRow } from '../events.table.ts';

export type EventFilters = {
  /** Still running or to come at `now` (upcoming), over (past), or both (the API with from/to). */
  when: 'upcoming' | 'past' | 'all';
  now: Date;
  from: Date | null;
  to: Date | null;
  kinds: EventKind[];
  formats: EventFormat[];
  themes: string[];
  regions: string[];
  languages: string[];
  /** A series or learning process, by slug. */
  series: string | null;
  process: string | null;
  limit: number;
  offset: number;
};

export type EventListRow = EventHeadRow &
  EventTextInRow &
  EventCityRow &
  Pick<EventRow, 'country_code' | 'region_slug'> &
  Pick<EventListsRow, 'themes' | 'languages'> &
  EventOutcomeFlags & { content_locale: string; total: number };

/** Whether a past event has recordings, and documentation (a text in any language, or documents). */
export type EventOutcomeFlags = { recorded: boolean; documented: boolean };

// The flags of `EventOutcomeFlags` for `e`: false while the event is not over at `now`, since a
// recording link given in advance (a livestream) is no sign that anything can be watched yet.
const recordedFlag = (now: Date) => sql<boolean>`(e.ends_at < ${now} and jsonb_array_length(e.recordings) > 0)`;
const documentedFlag = (now: Date) =>
  sql<boolean>`(e.ends_at < ${now} and (jsonb_array_length(e.documents) > 0
    or exists (select 1 from event_translations d where d.event_id = e.id and d.documentation <> '')))`;

/**
 * Public events (not drafts) matching every filter, with the total. The region is the event's own or
 * its country's. Upcoming events come soonest first, past ones latest first.
 */
export async function searchEvents(db: Database, locale: Locale, f: EventFilters): Promise<EventListRow[]> {
  const any = (column: string, values: string[]) => (values.length ? sql`and ${sql.ref(column)} in (${sql.join(values)})` : sql``);
  const has = (table: string, column: string, values: string[]) =>
    values.length
      ? sql`and exists (select 1 from ${sql.table(table)} l where l.event_id = e.id and ${sql.ref(`l.${column}`)} in (${sql.join(values)}))`
      : sql``;
  const when = f.when === 'upcoming' ? sql`and e.ends_at >= ${f.now}` : f.when === 'past' ? sql`and e.ends_at < ${f.now}` : sql``;
  const order = f.when === 'past' ? sql`e.starts_at desc, e.id desc` : sql`e.starts_at, e.id`;
  const result = await sql<EventListRow>`
    select ${eventHeadColumns},
      tr.title, tr.summary, tr.locale as content_locale, c.name as city_name, c.names as city_names,
      e.country_code::text as country_code, coalesce(e.region_slug, co.region_slug) as region_slug,
      ${eventThemes} as themes, ${eventLanguages} as languages, ${recordedFlag(f.now)} as recorded, ${documentedFlag(f.now)} as documented,
      count(*) over ()::int as total
    from events e
    left join cities c on c.id = e.city_id
    left join countries co on co.code = e.country_code
    cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft' ${when}
      ${f.from ? sql`and e.ends_at >= ${f.from}` : sql``}
      ${f.to ? sql`and e.starts_at < ${f.to}` : sql``}
      ${any('e.kind', f.kinds)} ${any('e.format', f.formats)}
      ${f.regions.length ? sql`and coalesce(e.region_slug, co.region_slug) in (${sql.join(f.regions)})` : sql``}
      ${has('event_themes', 'theme_slug', f.themes)} ${has('event_languages', 'code', f.languages)}
      ${f.series ? sql`and e.series_id = (select id from event_series where slug = ${f.series})` : sql``}
      ${f.process ? sql`and e.learning_process_id = (select id from learning_processes where slug = ${f.process})` : sql``}
    order by ${order}
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return result.rows;
}

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
      recordedFlag(now).as('recorded'),
      documentedFlag(now).as('documented'),
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

/** Public events held in a municipality or hosted by it, latest first. */
export async function listEventsOfCity(db: Database, locale: Locale, cityId: number, limit: number) {
  const result = await sql<Pick<EventListRow, 'slug' | 'starts_at' | 'ends_at' | 'time_zone' | 'title'> & { content_locale: string }>`
    select e.slug, e.starts_at, e.ends_at, e.time_zone, tr.title, tr.locale as content_locale
    from events e
    cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft'
      and (e.city_id = ${cityId} or exists (select 1 from event_hosts h where h.event_id = e.id and h.city_id = ${cityId}))
    order by e.starts_at desc, e.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}
