import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventCityRow, eventTextIn } from '../events.queries.ts';
import type { EventRow } from '../events.table.ts';

// Events as items of newsletter editions. An event is named by its externalId; one made before external
// ids existed has none, and is then `event-<id>`, the name the events export gives it, so an edition
// exported with such a ref imports back to the same event.

/** The name of `e` in refs (`event:<ref_id>`). */
const REF_ID = sql<string>`coalesce(e.external_id, 'event-' || e.id)`;

/** The events named by these ref ids (externalId, else `event-<id>`). */
const named = (refIds: string[]) =>
  sql`(e.external_id in (${sql.join(refIds)}) or (e.external_id is null and ('event-' || e.id) in (${sql.join(refIds)})))`;

export type EventItemRow = Pick<EventRow, 'slug' | 'format' | 'status' | 'starts_at' | 'ends_at' | 'time_zone' | 'country_code'> &
  EventCityRow & { ref_id: string; title: string; summary: string; content_locale: string };

const ITEM_COLUMNS = sql`${REF_ID} as ref_id, e.slug, e.format, e.status, e.starts_at, e.ends_at, e.time_zone,
  e.country_code::text as country_code, c.name as city_name, c.names as city_names,
  tr.title, tr.summary, tr.locale as content_locale`;

/**
 * In one statement (one snapshot): published events that ended in [since, until) — held —, and those
 * not over at `until` that start before `horizon` — coming. Held ones latest first, then coming ones
 * soonest first; at most `limit` of each.
 */
export async function listEventsForEdition(
  db: Database,
  locale: Locale,
  w: { since: Date; until: Date; horizon: Date; limit: number },
): Promise<Array<EventItemRow & { held: boolean }>> {
  const result = await sql<EventItemRow & { held: boolean }>`
    select * from (
      (select ${ITEM_COLUMNS}, true as held
       from events e left join cities c on c.id = e.city_id cross join lateral ${eventTextIn(locale)} tr
       where e.status = 'published' and e.ends_at >= ${w.since} and e.ends_at < ${w.until}
       order by e.ends_at desc, e.id desc limit ${w.limit})
      union all
      (select ${ITEM_COLUMNS}, false as held
       from events e left join cities c on c.id = e.city_id cross join lateral ${eventTextIn(locale)} tr
       where e.status = 'published' and e.ends_at >= ${w.until} and e.starts_at < ${w.horizon}
       order by e.starts_at, e.id limit ${w.limit})
    ) x`.execute(db);
  return result.rows;
}

/**
 * The public events (not drafts) among these ref ids, in `locale` or the best fallback. Cancelled and
 * postponed events keep their public page, so an edition that announced one still shows it, marked.
 */
export async function findEventItems(db: Database, locale: Locale, refIds: string[]): Promise<EventItemRow[]> {
  if (!refIds.length) return [];
  const result = await sql<EventItemRow>`
    select ${ITEM_COLUMNS}
    from events e left join cities c on c.id = e.city_id cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft' and ${named(refIds)}`.execute(db);
  return result.rows;
}

/** Which of these ref ids name a public event. */
export async function findPublicEventRefIds(db: Database, refIds: string[]): Promise<string[]> {
  if (!refIds.length) return [];
  const result = await sql<{ ref_id: string }>`
    select ${REF_ID} as ref_id from events e where e.status <> 'draft' and ${named(refIds)}`.execute(db);
  return result.rows.map((r) => r.ref_id);
}
