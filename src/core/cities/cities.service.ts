import type { Database } from '../../platform/db/client.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { type CityInput, findCityByName, insertCityIfNew, upsertCity } from './cities.queries.ts';

export type { CityInput };

/** Returns the id of the city, creating it on first mention. Slugs are unique within a country. */
export function ensureCity(db: Database, city: CityInput): Promise<number> {
  return upsertCity(db, city);
}

/** A city's name in the reader's locale (e.g. Arabic script), else its common name. */
export function cityName(city: { name: string; names: Record<string, string> }, locale: string): string {
  return city.names[locale] ?? city.name;
}

/**
 * The city a member typed, for a record they write: an existing city of that country with that name
 * (or the same slug: "Sao Paulo" is "São Paulo"), else a new one. Member input never renames a city,
 * since other practices and events point at the same row.
 */
export async function findOrAddCity(db: Database, countryCode: string, typedName: string): Promise<number> {
  const name = typedName.trim().replace(/\s+/g, ' ');
  return (
    (await findCityByName(db, countryCode, name)) ?? insertCityIfNew(db, { slug: slugify(name, 'city'), country_code: countryCode, name })
  );
}
