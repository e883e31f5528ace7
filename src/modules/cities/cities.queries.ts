import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';

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
