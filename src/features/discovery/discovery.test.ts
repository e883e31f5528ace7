import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { parseXml, type XmlElement } from '../../../tests/helpers/xml.ts';
import { openApiDocument } from '../../openapi.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { searchApiResult } from './search.api.ts';
import { SEARCH_TYPES } from './search-sources.ts';

// The search page, its API, the header's search box, the sitemap and robots.txt, over HTTP with the real
// registry: whichever modules contribute sources (each module tests its own visibility rules).

let t: TestApp;
let base = '';
before(async () => {
  t = await createTestApp({ seed: 'demo' });
  const robots = await (await t.request('/robots.txt')).text();
  base = /^Sitemap: (\S+)\/sitemap\.xml$/m.exec(robots)?.[1] ?? '';
});
after(async () => {
  await t.close();
});

const html = async (path: string) => {
  const res = await t.request(path);
  return { status: res.status, body: await res.text() };
};
const children = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

describe('site search page', () => {
  it('without words: an invitation, the form, noindex; a search box in the header of every page, in en and ar', async () => {
    const page = await html('/en/search');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Search<\/h1>/);
    assert.match(page.body, /<meta name="robots" content="noindex"/);
    assert.match(page.body, /<label for="search-q">Search for<\/label>/);
    assert.doesNotMatch(page.body, /results-count/);
    for (const [path, locale, label] of [
      ['/en/', 'en', 'Search the site'],
      ['/ar/', 'ar', 'البحث في الموقع'],
      ['/ar/practices', 'ar', 'البحث في الموقع'],
      ['/en/events', 'en', 'Search the site'],
    ] as const) {
      const { body } = await html(path);
      assert.match(body, new RegExp(`<form role="search" method="get" action="/${locale}/search" class="site-search">`), path);
      assert.match(body, new RegExp(`<label for="site-search-q" class="visually-hidden">${label}</label>`), path);
      assert.match(body, /<input id="site-search-q" name="q" type="search"/, path);
    }
  });

  it('with words: counts per type with "All" first, typed and language-marked results, noindex', async () => {
    const page = await html('/en/search?q=Agadir');
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>Search results for “Agadir” – Peerpolis<\/title>/);
    assert.match(page.body, /<meta name="robots" content="noindex"/);
    assert.match(page.body, /value="Agadir"/);
    const tabs = /<nav class="tabs search-types" aria-label="Result types">([\s\S]*?)<\/nav>/.exec(page.body)?.[1] ?? '';
    assert.match(tabs, /^<a href="\/en\/search\?q=Agadir" aria-current="page">All <span class="count">\(\d+\)<\/span><\/a>/);
    const api = searchApiResult.parse(await (await t.request('/api/v1/search?q=Agadir&lang=en')).json());
    // The page and the API agree: the same count per type, each type's tab linking to its filter.
    for (const [type, count] of Object.entries(api.facets.type)) {
      if (count > 0)
        assert.match(tabs, new RegExp(`href="/en/search\\?q=Agadir&amp;type=${type}">[^<]+ <span class="count">\\(${count}\\)`));
    }
    assert.equal((page.body.match(/<li class="card search-hit">/g) ?? []).length, api.items.length);
    for (const item of api.items) assert.ok(page.body.includes(`href="${new URL(item.url).pathname}"`), item.url);
    // Filtered by a type: only that type, its tab current.
    const first = api.items[0];
    if (first) {
      const filtered = await html(`/en/search?q=Agadir&type=${first.type}`);
      assert.match(filtered.body, new RegExp(`type=${first.type}" aria-current="page"`));
      const labels = [...filtered.body.matchAll(/<li class="card search-hit"><p class="meta">([^<]+)<\/p>/g)].map((m) => m[1]);
      assert.ok(labels.length > 0 && new Set(labels).size === 1, String(labels));
    }
  });

  it('in Arabic: right-to-left, results in other languages marked with lang, dir and a fallback note', async () => {
    const page = await html('/ar/search?q=Agadir');
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    assert.match(page.body, /<h1>البحث<\/h1>/);
    const api = searchApiResult.parse(await (await t.request('/api/v1/search?q=Agadir&lang=ar')).json());
    // Arabic texts first, then the fallbacks.
    const arabic = api.items.map((i) => i.language === 'ar');
    assert.deepEqual(
      arabic,
      [...arabic].sort((a, b) => Number(b) - Number(a)),
    );
    for (const item of api.items.filter((i) => i.language !== 'ar')) {
      const dir = item.language === 'ar' ? 'rtl' : 'ltr';
      assert.ok(page.body.includes(`<div lang="${item.language}" dir="${dir}" class="other-language">`), item.language);
      assert.match(page.body, /class="fallback-note"/);
    }
  });

  it('keeps words that are too long with a message next to the field; names a bad type or page; suggests when nothing matches', async () => {
    const long = 'w'.repeat(201);
    const tooLong = await html(`/fr/search?q=${long}`);
    assert.equal(tooLong.status, 200);
    assert.match(tooLong.body, /<p class="field-error" id="search-q-error">Veuillez utiliser au plus 200 caractères.<\/p>/);
    assert.match(tooLong.body, /aria-invalid="true" aria-describedby="search-q-error"/);
    assert.doesNotMatch(tooLong.body, /results-count/);
    assert.ok(tooLong.body.includes(`value="${long}"`));
    const odd = await html('/en/search?q=Agadir&type=spaceship&page=0');
    assert.match(odd.body, /were ignored: <bdi dir="ltr">type, page<\/bdi>/);
    const none = await html('/de/search?q=xqzvbnmwk&type=practice');
    assert.match(none.body, /Nichts passt zu „xqzvbnmwk“/);
    assert.match(none.body, /<a href="\/de\/search\?q=xqzvbnmwk">In allen Arten von Inhalten suchen<\/a>/);
    assert.match(none.body, /<a href="\/de\/practices">/);
  });
});

