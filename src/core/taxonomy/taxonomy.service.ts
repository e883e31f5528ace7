import type { Database } from '../../platform/db/client.ts';
import { createResultCache } from '../../platform/db/result-cache.ts';
import type { KnownValues, Lookup } from '../../platform/http/api-params.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import * as q from './taxonomy.queries.ts';
import { type CountryRegions, countryRegions, type TaxonomyData, taxonomyData } from './taxonomy-data.service.ts';

export type TaxonomyLoadReport = { regions: number; themes: number; topics: number; countries: number };

/**
 * Loads themes, topics, regions and the country → region table into the database. Idempotent: it
 * upserts by slug/code, so it runs on every start and picks up entries added to the seed files.
 */
export async function loadTaxonomy(
  db: Database,
  data: TaxonomyData = taxonomyData,
  regionOf: CountryRegions = countryRegions,
): Promise<TaxonomyLoadReport> {
  const topics = data.themes.flatMap((theme) =>
    theme.topics.map((topic, position) => ({ slug: topic.slug, theme_slug: theme.slug, position, label: topic.label })),
  );
  const countries = Object.entries(regionOf).map(([code, region_slug]) => ({ code, region_slug }));
  await db.transaction().execute(async (trx) => {
    await q.upsertRegions(
      trx,
      data.regions.map((r, position) => ({ slug: r.slug, position, label: r.label })),
    );
    await q.upsertThemes(
      trx,
      data.themes.map((t, position) => ({ slug: t.slug, position, label: t.label })),
    );
    await q.upsertTopics(trx, topics);
    await q.upsertCountries(trx, countries);
  });
  return { regions: data.regions.length, themes: data.themes.length, topics: topics.length, countries: countries.length };
}

// The taxonomy changes when the reference data is loaded, not between requests: each process keeps the
// lists until a content counter moves (ADR 015), instead of reading them for every page that filters.
const lists = createResultCache({ ttlMs: 60 * 60_000, maxEntries: 16 });
const themesOf = (db: Database) => lists.get(db, 'themes', () => q.listThemes(db));
const topicsOf = (db: Database) => lists.get(db, 'topics', () => q.listTopics(db));
const countriesOf = (db: Database) => lists.get(db, 'countries', () => q.listCountryCodes(db));

export type ThemeWithTopics = { slug: string; label: string; topics: Array<{ slug: string; label: string }> };

/** Themes in their order, each with its topics, labelled in the reader's locale. */
export async function listThemesWithTopics(db: Database, locale: Locale): Promise<ThemeWithTopics[]> {
  const [themes, topics] = await Promise.all([themesOf(db), topicsOf(db)]);
  const pick = (label: Record<string, string>) => label[locale] ?? label.en ?? '';
  return themes.map((theme) => ({
    slug: theme.slug,
    label: pick(theme.label),
    topics: topics.filter((t) => t.theme_slug === theme.slug).map((t) => ({ slug: t.slug, label: pick(t.label) })),
  }));
}

/** The programme region of an ISO 3166-1 alpha-2 country code, or null for an unknown code. */
export function regionOfCountry(db: Database, code: string): Promise<string | null> {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(normalized)) return Promise.resolve(null);
  return q.findRegionOfCountry(db, normalized);
}

export function countCountriesByRegion(db: Database) {
  return q.countCountriesByRegion(db);
}

/** Shared by every request until the lists change: read-only. */
export type TaxonomyIndex = {
  readonly themes: ReadonlySet<string>;
  readonly themeOfTopic: ReadonlyMap<string, string>;
  readonly countries: ReadonlySet<string>;
  readonly regionOfCountry: ReadonlyMap<string, string>;
  readonly regions: ReadonlySet<string>;
};

/** Every valid theme slug, topic slug (with its theme), country code (with its region) and region. */
// The index of the lists last read: the kept lists are the same objects until one changes, and a search
// page asks for the index twice (its parameters, the region of each country), so it is built once per change.
const indexes = new WeakMap<object, { themes: object; topics: object; index: TaxonomyIndex }>();

export async function loadTaxonomyIndex(db: Database): Promise<TaxonomyIndex> {
  const [themes, topics, countries] = await Promise.all([themesOf(db), topicsOf(db), countriesOf(db)]);
  const kept = indexes.get(countries);
  if (kept && kept.themes === themes && kept.topics === topics) return kept.index;
  const index: TaxonomyIndex = {
    themes: new Set(themes.map((t) => t.slug)),
    themeOfTopic: new Map(topics.map((t) => [t.slug, t.theme_slug])),
    countries: new Set(countries.map((c) => c.code)),
    regionOfCountry: new Map(countries.flatMap((c) => (c.region_slug ? [[c.code, c.region_slug] as const] : []))),
    regions: new Set(countries.flatMap((c) => (c.region_slug ? [c.region_slug] : []))),
  };
  indexes.set(countries, { themes, topics, index });
  return index;
}

/** The kinds of taxonomy value a request may name, and how a reason calls them ("unknown country code"). */
const KINDS = {
  theme: { label: 'theme', lookup: (t: TaxonomyIndex): Lookup => t.themes },
  topic: { label: 'topic', lookup: (t: TaxonomyIndex): Lookup => t.themeOfTopic },
  region: { label: 'region', lookup: (t: TaxonomyIndex): Lookup => t.regions },
  country: { label: 'country code', lookup: (t: TaxonomyIndex): Lookup => t.countries },
};

/**
 * The taxonomy values a request names that must exist, each kind under the key that carries it
 * (`{ topic: 'topics' }` for a body's list): for the API's 400 answers and the search pages' notes.
 */
export function knownTaxonomy(db: Database, keys: Partial<Record<keyof typeof KINDS, string>>): KnownValues<TaxonomyIndex> {
  const given = Object.entries(keys) as Array<[keyof typeof KINDS, string]>;
  return {
    load: () => loadTaxonomyIndex(db),
    keys: Object.fromEntries(given.map(([kind, key]) => [key, KINDS[kind].lookup])),
    labels: Object.fromEntries(given.map(([kind, key]) => [key, KINDS[kind].label])),
  };
}

export type CountryChoice = { code: string; name: string };

/** The countries a form offers, named in the reader's language and sorted as that language sorts. */
export function countryChoices(index: TaxonomyIndex, i18n: Pick<I18n, 'locale' | 'countryName'>): CountryChoice[] {
  return [...index.countries]
    .map((code) => ({ code, name: i18n.countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
}
