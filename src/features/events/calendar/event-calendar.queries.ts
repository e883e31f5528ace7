import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventCityRow, type EventListsRow, type EventTextInRow, eventTextIn, eventThemes } from '../events.queries.ts';
import type { EventRow, EventStatus } from '../events.table.ts';

export type CalendarRow = Pick<
  EventRow,
  'id' | 'slug' | 'starts_at' | 'ends_at' | 'venue' | 'country_code' | 'format' | 'sequence' | 'updated_at'
> &
  EventTextInRow &
  Pick<EventCityRow, 'city_name'> &
  Pick<EventListsRow, 'themes'> & { status: Exclude<EventStatus, 'draft'> };

/** Public events for a calendar feed (from `since` on, optionally of one theme), in the reader's language. */
export async function listCalendarEvents(db: Database, locale: Locale, options: { since: Date; theme?: string; limit: number }) {
  const result = await sql<CalendarRow>`
    select e.id, e.slug, tr.title, tr.summary, e.starts_at, e.ends_at, e.venue, c.name as city_name, e.country_code::text as country_code,
      e.format, e.status, e.sequence, e.updated_at, ${eventThemes} as themes
    from events e left join cities c on c.id = e.city_id
    cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft' and e.ends_at >= ${options.since}
      ${options.theme ? sql`and exists (select 1 from event_themes th where th.event_id = e.id and th.theme_slug = ${options.theme})` : sql``}
    order by e.starts_at, e.id limit ${options.limit}`.execute(db);
  return result.rows;
}
