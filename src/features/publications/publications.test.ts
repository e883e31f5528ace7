import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts';
import { moduleServices } from '../../modules.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { exportPublications, importPublications } from './publications.import.ts';

// Publications for readers on the demo data: the library with its filters and search in every
// language, a publication's page, the feed, the event's documentation, the site search and sitemap
// sources, and the exchange format. A draft imported beside the demo must never show anywhere public.

let t: TestApp;
const COVID = '/en/publications/what-cities-learned-in-the-pandemic-lessons-from-the-covid-19-exchange-series';
const DRAFT_TITLE = 'Secret draft about wastewater tariffs';

const draftRecord = {
  externalId: 'test-draft-publication',
  status: 'draft',
  year: 2021,
  kind: 'report',
  languages: ['en'],
  themes: ['municipal-services'],
  regions: ['mena'],
  url: 'https://documents.peerpolis.example/draft.pdf',
  eventExternalId: 'demo-event-mitrovica-informal-waste-sector',
  translations: { en: { title: DRAFT_TITLE, summary: 'Wastewater tariffs, not yet public.' } },
};

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  const report = await importPublications(t.database.db, [draftRecord]);
  assert.deepEqual(report, [{ externalId: 'test-draft-publication', outcome: 'created', reasons: [] }]);
});
after(() => t.close());

