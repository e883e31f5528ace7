import { loadTaxonomyIndex } from '../../src/core/taxonomy/taxonomy.service.ts';
import type { ExpertVisibility } from '../../src/features/experts/experts.table.ts';
import type { Database } from '../../src/platform/db/client.ts';

export type ExpertFixture = {
  slug: string;
  name: string;
  visibility: ExpertVisibility;
  country: string;
  organisation: string;
  languages: Array<[string, 'working' | 'fluent' | 'native']>;
  themes?: string[];
  topics: string[];
  regions?: string[];
  availability: string[];
  texts: Record<string, { headline: string; bio: string }>;
};

/** Three experts: public (DE), members-only (JO, Arabic), hidden (EC, Spanish), all on waste management. */
export const EXPERT_FIXTURES: ExpertFixture[] = [
  {
    slug: 'anna-schmidt',
    name: 'Anna Schmidt',
    visibility: 'public',
    country: 'DE',
    organisation: 'Stadt Trier, Abfallwirtschaft',
    languages: [
      ['de', 'native'],
      ['en', 'fluent'],
    ],
    topics: ['waste-management'],
    regions: ['mena'],
    availability: ['advice', 'missions'],
    texts: {
      de: { headline: 'Abfallwirtschaft mit Abfallsammlerinnen', bio: 'Kooperation mit informellen Abfallsammlerinnen in Jordanien.' },
    },
  },
  {
    slug: 'karim-haddad',
    name: 'Karim Haddad',
    visibility: 'members',
    country: 'JO',
    organisation: 'Greater Irbid Municipality',
    languages: [
      ['ar', 'native'],
      ['en', 'working'],
    ],
    topics: ['waste-management'],
    availability: ['study-visits'],
    texts: { en: { headline: 'Solid waste collection in host communities', bio: 'Collection routes for a city that doubled in size.' } },
  },
  {
    slug: 'lucia-paredes',
    name: 'Lucía Paredes',
    visibility: 'hidden',
    country: 'EC',
    organisation: 'Municipio de Quito',
    languages: [['es', 'native']],
    topics: ['waste-management'],
    availability: ['speaking'],
    texts: {
      es: { headline: 'Reciclaje inclusivo con recicladores de base', bio: 'Integración de recicladores en el sistema municipal.' },
    },
  },
];

/** Writes a profile straight into the tables (the profile form and the importer have their own tests). */
export async function insertExpert(db: Database, f: ExpertFixture): Promise<number> {
  const index = await loadTaxonomyIndex(db);
  const { id } = await db
    .insertInto('experts')
    .values({
      slug: f.slug,
      display_name: f.name,
      country_code: f.country,
      visibility: f.visibility,
      organisation: f.organisation,
      availability: f.availability as never,
      listing_consent_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('expert_languages')
    .values(f.languages.map(([code, level]) => ({ expert_id: id, code, level })))
    .execute();
  await db
    .insertInto('expert_topics')
    .values(f.topics.map((topic_slug) => ({ expert_id: id, topic_slug })))
    .execute();
  const themes = [...new Set([...(f.themes ?? []), ...f.topics.map((tp) => index.themeOfTopic.get(tp) as string)])];
  await db
    .insertInto('expert_themes')
    .values(themes.map((theme_slug) => ({ expert_id: id, theme_slug })))
    .execute();
  if (f.regions?.length)
    await db
      .insertInto('expert_regions')
      .values(f.regions.map((region_slug) => ({ expert_id: id, region_slug })))
      .execute();
  await db
    .insertInto('expert_translations')
    .values(Object.entries(f.texts).map(([locale, text]) => ({ expert_id: id, locale, ...text })))
    .execute();
  return id;
}
