import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

export type NetworkNumbers = { experts: number; practices: number; events: number; cities: number; countries: number };

/**
 * The network in numbers, live: listed experts, published practices and events, and the distinct
 * cities and countries they come from. One statement, so the figures are consistent with each other.
 */
export async function countNetwork(db: Database): Promise<NetworkNumbers> {
  const result = await sql<NetworkNumbers>`
    with places as (
      select city_id, country_code from experts where visibility <> 'hidden'
      union all
      select city_id, country_code from practices where status = 'published'
      union all
      select city_id, country_code from events where status = 'published'
    ), located as (
      select p.city_id, coalesce(p.country_code, c.country_code) as country_code
      from places p left join cities c on c.id = p.city_id
    )
    select
      (select count(*)::int from experts where visibility <> 'hidden') as experts,
      (select count(*)::int from practices where status = 'published') as practices,
      (select count(*)::int from events where status = 'published') as events,
      (select count(distinct city_id)::int from located where city_id is not null) as cities,
      (select count(distinct country_code)::int from located where country_code is not null) as countries
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('countNetwork returned no row');
  return row;
}

/** Cheapest round trip that proves the database answers. */
export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
