import type { Database } from '../../db/client.ts';
import { type CityInput, upsertCity } from './cities.queries.ts';

export type { CityInput };

/** Returns the id of the city, creating it on first mention. Slugs are unique within a country. */
export function ensureCity(db: Database, city: CityInput): Promise<number> {
  return upsertCity(db, city);
}

/** A city's name in the reader's locale (e.g. Arabic script), else its common name. */
export function cityName(city: { name: string; names: Record<string, string> }, locale: string): string {
  return city.names[locale] ?? city.name;
}
