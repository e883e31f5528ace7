import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

export type CityInput = { slug: string; country_code: string; name: string; names: Record<string, string> };

/** Inserts or updates a city by (country, slug) and returns its id. */
export async function upsertCity(db: Database, city: CityInput): Promise<number> {
  const row = await db
    .insertInto('cities')
    .values({ ...city, names: JSON.stringify(city.names) })
    .onConflict((oc) =>
      oc.columns(['country_code', 'slug']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        // A mention without localized names (an import) keeps the names the city already has.
        names: sql`case when excluded.names = '{}'::jsonb then cities.names else excluded.names end`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A city of the country known by this name (its common name or any localized one, case-insensitive). */
export async function findCityByName(db: Database, countryCode: string, name: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('cities')
    .select('id')
    .where('country_code', '=', countryCode)
    .where((eb) =>
      eb.or([
        eb(sql`lower(name)`, '=', name.toLowerCase()),
        eb(sql`exists (select 1 from jsonb_each_text(names) n where lower(n.value) = ${name.toLowerCase()})`, '=', sql`true`),
      ]),
    )
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Adds a city unless one with the slug exists; either way returns the id. Never renames a city. */
export async function insertCityIfNew(db: Database, city: { slug: string; country_code: string; name: string }): Promise<number> {
  await db
    .insertInto('cities')
    .values({ ...city, names: '{}' })
    .onConflict((oc) => oc.columns(['country_code', 'slug']).doNothing())
    .execute();
  const row = await db
    .selectFrom('cities')
    .select('id')
    .where('country_code', '=', city.country_code)
    .where('slug', '=', city.slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export type CityPageRow = { id: number; slug: string; country_code: string; name: string; names: Record<string, string> };

/** The city of that country with that slug (the address of its page). */
export async function findCityBySlug(db: Database, countryCode: string, slug: string): Promise<CityPageRow | undefined> {
  return db
    .selectFrom('cities')
    .select(['id', 'slug', 'country_code', 'name', 'names'])
    .where('country_code', '=', countryCode)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Every city with that slug, whatever its country (slugs are unique only within a country). */
export function listCitiesWithSlug(db: Database, slug: string): Promise<CityPageRow[]> {
  return db
    .selectFrom('cities')
    .select(['id', 'slug', 'country_code', 'name', 'names'])
    .where('slug', '=', slug)
    .orderBy('country_code')
    .execute();
}
