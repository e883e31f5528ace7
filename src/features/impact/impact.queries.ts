import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

// The network's impact, from the records themselves: events held and who took part, good practices
// published, experts listed and project ideas. Each source is a set of rows (year, region, themes,
// amount, city, country) that `tally` counts in SQL per year, per region, per theme and in total, so a
// directory of 100,000 experts sends a few dozen rows to the application, not 100,000. The home page's
// figures (`countNetwork`) read the same sources, so both pages always say the same number.

// Sums come back as float8: exact up to 2^53 and a plain number on both drivers (a bigint would be a string).
export type TallyRow = { dim: 'total' | 'year' | 'region' | 'theme'; key: string | null; records: number; amount: number };

/** Whole years, both ends included; an end left open is not a limit. */
export type YearRange = { from: number | null; to: number | null };

/**
 * Published events that are over, in the year they took place (in their own time zone), with who took
 * part: those marked as attending once the editors marked attendance, else those registered, else the
 * figures reported for events before the platform (the same rule as an event's own page). Upcoming,
 * draft, cancelled and postponed events are not counted: they have not happened.
 */
function eventsHeld(now: Date): RawBuilder<unknown> {
  return sql`
    with marked as (select distinct event_id from event_registrations where attended is not null),
    took_part as (
      select r.event_id from event_registrations r left join marked m on m.event_id = r.event_id
      where case when m.event_id is not null then r.attended is true else r.status = 'registered' end),
    counted as (select event_id, count(*)::int as participants from took_part group by event_id)
    select extract(year from e.starts_at at time zone e.time_zone)::int as year,
      coalesce(e.region_slug, co.region_slug) as region,
      array(select theme_slug from event_themes where event_id = e.id order by 1) as themes,
      coalesce(k.participants, (e.reported_figures ->> 'participants')::bigint, 0) as amount,
      e.city_id, e.country_code::text as country_code
    from events e
    left join countries co on co.code = e.country_code
    left join counted k on k.event_id = e.id
    where e.status = 'published' and e.ends_at < ${now}`;
}

/**
 * Published good practices, in the year the practice itself started as its record says; without a
 * start year, in the year it was first published on the platform (published_at is kept when a
 * practice is published again). Never the day its row was imported: an import of old practices would
 * otherwise pile them all into this year.
 */
function practicesPublished(): RawBuilder<unknown> {
  return sql`
    select coalesce(p.start_year, extract(year from p.published_at)::int) as year, co.region_slug as region,
      array(select theme_slug from practice_themes where practice_id = p.id order by 1) as themes, 1 as amount,
      p.city_id, p.country_code::text as country_code
    from practices p left join countries co on co.code = p.country_code
    where p.status = 'published'`;
}

/**
 * Experts in the directory (hidden and suspended profiles are not counted), in the year they joined:
 * the member account's creation when it is older than the profile (someone who joined in 2021 and whose
 * profile was imported later joined in 2021), else the profile's. The exchange format carries no date.
 */
function expertsListed(): RawBuilder<unknown> {
  return sql`
    select extract(year from least(x.created_at, u.created_at))::int as year, co.region_slug as region,
      x.f_themes as themes, 1 as amount, x.city_id, x.country_code::text as country_code
    from experts x left join countries co on co.code = x.country_code left join users u on u.id = x.user_id
    where x.visibility <> 'hidden' and not x.suspended`;
}

/** Published project ideas, by the year of their first step. */
function projectIdeasPublished(): RawBuilder<unknown> {
  return sql`
    select (select extract(year from min(s.reached_on))::int from project_idea_stages s where s.project_idea_id = p.id) as year,
      co.region_slug as region,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes, 1 as amount,
      p.city_id, p.country_code::text as country_code
    from project_ideas p join countries co on co.code = p.country_code
    where p.status = 'published'`;
}

/** Only the rows of the range; a record without a year has no place in a range, so it drops out of one. */
function inRange(range: YearRange): RawBuilder<unknown> {
  if (range.from === null && range.to === null) return sql`true`;
  return sql`year is not null and year >= ${range.from ?? -1} and year <= ${range.to ?? 100_000}`;
}

function tally(db: Database, source: RawBuilder<unknown>, range: YearRange): Promise<TallyRow[]> {
  return sql<TallyRow>`
    with s as (${source}), r as (select * from s where ${inRange(range)})
    select 'total' as dim, null as key, count(*)::int as records, coalesce(sum(amount), 0)::float8 as amount from r
    union all
    select 'year', year::text, count(*)::int, coalesce(sum(amount), 0)::float8 from r where year is not null group by year
    union all
    select 'region', region, count(*)::int, coalesce(sum(amount), 0)::float8 from r where region is not null group by region
    union all
    select 'theme', theme, count(*)::int, coalesce(sum(amount), 0)::float8 from r cross join unnest(r.themes) as theme group by theme`
    .execute(db)
    .then((result) => result.rows);
}

export const tallyEvents = (db: Database, now: Date, range: YearRange) => tally(db, eventsHeld(now), range);
export const tallyPractices = (db: Database, range: YearRange) => tally(db, practicesPublished(), range);
export const tallyExperts = (db: Database, range: YearRange) => tally(db, expertsListed(), range);
export const tallyProjectIdeas = (db: Database, range: YearRange) => tally(db, projectIdeasPublished(), range);

export type NetworkNumbers = { experts: number; practices: number; events: number; cities: number; countries: number };

/**
 * The home page's figures: the impact page's experts, practices and events held (the same sources,
 * so the two pages agree), and the distinct cities and countries they are in. One statement, so the
 * figures are consistent with each other.
 */
export async function countNetwork(db: Database, now: Date): Promise<NetworkNumbers> {
  const result = await sql<NetworkNumbers>`
    with x as (${expertsListed()}), p as (${practicesPublished()}), e as (${eventsHeld(now)}),
    places as (
      select city_id, country_code from x union all select city_id, country_code from p
      union all select city_id, country_code from e
    ), located as (
      select pl.city_id, coalesce(pl.country_code, c.country_code) as country_code
      from places pl left join cities c on c.id = pl.city_id
    )
    select
      (select count(*)::int from x) as experts,
      (select count(*)::int from p) as practices,
      (select count(*)::int from e) as events,
      (select count(distinct city_id)::int from located where city_id is not null) as cities,
      (select count(distinct country_code)::int from located where country_code is not null) as countries
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('countNetwork returned no row');
  return row;
}