describe('GET /api/v1/search', () => {
  it('answers the documented shape with absolute URLs, counts per type, and public caching for anonymous callers', async () => {
    const res = await t.request('/api/v1/search?q=Agadir&lang=de');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    const body = searchApiResult.parse(await res.json());
    assert.ok(body.total >= body.items.length);
    for (const item of body.items) {
      assert.deepEqual(Object.keys(item), ['type', 'externalId', 'title', 'summary', 'url', 'language']);
      assert.ok(item.url.startsWith(`${base}/de/`), item.url);
      assert.ok((SEARCH_TYPES as readonly string[]).includes(item.type));
    }
    const sum = Object.values(body.facets.type).reduce((s, n) => s + n, 0);
    assert.equal(body.total, sum);
    // With a type: only that type; the counts of the others stay.
    const type = body.items[0]?.type ?? 'practice';
    const one = searchApiResult.parse(await (await t.request(`/api/v1/search?q=Agadir&lang=de&type=${type}`)).json());
    assert.ok(one.items.every((i) => i.type === type));
    assert.equal(one.total, body.facets.type[type] ?? 0);
    assert.deepEqual(one.facets, body.facets);
    const doc = openApiDocument as unknown as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    assert.deepEqual(
      doc.paths['/search']?.get.parameters.map((p) => p.name),
      ['q', 'lang', 'type', 'page'],
    );
  });

  it('refuses bad parameters with problem details naming each', async () => {
    for (const [query, names] of [
      ['', ['q']],
      ['q=%20%20', ['q']],
      [`q=${'a'.repeat(201)}`, ['q']],
      ['q=water&type=spaceship&lang=pt', ['lang', 'type']],
      ['q=water&page=0', ['page']],
      ['q=water&page=26', ['page']],
      ['q=water&q=waste', ['q']],
    ] as const) {
      const res = await t.request(`/api/v1/search?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', query);
      const problem = (await res.json()) as { 'invalid-params': Array<{ name: string }> };
      assert.deepEqual([...new Set(problem['invalid-params'].map((p) => p.name))].sort(), [...names], query);
    }
  });
});

describe('sitemap and robots.txt', () => {
  it('names the sitemap index in robots.txt', async () => {
    assert.ok(base.startsWith('http'), base);
    const robots = await (await t.request('/robots.txt')).text();
    assert.match(robots, /^Disallow: \/api\/$/m);
  });

  it('has an index of well-formed sitemaps, each URL with every language version and x-default', async () => {
    const res = await t.request('/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(res.headers.get('cache-control') ?? '', /public/);
    const index = parseXml(await res.text());
    assert.equal(index.name, 'sitemapindex');
    assert.equal(index.attrs.xmlns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = children(index, 'sitemap').map((s) => children(s, 'loc')[0]?.text ?? '');
    assert.ok(locs.includes(`${base}/sitemaps/site-1.xml`), String(locs));
    for (const loc of locs) {
      assert.match(loc, new RegExp(`^${base}/sitemaps/[a-z][a-z-]*-[1-9][0-9]*\\.xml$`));
      const sitemap = await t.request(loc.slice(base.length));
      assert.equal(sitemap.status, 200, loc);
      const urlset = parseXml(await sitemap.text());
      assert.equal(urlset.name, 'urlset', loc);
      assert.equal(urlset.attrs['xmlns:xhtml'], 'http://www.w3.org/1999/xhtml');
      for (const url of children(urlset, 'url')) {
        const own = children(url, 'loc')[0]?.text ?? '';
        const links = children(url, 'xhtml:link');
        const alternates = new Map(links.map((l) => [l.attrs.hreflang, l.attrs.href]));
        const locale = /^[^/]+\/\/[^/]+\/([a-z]{2})\//.exec(own)?.[1] ?? '';
        assert.equal(alternates.get(locale), own, `${own}: its own language among the alternates`);
        assert.ok(links.every((l) => l.attrs.rel === 'alternate'));
        assert.equal(alternates.get('x-default'), alternates.get('en') ?? links[0]?.attrs.href, own);
        for (const date of children(url, 'lastmod')) assert.ok(!Number.isNaN(Date.parse(date.text)), date.text);
      }
    }
  });

  it('lists home and the sections in every language, and 404s for a file nobody has', async () => {
    const site = parseXml(await (await t.request('/sitemaps/site-1.xml')).text());
    const urls = children(site, 'url');
    const locs = urls.map((u) => children(u, 'loc')[0]?.text);
    for (const l of LOCALES) {
      assert.ok(locs.includes(`${base}/${l}/`), l);
      assert.ok(locs.includes(`${base}/${l}/practices`), l);
      assert.ok(locs.includes(`${base}/${l}/themes`), l);
    }
    assert.ok(!locs.some((l) => l?.includes('/editor/') || l?.includes('/admin/')));
    const home = urls.find((u) => children(u, 'loc')[0]?.text === `${base}/ar/`) as XmlElement;
    assert.deepEqual(
      children(home, 'xhtml:link').map((l) => `${l.attrs.hreflang} ${l.attrs.href}`),
      [...LOCALES.map((l) => `${l} ${base}/${l}/`), `x-default ${base}/en/`],
    );
    for (const path of ['/sitemaps/site-2.xml', '/sitemaps/nothing-1.xml', '/sitemaps/site.xml', '/sitemaps/site-0.xml']) {
      assert.equal((await t.request(path)).status, 404, path);
    }
  });
});
