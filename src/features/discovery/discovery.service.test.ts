import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml } from '../../../tests/helpers/xml.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Logger } from '../../platform/log.ts';
import type { NavEntry } from '../../platform/ui/navigation.ts';
import {
  countLabel,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_SOURCES_AT_ONCE,
  type SiteSearchRequest,
  searchSite,
} from './search.service.ts';
import { SEARCH_COUNT_CAP, type SearchHit, type SearchRequest, type SearchSource, type SearchType } from './search-sources.ts';
import { findSitemapFile, sitemapIndexXml, sitemapXml, staticPagesSource } from './sitemap.service.ts';
import { SITEMAP_PAGE_SIZE, type SitemapSource } from './sitemap-sources.ts';

// The merging of the sources' answers and the sitemap's XML, with fake sources: no database is needed
// (the sources own their SQL).

type Fake = SearchSource & { asked: SearchRequest[] };

/** A source over fixed hits that pages them as the contract says (reader's language first, then rank). */
function fakeSource(type: SearchType, hits: Array<Pick<SearchHit, 'externalId' | 'language' | 'rank'>>, total = hits.length): Fake {
  const asked: SearchRequest[] = [];
  return {
    type,
    asked,
    search: async (_db, request) => {
      asked.push(request);
      const ordered = hits
        .map((h) => ({ ...h, title: `${type} ${h.externalId}`, summary: '', path: `/${request.locale}/${type}/${h.externalId}` }))
        .sort((a, b) => Number(b.language === request.locale) - Number(a.language === request.locale) || b.rank - a.rank);
      return { total, hits: ordered.slice(request.offset, request.offset + request.limit) };
    },
  };
}

const failing = (type: SearchType): SearchSource => ({
  type,
  search: async () => {
    throw new Error('relation "videos" does not exist');
  },
});

function recordingLogger() {
  const lines: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => lines.push(args) } as unknown as Logger;
  return { logger, lines };
}

const run = (sources: SearchSource[], request: Partial<SiteSearchRequest> = {}, logger = recordingLogger().logger) =>
  searchSite(
    { db: {} as Database, sources, logger },
    { q: 'waste pickers', locale: 'de' as Locale, type: null, page: 1, viewer: null, ...request },
  );

