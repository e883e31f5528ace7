import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';

// The network's impact, from the records themselves: events held and who took part, good practices
// published, experts listed and project ideas. Each query returns one row per record with the year,
// region and themes it counts under; the service adds them up (a network has thousands, not millions).

export type EventImpactRow = {
  year: number;
  region: string | null;
  themes: string[];
  participants: number;
  municipalities: number;
  countries: number;
};

/**
 * Published events that are over, with who took part: those marked as attending once the editors
 * marked attendance, else those registered, else the figures reported for events before the platform
 * (the same rule as an event's own page).
 */
export async function listEventImpact(db: Database, now: Date): Promise<EventImpactRow[]> {
  const result = await sql<EventImpactRow>`
    with marked as (select distinct event_id from event_registrations where attended is not null),
    took_part as (
      select r.event_id, r.city_id, r.country_code from event_registrations r left join marked m on m.event_id = r.event_id
      where case when m.event_id is not null then r.attended is true else r.status = 'registered' end),
    counted as (
      select event_id, count(*)::int as participants, count(distinct city_id)::int as municipalities,
        count(distinct country_code)::int as countries
      from took_part group by event_id)
    select extract(year from e.starts_at at time zone e.time_zone)::int as year,
      coalesce(e.region_slug, co.region_slug) as region,
      array(select theme_slug from event_themes where event_id = e.id order by 1) as themes,
      coalesce(k.participants, (e.reported_figures ->> 'participants')::int, 0) as participants,
      coalesce(k.municipalities, (e.reported_figures ->> 'municipalities')::int, 0) as municipalities,
      coalesce(k.countries, (e.reported_figures ->> 'countries')::int, 0) as countries
    from events e
    left join countries co on co.code = e.country_code
    left join counted k on k.event_id = e.id
    where e.status = 'published' and e.ends_at < ${now}`.execute(db);
  return result.rows;
}

export type RecordImpactRow = { year: number | null; region: string | null; themes: string[] };

/** Published good practices, by the year they were published and the region of their country. */
export async function listPracticeImpact(db: Database): Promise<RecordImpactRow[]> {
  const result = await sql<RecordImpactRow>`
    select extract(year from p.published_at)::int as year, co.region_slug as region,
      array(select theme_slug from practice_themes where practice_id = p.id order by 1) as themes
    from practices p left join countries co on co.code = p.country_code
    where p.status = 'published'`.execute(db);
  return result.rows;
}

/** Experts in the directory (hidden and suspended profiles are not counted), by the year they joined. */
export async function listExpertImpact(db: Database): Promise<RecordImpactRow[]> {
  const result = await sql<RecordImpactRow>`
    select extract(year from x.created_at)::int as year, co.region_slug as region, x.f_themes as themes
    from experts x left join countries co on co.code = x.country_code
    where x.visibility <> 'hidden' and not x.suspended`.execute(db);
  return result.rows;
}

/** Published project ideas, by the year of their first step. */
export async function listProjectIdeaImpact(db: Database): Promise<RecordImpactRow[]> {
  const result = await sql<RecordImpactRow>`
    select (select extract(year from min(s.reached_on))::int from project_idea_stages s where s.project_idea_id = p.id) as year,
      co.region_slug as region,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes
    from project_ideas p join countries co on co.code = p.country_code
    where p.status = 'published'`.execute(db);
  return result.rows;
}