describe('publications: the library', () => {
  it('lists the published demo publications with filters and words in every language', async () => {
    const html = await (await t.request('/en/publications')).text();
    assert.match(html, /6 publications/);
    assert.match(html, /rel="alternate" type="application\/atom\+xml" href="[^"]*\/en\/publications\/feed\.atom"/);
    assert.doesNotMatch(html, /Secret draft/);
    const factsheets = await (await t.request('/en/publications?kind=factsheet')).text();
    assert.match(factsheets, /1 publication</);
    assert.match(factsheets, /Reaching every household/);
    const arabicDocs = await (await t.request('/en/publications?lang=sq')).text();
    assert.match(arabicDocs, /1 publication</);
    assert.match(arabicDocs, /Mitrovica/);
    const years = await (await t.request('/en/publications?year=2021&region=southeast-europe-caucasus')).text();
    assert.match(years, /1 publication</);
    assert.match(years, /Planning for heat and heavy rain/);
    const german = await (await t.request('/de/publications?q=Brachfl%C3%A4chen')).text();
    assert.match(german, /1 Publikation</);
    assert.match(german, /Weniger Fläche verbrauchen/, 'German stemming finds the German summary');
    const arabic = await (await t.request('/ar/publications?q=%D8%A7%D9%84%D8%AC%D8%A7%D8%A6%D8%AD%D8%A9')).text();
    assert.match(arabic, /ما تعلّمته المدن خلال الجائحة/);
    const draftWords = await (await t.request('/en/publications?q=wastewater')).text();
    assert.match(draftWords, /No publications/);
    const fallback = await (await t.request('/es/publications?kind=report')).text();
    assert.match(fallback, /class="other-language"/, 'a report without Spanish text is marked as in another language');
    const malformed = await t.request('/en/publications?kind=nope&year=abc&lang=xx&page=-1&theme=%3Cscript%3E');
    assert.equal(malformed.status, 200);
  });

  it('shows a publication with its document language and where the document is, before the link', async () => {
    const res = await t.request(COVID);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<strong>what worked, what failed, and what cities want to keep<\/strong>/, 'Markdown summary rendered');
    assert.match(html, /Language of the document<\/dt><dd>English, German, French, Spanish, Arabic<\/dd>/);
    assert.match(
      html,
      /href="https:\/\/documents\.peerpolis\.example\/2021\/covid19-exchange-series-lessons\.pdf" rel="noopener noreferrer external"/,
    );
    assert.match(html, /external website: documents\.peerpolis\.example/);
    assert.match(html, /Documents the event<\/dt><dd><a href="\/en\/events\/crisis-management-lessons-what-cities-learned-in-2020"/);
    assert.match(html, /"@type":"Report"/);
    assert.match(html, /"inLanguage":\["en","de","fr","es","ar"\]/);
    assert.match(html, /<link rel="alternate" hreflang="ar"/);
    const arabic = await (await t.request(COVID.replace('/en/', '/ar/'))).text();
    assert.match(arabic, /<h1>ما تعلّمته المدن/);
    const trier = await (
      await t.request('/ar/publications/using-less-land-report-on-the-trier-dialogue-on-sustainable-land-management')
    ).text();
    assert.match(trier, /class="fallback-note"/, 'no Arabic text: the English one, marked');
    assert.doesNotMatch(trier, /<link rel="alternate" hreflang="ar"/);
  });

  it('never shows a draft: page, list, feed, event page, search and sitemap sources', async () => {
    assert.equal((await t.request('/en/publications/secret-draft-about-wastewater-tariffs')).status, 404);
    assert.equal((await t.request('/en/publications/no-such-publication')).status, 404);
    const event = await (await t.request('/en/events/mitrovica-informal-waste-sector')).text();
    assert.match(event, /href="\/en\/publications\/bringing-informal-waste-collectors-into-the-municipal-system/);
    assert.doesNotMatch(event, /Secret draft/);
    const source = moduleServices.extensions.all(searchSources).find((s) => s.type === 'publication');
    assert.ok(source);
    const request = { locale: 'en' as const, viewer: null, limit: 10, offset: 0 };
    const drafts = await source.search(t.database.db, { ...request, q: 'wastewater tariffs' });
    assert.deepEqual(drafts, { total: 0, hits: [] });
    const editorView = await source.search(t.database.db, { ...request, q: 'wastewater', viewer: { id: 1, role: 'admin' } });
    assert.equal(editorView.total, 0, 'the site search lists published publications only, whoever asks');
    const pandemic = await source.search(t.database.db, { ...request, locale: 'de', q: 'Pandemie' });
    assert.equal(pandemic.total, 1);
    assert.equal(pandemic.hits[0]?.externalId, 'demo-publication-covid19-series-lessons');
    assert.equal(pandemic.hits[0]?.language, 'de');
    assert.match(pandemic.hits[0]?.path ?? '', /^\/de\/publications\//);
    assert.ok((pandemic.hits[0]?.rank ?? 0) > 0);
    const sitemap = moduleServices.extensions.all(sitemapSources).find((s) => s.name === 'publications');
    assert.ok(sitemap);
    assert.equal(await sitemap.count(t.database.db), 6);
    const entries = await sitemap.entries(t.database.db, { offset: 0, limit: 100 });
    assert.equal(entries.length, 6);
    assert.ok(entries.every((e) => !e.path.includes('secret')));
    assert.deepEqual(entries.find((e) => e.path.includes('trier'))?.locales, ['de', 'en']);
  });

  it('publishes a feed per language with the documents, parsed by an XML parser', async () => {
    const res = await t.request('/fr/publications/feed.atom');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const feed = parseXml(await res.text());
    assert.equal(feed.name, 'feed');
    assert.equal(feed.attrs['xml:lang'], 'fr');
    const entries = childrenNamed(feed, 'entry');
    assert.equal(entries.length, 6);
    const titles = entries.map((e) => childrenNamed(e, 'title')[0]?.text ?? '');
    assert.ok(titles.includes('Ce que les villes ont appris pendant la pandémie : enseignements de la série d’échanges COVID-19'));
    assert.ok(!titles.some((x) => x.includes('Secret')));
    const trier = entries.find((e) => childrenNamed(e, 'title')[0]?.text.startsWith('Using less land'));
    assert.equal(trier?.attrs['xml:lang'], 'en', 'a fallback entry says its language');
  });
});

describe('publications: the exchange format', () => {
  it('exports and imports back unchanged, rejects bad records one by one', async () => {
    const exported = await exportPublications(t.database.db);
    assert.equal(exported.length, 7);
    const covid = exported.find((p) => p.externalId === 'demo-publication-covid19-series-lessons');
    assert.equal(covid?.eventExternalId, 'demo-event-covid19-crisis-management-lessons-2020');
    assert.deepEqual(covid?.languages, ['en', 'de', 'fr', 'es', 'ar']);
    const again = await importPublications(t.database.db, exported);
    assert.ok(
      again.every((r) => r.outcome === 'updated'),
      JSON.stringify(again.filter((r) => r.outcome !== 'updated')),
    );
    assert.deepEqual(await exportPublications(t.database.db), exported);

    const report = await importPublications(t.database.db, [
      { ...draftRecord, externalId: 'bad-kind', kind: 'novel' },
      { ...draftRecord, externalId: 'bad-url', url: 'javascript:alert(1)' },
      { ...draftRecord, externalId: 'no-url', url: undefined },
      { ...draftRecord, externalId: 'bad-refs', themes: ['nope'], eventExternalId: 'no-such-event' },
      { ...draftRecord, externalId: 'bad-language', languages: ['xx'] },
      { ...draftRecord, externalId: 'bad-text', translations: { en: { title: 'x'.repeat(201), summary: '' } } },
      { ...draftRecord, externalId: 'good-one', status: 'published' },
    ]);
    const byId = new Map(report.map((r) => [r.externalId, r]));
    assert.equal(byId.get('good-one')?.outcome, 'created');
    for (const id of ['bad-kind', 'bad-url', 'no-url', 'bad-refs', 'bad-language', 'bad-text'])
      assert.equal(byId.get(id)?.outcome, 'rejected', id);
    assert.match(byId.get('bad-url')?.reasons.join() ?? '', /url/);
    assert.match(byId.get('no-url')?.reasons.join() ?? '', /url: required/);
    assert.match(byId.get('bad-refs')?.reasons.join() ?? '', /unknown theme nope/);
    assert.match(byId.get('bad-refs')?.reasons.join() ?? '', /no event with externalId no-such-event/);
    assert.match(byId.get('bad-language')?.reasons.join() ?? '', /languages\.0: must be ISO 639-1/);
    const names = (await exportPublications(t.database.db)).map((p) => p.externalId);
    assert.ok(!names.includes('bad-kind') && names.includes('good-one'));
  });
});
