import type { Database } from '../../platform/db/client.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { type CityPageRow, findCityBySlug, listCitiesWithSlug } from './cities.queries.ts';

// A municipality's page gathers what the platform holds about it. Cities are core and know no feature,
// so the page is a frame: each feature contributes its section through `citySections` (its practices,
// the experts the reader may see, the events it hosted, its project ideas), and applies its own rules
// of who may see what.

/** The city a section is asked for. */
export type CityRef = { id: number; slug: string; countryCode: string; name: string };

/** One kind of record linked to the city: a heading and its links (each with its language and a detail). */
export type CitySection = {
  heading: string;
  links: Array<{ href: string; title: string /** Language of the title. */; lang: string; detail?: string }>;
};

export type CitySectionSource = (
  ctx: { db: Database; i18n: I18n; viewer: CurrentUser | null },
  city: CityRef,
) => Promise<CitySection | null>;

/** What features add to a city's page, in the registry's order. */
export const citySections = extensionPoint<CitySectionSource>('cities.sections');

/**
 * The address of a city's page: its slug and its country, because slugs are unique only within a
 * country (there is a Córdoba in Spain and one in Argentina). A bare slug that names one city only
 * redirects here.
 */
export function cityPagePath(locale: string, city: { slug: string; country_code: string }): string {
  return `/${locale}/cities/${city.slug}-${city.country_code.toLowerCase()}`;
}

export type CityPageLookup =
  | { kind: 'city'; city: CityPageRow }
  /** A bare slug: the one city of that name, or the several (one per country) to choose from. */
  | { kind: 'elsewhere'; cities: CityPageRow[] }
  | { kind: 'none' };

/** The city an address names: `<slug>-<country>` first, else a bare slug. */
export async function findCityOfAddress(db: Database, key: string): Promise<CityPageLookup> {
  const m = /^([a-z0-9-]+)-([a-z]{2})$/.exec(key);
  const city = m ? await findCityBySlug(db, (m[2] as string).toUpperCase(), m[1] as string) : undefined;
  if (city) return { kind: 'city', city };
  const cities = await listCitiesWithSlug(db, key);
  return cities.length ? { kind: 'elsewhere', cities } : { kind: 'none' };
}

/** Every feature's section for the city, in the registry's order; empty ones left out. */
export async function loadCitySections(
  sources: CitySectionSource[],
  ctx: { db: Database; i18n: I18n; viewer: CurrentUser | null },
  city: CityPageRow,
): Promise<CitySection[]> {
  const ref: CityRef = { id: city.id, slug: city.slug, countryCode: city.country_code, name: city.name };
  const sections = await Promise.all(sources.map((source) => source(ctx, ref)));
  return sections.filter((s): s is CitySection => s !== null && s.links.length > 0);
}
