import { type Selectable, sql } from 'kysely';
import type { CitiesTable } from '../../core/cities/cities.table.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { EventRow, EventTextRow } from './events.table.ts';

// The parts of a select list that every reading of events shares (the page, the search, the export, the
// calendar, the mails), each next to the row type it yields, so the SQL and the types stay in step.
// All expect the event as `e`.

/** The columns every event row starts with. */
export const eventHeadColumns = sql`e.id, e.slug, e.external_id, e.kind, e.format, e.status, e.starts_at, e.ends_at, e.time_zone`;
export type EventHeadRow = Pick<
  EventRow,
  'id' | 'slug' | 'external_id' | 'kind' | 'format' | 'status' | 'starts_at' | 'ends_at' | 'time_zone'
>;

/** The event's themes, topics and working languages, each sorted. */
export const eventThemes = sql`array(select theme_slug from event_themes where event_id = e.id order by 1)`;
export const eventTopics = sql`array(select topic_slug from event_topics where event_id = e.id order by 1)`;
export const eventLanguages = sql`array(select code from event_languages where event_id = e.id order by 1)`;
/** All three, as `themes`, `topics` and `languages`. */
export const eventListColumns = sql`${eventThemes} as themes, ${eventTopics} as topics, ${eventLanguages} as languages`;
export type EventListsRow = { themes: string[]; topics: string[]; languages: string[] };

/**
 * The event's text in `locale`, else English, else any (title, summary, locale): joined as
 * `cross join lateral ${eventTextIn(locale)} tr`.
 */
export const eventTextIn = (locale: Locale) =>
  sql`(select t.title, t.summary, t.locale from event_translations t where t.event_id = e.id order by ${preferLocale(locale, 't.locale')} limit 1)`;
export type EventTextInRow = Pick<EventTextRow, 'title' | 'summary'>;

type CityRow = Selectable<CitiesTable>;
/** The event's municipality (`left join cities c`): its name, and its names per language. */
export type EventCityRow = { city_name: CityRow['name'] | null; city_names: CityRow['names'] | null };
