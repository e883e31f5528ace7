import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

// The network's impact, from the records themselves: events held and who took part, good practices
// published, experts listed and project ideas. Each source is a set of rows (year, region, themes,
// amount) that `tally` counts in SQL per year, per region, per theme and in total, so a directory of
// 100,000 experts sends a few dozen rows to the application, not 100,000.

// Sums come back as float8: exact up to 2^53 and a plain number on both drivers (a bigint would be a string).
export type TallyRow = { dim: 'total' | 'year' | 'region' | 'theme'; key: string | null; records: number; amount: number };

function tally(db: Database, source: RawBuilder<unknown>): Promise<TallyRow[]> {
  return sql<TallyRow>`
    with r as (${source})
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

/**
 * Published events that are over, with who took part: those marked as attending once the editors
 * marked attendance, else those registered, else the figures reported for events before the platform
 * (the same rule as an event's own page).
 */
export function tallyEvents(db: Database, now: Date): Promise<TallyRow[]> {
  return tally(
    db,
    sql`
    with marked as (select distinct event_id from event_registrations where attended is not null),
    took_part as (
      select r.event_id from event_registrations r left join marked m on m.event_id = r.event_id
      where case when m.event_id is not null then r.attended is true else r.status = 'registered' end),
    counted as (select event_id, count(*)::int as participants from took_part group by event_id)
    select extract(year from e.starts_at at time zone e.time_zone)::int as year,
      coalesce(e.region_slug, co.region_slug) as region,
      array(select theme_slug from event_themes where event_id = e.id order by 1) as themes,
      coalesce(k.participants, (e.reported_figures ->> 'participants')::bigint, 0) as amount
    from events e
    left join countries co on co.code = e.country_code
    left join counted k on k.event_id = e.id
    where e.status = 'published' and e.ends_at < ${now}`,
  );
}

/** Published good practices, by the year they were published and the region of their country. */
export function tallyPractices(db: Database): Promise<TallyRow[]> {
  return tally(
    db,
    sql`
    select extract(year from p.published_at)::int as year, co.region_slug as region,
      array(select theme_slug from practice_themes where practice_id = p.id order by 1) as themes, 1 as amount
    from practices p left join countries co on co.code = p.country_code
    where p.status = 'published'`,
  );
}

/** Experts in the directory (hidden and suspended profiles are not counted), by the year they joined. */
export function tallyExperts(db: Database): Promise<TallyRow[]> {
  return tally(
    db,
    sql`
    select extract(year from x.created_at)::int as year, co.region_slug as region, x.f_themes as themes, 1 as amount
    from experts x left join countries co on co.code = x.country_code
    where x.visibility <> 'hidden' and not x.suspended`,
  );
}

/** Published project ideas, by the year of their first step. */
export function tallyProjectIdeas(db: Database): Promise<TallyRow[]> {
  return tally(
    db,
    sql`
    select (select extract(year from min(s.reached_on))::int from project_idea_stages s where s.project_idea_id = p.id) as year,
      co.region_slug as region,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes, 1 as amount
    from project_ideas p join countries co on co.code = p.country_code
    where p.status = 'published'`,
  );
}
