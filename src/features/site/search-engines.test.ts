import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';

// What search engines and social sites read in every page's <head>: canonical URL, hreflang with
// x-default, OpenGraph with a picture that is a real 1200×630 PNG, and JSON-LD that parses.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
});
after(() => t.close());

const BASE = 'http://localhost:3000';
const page = async (path: string) => {
  const res = await t.request(path);
  assert.equal(res.status, 200, path);
  return res.text();
};
const canonicals = (html: string) => [...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((m) => m[1]);
const alternates = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
const meta = (html: string, property: string) =>
  [...html.matchAll(new RegExp(`<meta property="${property}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));

/** The width and height in a PNG's header, after checking its signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Fetches a page's og:image and checks it is a 1200×630 PNG served with a year's cache. */
async function checkCard(html: string) {
  const image = meta(html, 'og:image')[0] ?? '';
  assert.ok(image.startsWith(`${BASE}/`), `absolute og:image: ${image}`);
  assert.deepEqual(meta(html, 'og:image:width'), ['1200']);
  assert.deepEqual(meta(html, 'og:image:height'), ['630']);
  assert.ok(meta(html, 'og:image:alt')[0], 'og:image:alt');
  const res = await t.request(image.slice(BASE.length));
  assert.equal(res.status, 200, image);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(res.headers.get('set-cookie'), null, 'a picture for shared caches carries no cookie');
  const again = await t.request(image.slice(BASE.length), { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
  assert.equal(again.status, 304);
  assert.deepEqual(pngSize(new Uint8Array(await res.arrayBuffer())), { width: 1200, height: 630 });
  return image;
}

const one = async (query: ReturnType<typeof sql<{ slug: string }>>) => {
  const row = (await query.execute(t.database.db)).rows[0];
  assert.ok(row, 'demo data has such a row');
  return row.slug;
};

describe('canonical URLs and language versions', () => {
  it('gives every page its languages, x-default (English) and itself as canonical, without the query string', async () => {
    const html = await page('/de/themes?x=1');
    assert.deepEqual(canonicals(html), [`${BASE}/de/themes`]);
    assert.deepEqual(alternates(html), [...LOCALES.map((l) => `${l} ${BASE}/${l}/themes`), `x-default ${BASE}/en/themes`]);
    assert.deepEqual(meta(html, 'og:url'), [`${BASE}/de/themes`]);
  });

  it('points a filtered list to the unfiltered list, and keeps only the page of an unfiltered one', async () => {
    const filtered = await page('/fr/practices?topic=waste-management&page=2');
    assert.deepEqual(canonicals(filtered), [`${BASE}/fr/practices`]);
    assert.ok(alternates(filtered).includes(`x-default ${BASE}/en/practices`));
    assert.doesNotMatch(filtered, /<meta name="robots"/, 'canonical, not noindex: one signal');
    const second = await page('/fr/events?page=2');
    assert.deepEqual(canonicals(second), [`${BASE}/fr/events?page=2`]);
    assert.ok(alternates(second).includes(`ar ${BASE}/ar/events?page=2`));
  });

  it('gives content shown in a fallback language one canonical, hreflang for its languages only and the truth in og:locale and inLanguage', async () => {
    const slug = await one(sql<{ slug: string }>`
      select p.slug from practices p where p.status = 'published'
        and exists (select 1 from practice_translations t where t.practice_id = p.id and t.locale = 'en')
        and not exists (select 1 from practice_translations t where t.practice_id = p.id and t.locale = 'ar') order by p.id limit 1`);
    const locales = (
      await sql<{ locale: string }>`select t.locale from practice_translations t join practices p on p.id = t.practice_id
        where p.slug = ${slug}`.execute(t.database.db)
    ).rows.map((r) => r.locale);
    const html = await page(`/ar/practices/${slug}`);
    assert.deepEqual(canonicals(html), [`${BASE}/en/practices/${slug}`]);
    const expected = LOCALES.filter((l) => locales.includes(l)).map((l) => `${l} ${BASE}/${l}/practices/${slug}`);
    assert.deepEqual(alternates(html), [...expected, `x-default ${BASE}/en/practices/${slug}`]);
    assert.ok(!alternates(html).some((a) => a.startsWith('ar ')));
    assert.deepEqual(meta(html, 'og:locale'), ['en_GB']);
    assert.deepEqual(meta(html, 'og:url'), [`${BASE}/en/practices/${slug}`]);
    assert.equal(jsonLd(html)[0].inLanguage, 'en');
  });

  it('treats events, calls and project ideas without a text in the page’s language the same way', async () => {
    const event = await one(sql<{ slug: string }>`
      select e.slug from events e where e.status = 'published'
        and exists (select 1 from event_translations t where t.event_id = e.id and t.locale = 'en')
        and not exists (select 1 from event_translations t where t.event_id = e.id and t.locale = 'es') order by e.id limit 1`);
    const eventHtml = await page(`/es/events/${event}`);
    assert.deepEqual(canonicals(eventHtml), [`${BASE}/en/events/${event}`]);
    assert.deepEqual(meta(eventHtml, 'og:url'), [`${BASE}/en/events/${event}`], 'events have og:url');
    assert.deepEqual(meta(eventHtml, 'og:locale'), ['en_GB']);
    assert.ok(!alternates(eventHtml).some((a) => a.startsWith('es ')));

    const idea = await one(sql<{ slug: string }>`
      select p.slug from project_ideas p where p.status = 'published'
        and exists (select 1 from project_idea_translations t where t.project_idea_id = p.id and t.locale = 'en')
        and not exists (select 1 from project_idea_translations t where t.project_idea_id = p.id and t.locale = 'es') order by p.id limit 1`);
    const ideaHtml = await page(`/es/project-ideas/${idea}`);
    assert.deepEqual(canonicals(ideaHtml), [`${BASE}/en/project-ideas/${idea}`]);
    assert.equal(jsonLd(ideaHtml)[0].inLanguage, 'en');
    assert.deepEqual(meta(ideaHtml, 'og:locale'), ['en_GB']);
  });
});

describe('sharing pictures', () => {
  it('gives the home page, lists and every kind of content an og:image that is a 1200×630 PNG', async () => {
    const event = await one(sql<{ slug: string }>`select slug from events where status = 'published' order by id limit 1`);
    const call = await one(sql<{ slug: string }>`select slug from calls where status <> 'draft' order by id limit 1`);
    const idea = await one(sql<{ slug: string }>`select slug from project_ideas where status = 'published' order by id limit 1`);
    const expert = await one(
      sql<{ slug: string }>`select slug from experts where visibility = 'public' and photo is null order by id limit 1`,
    );
    const practice = await one(
      sql<{ slug: string }>`select slug from practices where status = 'published' and images = '[]' order by id limit 1`,
    );
    const paths = ['/en/', '/ar/practices', '/de/events', `/ar/events/${event}`, `/fr/calls/${call}`, `/en/project-ideas/${idea}`];
    for (const path of [...paths, `/ar/experts/${expert}`, `/ar/practices/${practice}`]) {
      const html = await page(path);
      assert.equal(meta(html, 'og:url').length, 1, `og:url on ${path}`);
      await checkCard(html);
    }
    // Drawn once, then read from the disk cache.
    const cards = join(t.dataDir, 'uploads', 'cards');
    assert.ok(existsSync(cards));
    const drawn = readdirSync(cards).filter((f) => f.endsWith('.png')).length;
    await checkCard(await page(`/fr/calls/${call}`));
    assert.equal(readdirSync(cards).filter((f) => f.endsWith('.png')).length, drawn);
  });

  it('uses a practice’s own picture when it has one', async () => {
    const slug = await one(sql<{ slug: string }>`select slug from practices where status = 'published' order by id limit 1`);
    await sql`update practices set images = ${JSON.stringify([{ uploadId: 1, sha256: 'a'.repeat(64), alt: 'Waste pickers at work', width: 1600, height: 900 }])}
      where slug = ${slug}`.execute(t.database.db);
    const html = await page(`/en/practices/${slug}`);
    assert.deepEqual(meta(html, 'og:image'), [`${BASE}/uploads/${'a'.repeat(64)}.jpg`]);
    assert.deepEqual(meta(html, 'og:image:width'), ['1600']);
    assert.deepEqual(meta(html, 'og:image:alt'), ['Waste pickers at work']);
  });

  it('draws a card only of content that exists, whatever the query string says', async () => {
    assert.equal((await t.request('/en/practices/no-such-practice/card.png')).status, 404);
    assert.equal((await t.request('/en/calls/no-such-call/card.png')).status, 404);
    const call = await one(sql<{ slug: string }>`select slug from calls where status <> 'draft' order by id limit 1`);
    const plain = new Uint8Array(await (await t.request(`/en/calls/${call}/card.png`)).arrayBuffer());
    const asked = await t.request(`/en/calls/${call}/card.png?v=0&title=Hacked`);
    assert.equal(asked.headers.get('cache-control'), 'public, no-cache', 'an outdated version is not cached for long');
    assert.deepEqual(new Uint8Array(await asked.arrayBuffer()), plain);
    // A draft has no card for the public (its title is not public yet).
    const { status } = (await sql<{ status: string }>`select status from calls where slug = ${call}`.execute(t.database.db)).rows[0] ?? {};
    await sql`update calls set status = 'draft' where slug = ${call}`.execute(t.database.db);
    assert.equal((await t.request(`/en/calls/${call}/card.png`)).status, 404);
    await sql`update calls set status = ${status} where slug = ${call}`.execute(t.database.db);
  });
});

describe('JSON-LD', () => {
  it('describes the network and its search on the home page', async () => {
    const [data] = jsonLd(await page('/fr/'));
    const graph: Array<Record<string, unknown>> = data['@graph'];
    const organization = graph.find((n) => n['@type'] === 'Organization');
    assert.equal(organization?.name, 'Peerpolis');
    assert.equal(organization?.url, `${BASE}/fr/`);
    assert.match(
      String((organization?.logo as { url?: string } | undefined)?.url),
      /^http:\/\/localhost:3000\/assets\/icons\/peerpolis\.[0-9a-f]+\.svg$/,
    );
    const website = graph.find((n) => n['@type'] === 'WebSite');
    const action = website?.potentialAction as { '@type': string; target: { urlTemplate: string }; 'query-input': string };
    assert.equal(action['@type'], 'SearchAction');
    assert.equal(action.target.urlTemplate, `${BASE}/fr/practices?q={search_term_string}`);
    assert.equal(action['query-input'], 'required name=search_term_string');
  });

  it('describes calls and project ideas, and no title can close the script element', async () => {
    const evil = 'Apply now </script><script>alert(1)</script> & <!-- more';
    const call = await one(sql<{ slug: string }>`select slug from calls where status <> 'draft' order by id limit 1`);
    await sql`update call_translations set title = ${evil} where locale = 'en' and call_id = (select id from calls where slug = ${call})`.execute(
      t.database.db,
    );
    const callHtml = await page(`/en/calls/${call}`);
    assert.doesNotMatch(callHtml, /<script>alert/);
    const [callData] = jsonLd(callHtml);
    assert.equal(callData['@type'], 'CreativeWork');
    assert.equal(callData.name, evil);
    assert.equal(callData.inLanguage, 'en');
    assert.ok(Date.parse(callData.expires) > 0, 'the deadline');
    await checkCard(callHtml);

    const idea = await one(sql<{ slug: string }>`select slug from project_ideas where status = 'published' order by id limit 1`);
    const [ideaData] = jsonLd(await page(`/de/project-ideas/${idea}`));
    assert.equal(ideaData['@type'], 'CreativeWork');
    assert.equal(ideaData.url.endsWith(`/project-ideas/${idea}`), true);
    assert.ok(ideaData.creativeWorkStatus);
  });
});