const many = (prefix: string, n: number, language: Locale, top: number) =>
  Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}${i}`, language, rank: top - i / 1000 }));

describe('site search: merging the sources', () => {
  it('puts the reader’s language first, then the rank, across types; tags each hit with its type', async () => {
    const practices = fakeSource('practice', [
      { externalId: 'p-en-high', language: 'en', rank: 0.9 },
      { externalId: 'p-de-low', language: 'de', rank: 0.1 },
    ]);
    const news = fakeSource('news', [
      { externalId: 'n-de-high', language: 'de', rank: 0.8 },
      { externalId: 'n-fr', language: 'fr', rank: 0.95 },
    ]);
    const result = await run([practices, news], { viewer: { id: 7, role: 'member' } });
    assert.deepEqual(
      result.items.map((h) => `${h.type}:${h.externalId}`),
      ['news:n-de-high', 'practice:p-de-low', 'news:n-fr', 'practice:p-en-high'],
    );
    assert.equal(result.total, 4);
    assert.deepEqual(result.facets, [
      { type: 'practice', total: 2, capped: false },
      { type: 'news', total: 2, capped: false },
    ]);
    // Every source heard the words, the reader's language and the viewer.
    assert.deepEqual(
      [practices.asked[0], news.asked[0]].map((r) => [r?.q, r?.locale, r?.viewer?.id]),
      [
        ['waste pickers', 'de', 7],
        ['waste pickers', 'de', 7],
      ],
    );
  });

  it('pages the merged list: each source returns its best offset + limit, the page is cut from the merge', async () => {
    const practices = fakeSource('practice', many('p', 30, 'de', 0.9));
    const experts = fakeSource('expert', many('e', 30, 'de', 0.5));
    const page2 = await run([practices, experts], { page: 2 });
    assert.deepEqual(practices.asked.at(-1), { ...practices.asked.at(-1), limit: 2 * SEARCH_PAGE_SIZE, offset: 0 });
    // Practices outrank experts: page 1 is p0–p19, page 2 p20–p29 then e0–e9.
    assert.deepEqual(
      page2.items.map((h) => h.externalId),
      [...many('p', 30, 'de', 0).slice(20), ...many('e', 10, 'de', 0)].map((h) => h.externalId),
    );
    assert.equal(page2.page, 2);
    assert.equal(page2.pages, 3);
    const page3 = await run([practices, experts], { page: 3 });
    assert.deepEqual(
      page3.items.map((h) => h.externalId),
      many('e', 30, 'de', 0)
        .slice(10, 30)
        .map((h) => h.externalId),
    );
  });

  it('with a type, lets that source page itself and asks the others for their counts only', async () => {
    const practices = fakeSource('practice', many('p', 45, 'en', 0.9));
    const events = fakeSource('event', many('v', 3, 'de', 0.2));
    const result = await run([practices, events], { type: 'practice', page: 2 });
    assert.deepEqual([practices.asked.at(-1)?.limit, practices.asked.at(-1)?.offset], [SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE]);
    assert.deepEqual([events.asked.at(-1)?.limit, events.asked.at(-1)?.offset], [0, 0]);
    assert.deepEqual(
      result.items.map((h) => h.externalId),
      many('p', 40, 'en', 0)
        .slice(20, 40)
        .map((h) => h.externalId),
    );
    assert.ok(result.items.every((h) => h.type === 'practice'));
    assert.equal(result.total, 45);
    assert.equal(result.pages, 3);
    // The tabs still count every type.
    assert.deepEqual(
      result.facets.map((f) => [f.type, f.total]),
      [
        ['practice', 45],
        ['event', 3],
      ],
    );
    // A type nobody contributes finds nothing, and says so with one (empty) page.
    const none = await run([practices, events], { type: 'video' });
    assert.deepEqual([none.items.length, none.total, none.pages], [0, 0, 1]);
  });

  it('marks capped counts and keeps the last page within the ranked candidates', async () => {
    const experts = fakeSource('expert', many('e', 40, 'de', 0.5), SEARCH_COUNT_CAP + 1);
    const news = fakeSource('news', many('n', 5, 'de', 0.4));
    const result = await run([experts, news], { page: 999 });
    assert.equal(result.page, SEARCH_MAX_PAGE);
    assert.equal(result.pages, SEARCH_MAX_PAGE);
    assert.equal(result.capped, true);
    assert.deepEqual(result.facets[0], { type: 'expert', total: SEARCH_COUNT_CAP + 1, capped: true });
    const format = new Intl.NumberFormat('en').format;
    assert.equal(countLabel(format, result.facets[0] as { total: number; capped: boolean }), '1,000+');
    assert.equal(countLabel(format, { total: 1234, capped: false }), '1,234');
    // The merged page past the sources' hits is empty rather than wrong.
    assert.deepEqual(result.items, []);
  });

  it('leaves a failing source out, names its type and logs it without the words', async () => {
    const { logger, lines } = recordingLogger();
    const practices = fakeSource('practice', many('p', 2, 'de', 0.9));
    const result = await run([practices, failing('video')], {}, logger);
    assert.deepEqual(
      result.items.map((h) => h.externalId),
      ['p0', 'p1'],
    );
    assert.deepEqual(result.unavailable, ['video']);
    assert.deepEqual(
      result.facets.map((f) => f.type),
      ['practice'],
    );
    assert.equal(lines.length, 1);
    assert.match(JSON.stringify(lines[0]), /"searchType":"video"/);
    assert.doesNotMatch(JSON.stringify(lines), /waste pickers/);
    // Asked for the failing type alone: an empty page that says the type is missing, not an error.
    const alone = await run([practices, failing('video')], { type: 'video' }, logger);
    assert.deepEqual([alone.items.length, alone.total, alone.unavailable], [0, 0, ['video']]);
  });

  it('asks at most SEARCH_SOURCES_AT_ONCE sources at a time, and every one of them', async () => {
    let running = 0;
    let most = 0;
    const types: SearchType[] = ['practice', 'expert', 'event', 'call', 'projectIdea', 'news', 'publication', 'video', 'page'];
    const slow = types.map((type, i) => {
      const inner = fakeSource(type, many(type, 1, 'de', 0.5 + i / 100));
      return {
        type,
        search: async (db: Database, request: SearchRequest) => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return inner.search(db, request);
        },
      };
    });
    const result = await run(slow);
    assert.equal(most, SEARCH_SOURCES_AT_ONCE);
    assert.deepEqual(
      result.facets.map((f) => [f.type, f.total]),
      types.map((type) => [type, 1]),
    );
    assert.equal(result.items.length, types.length);
  });
});

describe('sitemap: the XML and the site’s own pages', () => {
  const db = {} as Database;
  const base = 'https://peers.example.org';
  const news: SitemapSource = {
    name: 'news',
    count: async () => SITEMAP_PAGE_SIZE + 1,
    entries: async (_db, { offset }) =>
      offset === 0
        ? [
            { path: '/news/tea-&-talk?x="1"', locales: ['ar', 'de'], updatedAt: new Date('2026-11-02T10:00:00Z') },
            { path: '/news/only-english', locales: ['en'], updatedAt: null },
          ]
        : [],
    navigationPaths: ['/about'],
  };
  const nav = (area: NavEntry['area'], href: string): NavEntry => ({ area, section: href, href, label: 'x', order: 1 });

  it('escapes everything, marks the languages in the order of the locales, x-default English else the first', async () => {
    const xml = await sitemapXml(db, { source: news, page: 1 }, base);
    const urlset = parseXml(xml);
    const urls = urlset.children.filter((c) => c.name === 'url');
    assert.deepEqual(
      urls.map((u) => u.children.find((c) => c.name === 'loc')?.text),
      [`${base}/de/news/tea-&-talk?x="1"`, `${base}/ar/news/tea-&-talk?x="1"`, `${base}/en/news/only-english`],
    );
    const first = urls[0]?.children ?? [];
    assert.deepEqual(
      first.filter((c) => c.name === 'xhtml:link').map((c) => `${c.attrs.hreflang} ${c.attrs.href}`),
      [`de ${base}/de/news/tea-&-talk?x="1"`, `ar ${base}/ar/news/tea-&-talk?x="1"`, `x-default ${base}/de/news/tea-&-talk?x="1"`],
    );
    assert.equal(first.find((c) => c.name === 'lastmod')?.text, '2026-11-02T10:00:00.000Z');
    assert.equal(
      urls[2]?.children.find((c) => c.name === 'lastmod'),
      undefined,
    );
  });

  it('pages the index by SITEMAP_PAGE_SIZE, leaves out a failing source, and finds only files that exist', async () => {
    const broken: SitemapSource = { name: 'videos', count: async () => Promise.reject(new Error('down')), entries: async () => [] };
    const { logger, lines } = recordingLogger();
    const index = parseXml(await sitemapIndexXml(db, [news, broken], base, logger));
    assert.deepEqual(
      index.children.map((s) => s.children[0]?.text),
      [`${base}/sitemaps/news-1.xml`, `${base}/sitemaps/news-2.xml`],
    );
    assert.equal(lines.length, 1);
    assert.ok(await findSitemapFile(db, [news], 'news-2.xml'));
    for (const file of ['news-3.xml', 'news-0.xml', 'news.xml', 'other-1.xml', '../news-1.xml', 'news-1.xml.gz']) {
      assert.equal(await findSitemapFile(db, [news], file), null, file);
    }
  });

  it('lists home and the main and footer sections once, in every language, less what a source lists itself', async () => {
    const source = staticPagesSource(
      [
        nav('main', '/practices'),
        nav('footer', '/themes'),
        nav('footer', '/practices'),
        nav('footer', '/about'),
        nav('editorial', '/editor/x'),
      ],
      [news],
    );
    const entries = await source.entries(db, { offset: 0, limit: 100 });
    assert.deepEqual(
      entries.map((e) => e.path),
      ['/', '/practices', '/themes'],
    );
    assert.deepEqual(entries[0]?.locales, ['en', 'de', 'fr', 'es', 'ar']);
    assert.equal(await source.count(db), 3);
  });
});
