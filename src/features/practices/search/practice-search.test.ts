import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { importPractices } from '../import/practices.import.ts';
import { readSearchParams } from './practice-search.forms.ts';
import { HEAD_FIRST_MAX, RANK_BLOCK } from './practice-search.queries.ts';
import { searchPractices, snippetParts } from './practice-search.service.ts';

let t: TestApp;

const record = (
  externalId: string,
  country: string,
  topics: string[],
  sdgs: number[],
  translations: Record<string, { title: string; summary: string; approach?: string }>,
  status = 'published',
) => ({
  externalId,
  status,
  city: `City ${externalId}`,
  country,
  topics,
  sdgs,
  startYear: 2018,
  endYear: null,
  translations,
});

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const report = await importPractices(t.database.db, [
    record('waste-de', 'DE', ['waste-management', 'informal-economy'], [11, 12], {
      de: { title: 'Abfallsammlerinnen als Partnerinnen', summary: 'Die Stadt bindet Abfallsammlerinnen in die Müllabfuhr ein.' },
    }),
    record('waste-ma', 'MA', ['waste-management'], [12], {
      fr: { title: 'Les collectivités trient les déchets', summary: 'Tri sélectif des déchets ménagers avec les habitants.' },
      ar: { title: 'فرز النفايات في المدن', summary: 'فرز النفايات المنزلية مع السكان' },
    }),
    record('mobility-tn', 'TN', ['urban-mobility'], [11], {
      en: { title: 'Safe routes to school', summary: 'Streets for children walking to school.' },
    }),
    record(
      'secret-draft',
      'DE',
      ['waste-management'],
      [12],
      { de: { title: 'Abfall Entwurf', summary: 'Noch nicht veröffentlicht: Abfallsammler.' } },
      'draft',
    ),
  ]);
  assert.ok(report.every((r) => r.outcome === 'created'));
});
after(() => t.close());

const search = (query: string, locale: 'en' | 'de' | 'fr' | 'ar' = 'en') =>
  searchPractices(t.database.db, readSearchParams(new URL(`http://x/?${query}`)), locale);
const ids = async (query: string, locale: 'en' | 'de' | 'fr' | 'ar' = 'en') => (await search(query, locale)).items.map((i) => i.title);

