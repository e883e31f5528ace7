import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import type { CurrentUser } from '../../web/context.ts';
import { expertSearchParams, searchExperts } from './expert-search.service.ts';
import type { ExpertVisibility } from './experts.table.ts';

let t: TestApp;

type Fixture = {
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

const FIXTURES: Fixture[] = [
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

async function insertExpert(f: Fixture): Promise<void> {
  const db = t.database.db;
  const index = await import('../taxonomy/taxonomy.service.ts').then((m) => m.loadTaxonomyIndex(db));
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
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'https://peers.example.org' } });
  for (const f of FIXTURES) await insertExpert(f);
});
after(() => t.close());

const user = (role: CurrentUser['role']): CurrentUser => ({ id: 999, name: 'x', role, locale: 'en', emailVerified: true, sessionId: 's' });
const search = (query: Record<string, unknown>, who: CurrentUser | null, locale: 'en' | 'de' = 'en') =>
  searchExperts(t.database.db, expertSearchParams.parse(query), locale, who);

describe('expert directory search', () => {
  it('shows each reader only what they may see, in the list, the total and every facet', async () => {
    const anonymous = await search({}, null);
    assert.deepEqual(
      anonymous.items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.equal(anonymous.total, 1);
    assert.deepEqual(anonymous.facets.topic, [{ value: 'waste-management', count: 1 }]);
    assert.ok(!anonymous.facets.language.some((l) => l.value === 'es'), 'the hidden expert’s language is not counted');
    assert.ok(!anonymous.facets.country.some((c) => c.value === 'EC'));

    const member = await search({}, user('member'));
    assert.deepEqual(
      member.items.map((i) => i.slug),
      ['anna-schmidt', 'karim-haddad'],
    );
    const editor = await search({}, user('editor'));
    assert.equal(editor.total, 3);
    assert.deepEqual(editor.facets.topic, [{ value: 'waste-management', count: 3 }]);
  });

  it('finds words with stemming in the text’s language, organisations, and names with typos', async () => {
    assert.deepEqual(
      (await search({ q: 'Abfallsammler' }, null, 'de')).items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.deepEqual(
      (await search({ q: 'Schmitt' }, null)).items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.deepEqual(
      (await search({ q: 'irbid' }, user('member'))).items.map((i) => i.slug),
      ['karim-haddad'],
    );
    assert.deepEqual(
      (await search({ q: 'recicladores' }, user('editor'))).items.map((i) => i.slug),
      ['lucia-paredes'],
    );
    assert.equal((await search({ q: 'recicladores' }, user('member'))).total, 0);
  });

  it('combines facets: values within one facet add up, facets narrow each other, counts ignore their own filter', async () => {
    const arabic = await search({ language: 'ar' }, user('editor'));
    assert.deepEqual(
      arabic.items.map((i) => i.slug),
      ['karim-haddad'],
    );
    assert.deepEqual(arabic.facets.language.map((l) => l.value).sort(), ['ar', 'de', 'en', 'es']);
    const mena = await search({ region: 'mena' }, user('editor'));
    assert.deepEqual(
      mena.items.map((i) => i.slug),
      ['anna-schmidt', 'karim-haddad'],
      'experience in MENA or home in MENA',
    );
    const both = await search({ region: 'mena', availability: 'missions' }, user('editor'));
    assert.deepEqual(
      both.items.map((i) => i.slug),
      ['anna-schmidt'],
    );
  });
});

describe('expert directory over HTTP', () => {
  it('shows the page and the API according to the reader’s role, hidden experts nowhere for others', async () => {
    await createMember(t, 'member@city.example');
    await createMember(t, 'editor@network.example', 'editor');
    const anonymous = newVisitor(t);
    const member = await signedIn(t, 'member@city.example');
    const editor = await signedIn(t, 'editor@network.example');

    const page = async (v: typeof anonymous) => {
      await v.get('/en/experts');
      return v.lastHtml;
    };
    const anonymousHtml = await page(anonymous);
    assert.match(anonymousHtml, /Anna Schmidt/);
    assert.doesNotMatch(anonymousHtml, /Karim Haddad|Lucía Paredes|Ecuador/);
    const memberHtml = await page(member);
    assert.match(memberHtml, /Karim Haddad/);
    assert.doesNotMatch(memberHtml, /Lucía Paredes|Ecuador/);
    assert.match(await page(editor), /Lucía Paredes/);

    const api = async (v: typeof anonymous, query = '') => {
      const res = await v.get(`/api/v1/experts${query}`);
      return (await res.json()) as {
        total: number;
        items: Array<{ name: string; url: string }>;
        facets: Record<string, Array<{ value: string }>>;
      };
    };
    const publicApi = await api(anonymous);
    assert.equal(publicApi.total, 1);
    assert.deepEqual(
      publicApi.items.map((i) => i.name),
      ['Anna Schmidt'],
    );
    assert.equal(publicApi.items[0]?.url, 'https://peers.example.org/en/experts/anna-schmidt');
    assert.ok(!JSON.stringify(publicApi.facets).includes('"EC"'));
    assert.equal((await api(member)).total, 2);
    assert.equal((await api(editor)).total, 3);
    assert.equal((await api(anonymous, '?q=Paredes')).total, 0, 'not even a name search reveals a hidden expert');
    assert.ok(!JSON.stringify(await api(anonymous, '?q=Paredes')).includes('Paredes'));
  });
});
