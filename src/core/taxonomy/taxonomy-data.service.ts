import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';

// The shared taxonomy (themes → topics, regions) and the country → region table, as shipped in
// src/db/seed/. Parsed with zod at load time so a broken edit fails loudly at start, not on a page.

const label = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<(typeof LOCALES)[number], z.ZodString>);
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const REGION_SLUGS = ['sub-saharan-africa', 'mena', 'southeast-europe-caucasus', 'latin-america', 'asia', 'europe'] as const;
export type RegionSlug = (typeof REGION_SLUGS)[number];

const taxonomySchema = z.object({
  themes: z.array(z.object({ slug, label, topics: z.array(z.object({ slug, label })).min(1) })).min(1),
  regions: z.array(z.object({ slug: z.enum(REGION_SLUGS), label })).length(REGION_SLUGS.length),
});

const countryRegionsSchema = z.record(z.string().regex(/^[A-Z]{2}$/), z.enum(REGION_SLUGS));

export type TaxonomyData = z.infer<typeof taxonomySchema>;
export type CountryRegions = z.infer<typeof countryRegionsSchema>;

const SEED_DIR = new URL('./data/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, SEED_DIR), 'utf8'));

export const taxonomyData: TaxonomyData = taxonomySchema.parse(readJson('taxonomy.json'));
export const countryRegions: CountryRegions = countryRegionsSchema.parse(readJson('country-regions.json'));

/** The 17 UN Sustainable Development Goals, 1 to 17 in order, with their official short names. */
const sdgsSchema = z
  .array(z.object({ number: z.number().int(), label }))
  .length(17)
  .refine((goals) => goals.every((goal, i) => goal.number === i + 1), 'numbered 1 to 17 in order');

export const sustainableDevelopmentGoals = sdgsSchema.parse(readJson('sdgs.json'));

/** A goal's official short name in the reader's language ("Sustainable cities and communities"). */
export function sdgName(goal: number, locale: Locale): string {
  return sustainableDevelopmentGoals[goal - 1]?.label[locale] ?? String(goal);
}