describe('good-practice search', () => {
  it('finds German gendered forms from the base word, never drafts', async () => {
    assert.deepEqual(await ids('q=Abfallsammler', 'de'), ['Abfallsammlerinnen als Partnerinnen']);
  });

  it('finds practices written in another language than the reader’s', async () => {
    assert.deepEqual(await ids('q=collectivité', 'en'), ['Les collectivités trient les déchets']);
    assert.deepEqual(await ids('q=النفايات', 'de'), ['فرز النفايات في المدن'], 'shown in the language it was found in');
  });

  it('highlights the matched words in the snippet, safely', async () => {
    const result = await search('q=tri%20déchets', 'fr');
    assert.ok(
      result.items[0]?.snippet.some((p) => p.marked),
      JSON.stringify(result.items[0]?.snippet),
    );
    assert.deepEqual(snippetParts('a \u0001b\u0002 c'), [
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' c', marked: false },
    ]);
  });

  it('counts facets over the other filters, so values combine (OR within a facet, AND across)', async () => {
    const all = await search('');
    assert.equal(all.total, 3);
    assert.deepEqual(
      all.facets.topic.find((f) => f.value === 'waste-management'),
      { value: 'waste-management', count: 2 },
    );
    assert.deepEqual(all.facets.region.map((f) => `${f.value}:${f.count}`).sort(), ['europe:1', 'mena:2']);
    const mena = await search('region=mena');
    assert.equal(mena.total, 2);
    assert.deepEqual(
      mena.facets.region.map((f) => `${f.value}:${f.count}`).sort(),
      ['europe:1', 'mena:2'],
      'own facet ignores its own filter',
    );
    assert.equal((await search('region=mena&region=europe')).total, 3, 'OR within a facet');
    assert.equal((await search('region=mena&topic=waste-management')).total, 1, 'AND across facets');
    assert.equal((await search('sdg=11&country=tn')).total, 1);
    assert.equal((await search('theme=municipal-services')).total, 2);
  });

  it('ignores malformed parameters instead of failing', async () => {
    const result = await search('page=-3&sdg=99&sdg=abc&country=Germany&theme=%3Cscript%3E&sort=random');
    assert.equal(result.total, 3);
    assert.equal(result.page, 1);
  });

  it('names on the page the parameters it ignored, and lists the rest unfiltered', async () => {
    const note = (names: string) =>
      `<p class="notice" role="status">Some filters in the address were not understood and were ignored: <bdi dir="ltr">${names}</bdi></p>`;
    for (const [query, names] of [
      ['sdg=99', 'sdg'],
      ['page=0', 'page'],
      ['theme=nonexistent', 'theme'],
      ['country=ZZ&sort=random', 'country, sort'],
    ] as const) {
      const res = await t.request(`/en/practices?${query}`);
      assert.equal(res.status, 200, query);
      const html = await res.text();
      assert.ok(html.includes(note(names)), query);
      assert.match(html, /<div role="status" class="results-count"><h2 id="results-title">3 good practices<\/h2><\/div>/, query);
    }
    const rest = await (await t.request('/en/practices?topic=nope&theme=municipal-services')).text();
    assert.ok(rest.includes(note('topic')));
    assert.match(rest, /<h2 id="results-title">2 good practices</, 'the understood filter still applies');
    assert.doesNotMatch(await (await t.request('/en/practices?sdg=11&q=&sort=date')).text(), /not understood/);
  });

  it('draws a search’s filters in each reader’s language, the chosen ones checked, whichever page drew them first', async () => {
    const facets = async (path: string) => {
      const html = await (await t.request(path)).text();
      return html.slice(html.indexOf('<fieldset class="facet"'), html.lastIndexOf('</fieldset>') + '</fieldset>'.length);
    };
    const english = await facets('/en/practices?topic=waste-management');
    assert.match(english, /<legend>Themes<\/legend>/);
    assert.match(english, /id="f-topic-waste-management" name="topic" value="waste-management" checked/);
    // The same search on other addresses: its counts are kept, the words are the reader's.
    assert.equal(await facets('/en/practices?topic=waste-management&sort=date'), english);
    const german = await facets('/de/practices?topic=waste-management&sort=date');
    assert.match(german, /<legend>Themenfelder<\/legend>/);
    assert.doesNotMatch(german, /<legend>Themes<\/legend>/);
    assert.match(german, /value="waste-management" checked/);
    const arabic = await facets('/ar/practices?topic=waste-management');
    assert.match(arabic, /<legend>المحاور<\/legend>/);
    assert.notEqual(arabic, german);
    // Another choice is another search: nothing checked that was not asked for.
    assert.doesNotMatch(await facets('/en/practices?topic=urban-mobility'), /value="waste-management" checked/);
  });

  it('serves the list and the practice page over HTTP; drafts are 404', async () => {
    const list = await t.request('/de/practices?q=Abfallsammler');
    assert.equal(list.status, 200);
    const html = await list.text();
    const slug = /href="\/de\/practices\/([a-z0-9-]+)"/.exec(html)?.[1];
    assert.ok(slug);
    const page = await t.request(`/de/practices/${slug}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<h1>Abfallsammlerinnen als Partnerinnen<\/h1>/);
    const draft = await t.database.db
      .selectFrom('practices')
      .select('slug')
      .where('external_id', '=', 'secret-draft')
      .executeTakeFirstOrThrow();
    assert.equal((await t.request(`/de/practices/${draft.slug}`)).status, 404);
    assert.equal((await t.request('/de/practices/..%2f..%2fetc')).status, 404);
    const filtered = await (await t.request('/en/practices?topic=waste-management&topic=urban-mobility&region=mena')).text();
    assert.match(filtered, /id="f-topic-waste-management" name="topic" value="waste-management" checked/);
  });

  it('gives the practice page OpenGraph tags, safe JSON-LD and related practices', async () => {
    await importPractices(t.database.db, [
      record('tricky', 'MA', ['waste-management'], [12], {
        en: { title: 'Sorting </script><script>alert(1)</script> waste', summary: 'A "quoted" summary.' },
      }),
    ]);
    const { slug } = await t.database.db
      .selectFrom('practices')
      .select('slug')
      .where('external_id', '=', 'tricky')
      .executeTakeFirstOrThrow();
    const html = await (await t.request(`/en/practices/${slug}`)).text();
    assert.ok(!html.includes('<script>alert(1)</script>'), 'nothing the author typed can open a script');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(jsonLd);
    assert.equal(data['@type'], 'CreativeWork');
    assert.equal(data.name, 'Sorting </script><script>alert(1)</script> waste');
    assert.match(html, /<meta property="og:title" content="Sorting &lt;\/script&gt;/);
    assert.match(html, /<h2 id="related-title">Related good practices<\/h2>/);
    assert.match(html, /href="\/en\/practices\/les-collectivites-trient-les-dechets"/, 'shares the waste-management topic');
  });

  it('draws the matches on a world map, with the other filters applied', async () => {
    const res = await t.request('/de/practices/map.svg?topic=waste-management');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    const svg = await res.text();
    const fill = (country: string) => new RegExp(`fill="(#[0-9a-f]{6})"><title>${country}: `).exec(svg)?.[1];
    assert.equal(fill('Marokko'), '#0b5c8c', 'a country with practices is dark');
    assert.equal(fill('Tunesien'), '#e5e9ee', 'urban mobility is filtered out');
    assert.ok(svg.includes('<title>Kosovo: '), 'Kosovo is on the map');
    const list = await (await t.request('/de/practices?topic=waste-management')).text();
    assert.match(list, /<img src="\/de\/practices\/map\.svg\?topic=waste-management" alt="[^"]+"/);
    assert.match(list, /id="facet-country"/, 'the list equivalent the caption points to');
  });
});

describe('relevance over more matches than one ranked block', () => {
  let many: TestApp;
  const COUNT = RANK_BLOCK * 2 + 50;
  const TITLE_HITS = 150;

  before(async () => {
    many = await createTestApp({ seed: 'taxonomy' });
    const db = many.database.db;
    // The word is in the title of the oldest practices only; the newer ones (ongoing) mention it in the
    // body. Ordered by date alone, no title hit would be among the first RANK_BLOCK matches.
    const practices = await db
      .insertInto('practices')
      .values(
        Array.from({ length: COUNT }, (_, i) => ({
          slug: `lantern-${i}`,
          external_id: `lantern-${i}`,
          status: 'published' as const,
          start_year: i < TITLE_HITS ? 1990 : 2015,
          end_year: i < TITLE_HITS ? 1995 : null,
        })),
      )
      .returning(['id', 'slug'])
      .execute();
    await db
      .insertInto('practice_translations')
      .values(
        practices.map((p, i) => ({
          practice_id: p.id,
          locale: 'en',
          title: i < TITLE_HITS ? `Lanterns in square ${i}` : `Street lights ${i}`,
          summary: 'Public lighting for evening markets.',
          approach: i < TITLE_HITS ? 'Night walks.' : 'We hung a lantern at every corner.',
        })),
      )
      .execute();
  });
  after(() => many.close());

  const find = (query: string) => searchPractices(many.database.db, readSearchParams(new URL(`http://x/?${query}`)), 'en');

  it('puts title hits first and pages through every match exactly once', async () => {
    const first = await find('q=lantern');
    assert.equal(first.total, COUNT);
    assert.equal(first.pages, Math.ceil(COUNT / 20));
    assert.ok(
      first.items.every((item) => item.title.startsWith('Lanterns')),
      first.items.map((i) => i.title).join(', '),
    );
    const seen = new Set<number>();
    for (let page = 1; page <= first.pages; page++) {
      const result = await find(`q=lantern&page=${page}`);
      for (const item of result.items) {
        assert.ok(!seen.has(item.id), `practice ${item.id} shown twice (page ${page})`);
        seen.add(item.id);
      }
    }
    assert.equal(seen.size, COUNT, 'no match left out');
    const byDate = await find('q=lantern&sort=date');
    assert.ok(byDate.items.every((item) => item.startYear === 2015));
  });

  it('pre-orders newest first when a word is in more than HEAD_FIRST_MAX practices', async () => {
    const db = many.database.db;
    const count = HEAD_FIRST_MAX + 1;
    const practices = await db
      .insertInto('practices')
      .values(
        Array.from({ length: count }, (_, i) => ({
          slug: `beacon-${i}`,
          status: 'published' as const,
          start_year: i < 10 ? 1990 : 2020,
          end_year: i < 10 ? 1995 : null,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('practice_translations')
      .values(practices.map((p, i) => ({ practice_id: p.id, locale: 'en', title: i < 10 ? 'Beacon' : 'Harbour', approach: 'A beacon.' })))
      .execute();
    const first = await find('q=beacon');
    assert.equal(first.total, count);
    assert.ok(
      first.items.every((item) => item.title === 'Harbour'),
      'the ten old title hits are not pulled forward',
    );
    const last = await find(`q=beacon&page=${first.pages}`);
    assert.equal(last.items.length, count - (first.pages - 1) * 20);
  });
});
