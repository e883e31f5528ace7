import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts';
import { moduleServices } from '../../modules.ts';
import { exportNews, importNews } from './news.import.ts';
import { publicationInstant } from './news-editor.service.ts';
import { newsNewsletterItems, newsPictureAccess, newsSearchSource, newsSitemapSource } from './news-sources.service.ts';

// The news on the demo database: editors' rights, bad input, drafts that never leak, sanitising, the
// feed, the search/sitemap/newsletter sources and the exchange format.

let t: TestApp;
let editor: Visitor;
const extensions = moduleServices.extensions;
const DRAFT_TITLE = 'Zebra crossings for Quelimane draft';
const EVIL = 'Before <script>alert(1)</script> [click](javascript:alert(2)) ![pixel](https://tracker.example/p.gif) after';

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, 'news-editor@network.example', 'editor');
  await createMember(t, 'reader@city.example');
  editor = await signedIn(t, 'news-editor@network.example');
});
after(() => t.close());

const sitemapPaths = async () => (await newsSitemapSource.entries(t.database.db, { offset: 0, limit: 1000 })).map((e) => e.path);
const searchTitles = async (q: string) =>
  (await newsSearchSource.search(t.database.db, { q, locale: 'en', viewer: null, limit: 20, offset: 0 })).hits.map((h) => h.title);

describe('news', () => {
  it('shows the demo stories with their article page, JSON-LD, hreflang and related event', async () => {
    const v = newVisitor(t);
    const list = await (await v.get('/en/news')).text();
    assert.match(list, /Mitrovica brings waste pickers into the picture/);
    assert.match(list, /rel="alternate" type="application\/atom\+xml" href="\/en\/news\/feed.atom"/);
    const res = await v.get('/en/news/mitrovica-informal-waste-sector');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /"@type":"NewsArticle"/);
    assert.match(html, /hreflang="de"/);
    assert.doesNotMatch(html, /rel="alternate" hreflang="fr"/, 'only the languages it is written in');
    assert.match(html, /property="og:type" content="article"/);
    assert.match(html, /href="\/en\/events\/[a-z0-9-]+"/, 'links the related event');
    // Arabic reader of a story without Arabic: English with the fallback note.
    const ar = await (await v.get('/ar/news/trier-land-management-dialogue')).text();
    assert.match(ar, /class="fallback-note"/);
    const filtered = await (await v.get('/en/news?region=mena&year=2020')).text();
    assert.match(filtered, /Forty practitioners/);
    assert.doesNotMatch(filtered, /Mitrovica brings/);
    assert.equal((await v.get('/en/news?year=abc&page=-3')).status, 200, 'bad filters fall back, never a 500');
  });

  it('lets only editors into the editor', async () => {
    const anonymous = newVisitor(t);
    const res = await anonymous.get('/en/editor/news');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/en\/sign-in/);
    assert.equal((await anonymous.post('/en/editor/news/new', { title_en: 'x' })).status, 403, 'no CSRF token, no post');
    const member = await signedIn(t, 'reader@city.example');
    assert.equal((await member.get('/en/editor/news')).status, 403);
    assert.equal((await member.post('/en/editor/news/new', { title_en: 'Sneaky' })).status, 403);
    const ok = await editor.get('/en/editor/news');
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /A Berliner in Jakarta/);
  });

  it('keeps what was typed and saves nothing on bad input', async () => {
    await editor.get('/en/editor/news/new');
    const res = await editor.post('/en/editor/news/new', {
      title_en: 'Bus lanes in Tunis',
      lead_en: 'A lead',
      body_de: 'Text without title',
      countries: 'TN, Tunisia',
      related: 'event:no-such-event',
      publishedAt: '2020-13-45',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /value="Bus lanes in Tunis"/);
    assert.match(html, />Text without title<\/textarea>/);
    assert.match(html, /Please give a title, or empty this language/);
    assert.match(html, /two-letter country codes/);
    assert.match(html, /Please enter a date like 2020-12-10/);
    const unknown = await editor.post('/en/editor/news/new', {
      title_en: 'Bus lanes in Tunis',
      related: 'event:no-such-event\nexpert:nobody-here',
      themes: 'no-theme',
    });
    assert.equal(unknown.status, 422);
    const unknownHtml = await unknown.text();
    assert.match(unknownHtml, /Nothing public is found for: event:no-such-event, expert:nobody-here/);
    assert.match(unknownHtml, /Unknown: no-theme/);
    const tooLong = await editor.post('/en/editor/news/new', { title_en: 'x'.repeat(201) });
    assert.equal(tooLong.status, 422);
    assert.match(await tooLong.text(), /at most 200 characters/);
    const publishIncomplete = await editor.post('/en/editor/news/new', { title_en: 'Only a title', intent: 'publish' });
    assert.equal(publishIncomplete.status, 422);
    assert.match(await publishIncomplete.text(), /one language needs its title, lead and text/);
    const count = await sql<{ n: number }>`select count(*)::int as n from news_articles where external_id like 'peerpolis-news-%'`.execute(
      t.database.db,
    );
    assert.equal(count.rows[0]?.n, 0);
  });

  it('never shows a draft, and sanitises the published text', async () => {
    await editor.get('/en/editor/news/new');
    const saved = await editor.post('/en/editor/news/new', {
      title_en: DRAFT_TITLE,
      lead_en: 'Safer streets near schools.',
      body_en: EVIL,
      themes: 'integrated-urban-development',
      related: 'event:demo-event-trier-sustainable-land-management-2020',
    });
    assert.equal(saved.status, 303);
    const location = saved.headers.get('location') ?? '';
    const slug = /\/editor\/news\/([a-z0-9-]+)/.exec(location)?.[1] ?? '';
    assert.ok(slug);
    const anonymous = newVisitor(t);
    assert.equal((await anonymous.get(`/en/news/${slug}`)).status, 404);
    assert.doesNotMatch(await (await anonymous.get('/en/news')).text(), /Zebra crossings/);
    assert.doesNotMatch(await (await anonymous.get('/en/news/feed.atom')).text(), /Zebra crossings/);
    assert.doesNotMatch(await (await anonymous.get('/en/')).text(), /Zebra crossings/);
    assert.ok(!(await sitemapPaths()).includes(`/news/${slug}`));
    assert.deepEqual(await searchTitles('zebra crossings'), []);
    assert.equal((await anonymous.get(`/en/editor/news/${slug}/preview`)).status, 303, 'the preview is for editors');
    const preview = await editor.get(`/en/editor/news/${slug}/preview`);
    assert.equal(preview.status, 200);
    assert.match(await preview.text(), /Preview for editors/);
    // The picture: alt text required, what was typed kept; a draft's picture is for editors only.
    const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    const upload = async (fields: Record<string, string>) => {
      await editor.get(location);
      const form = new FormData();
      form.set('file', new File([jpeg], 'crossing.jpg', { type: 'image/jpeg' }));
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return editor.postMultipart(`/en/editor/news/${slug}/picture`, form);
    };
    assert.equal((await upload({ credit: 'City of Quelimane' })).status, 422);
    assert.match(editor.lastHtml, /Please describe the picture in at least one language/);
    assert.match(editor.lastHtml, /value="City of Quelimane"/);
    assert.equal((await upload({ credit: 'City of Quelimane', alt_en: 'Children crossing a painted street' })).status, 303);
    const sha =
      (await sql<{ s: string }>`select picture_sha256 as s from news_articles where slug = ${slug}`.execute(t.database.db)).rows[0]?.s ??
      '';
    assert.equal(await newsPictureAccess(t.database.db, sha, null), 'denied');
    const unconfirmed = { id: 1, name: 'E', role: 'editor', locale: 'en', emailVerified: false, sessionId: 's' } as const;
    assert.equal(await newsPictureAccess(t.database.db, sha, unconfirmed), 'denied', 'an editor without a confirmed address');
    assert.equal((await anonymous.get(`/uploads/${sha}.jpg`)).status, 404);
    assert.equal((await editor.get(`/uploads/${sha}.jpg`)).status, 200);

    await editor.get(location);
    const published = await editor.post(`/en/editor/news/${slug}`, {
      title_en: DRAFT_TITLE,
      lead_en: 'Safer streets near schools.',
      body_en: EVIL,
      themes: 'integrated-urban-development',
      related: 'event:demo-event-trier-sustainable-land-management-2020',
      intent: 'publish',
    });
    assert.equal(published.status, 303);
    assert.equal(await newsPictureAccess(t.database.db, sha, null), 'public');
    assert.equal((await anonymous.get(`/uploads/${sha}.jpg`)).status, 200);
    const page = await anonymous.get(`/en/news/${slug}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const prose = /<div class="prose">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    assert.match(prose, /Before/);
    assert.doesNotMatch(prose, /<script|href="javascript:|<img|src=/);
    assert.match(html, /More news on these themes/, 'other news sharing a theme');
    assert.match(html, /alt="Children crossing a painted street"/);
    assert.match(html, /Picture: City of Quelimane/);
    assert.ok((await sitemapPaths()).includes(`/news/${slug}`));
    assert.deepEqual(await searchTitles('zebra crossings'), [DRAFT_TITLE]);
    assert.match(await (await anonymous.get('/en/')).text(), /Zebra crossings/, 'the home page shows the latest');

    // Saved again with the day the form shows: still online, still published when it was (not at noon).
    const publishedAt = async () =>
      (await sql<{ at: Date }>`select published_at as at from news_articles where slug = ${slug}`.execute(t.database.db)).rows[0]?.at;
    const first = await publishedAt();
    await editor.get(location);
    const day = /name="publishedAt"[^>]*value="([0-9-]{10})"/.exec(editor.lastHtml)?.[1] ?? '';
    assert.equal(day, first?.toISOString().slice(0, 10));
    const resaved = await editor.post(`/en/editor/news/${slug}`, {
      title_en: DRAFT_TITLE,
      lead_en: 'Safer.',
      body_en: EVIL,
      publishedAt: day,
    });
    assert.equal(resaved.status, 303);
    assert.equal((await publishedAt())?.toISOString(), first?.toISOString());
    assert.equal((await anonymous.get(`/en/news/${slug}`)).status, 200);

    // Unpublished again: gone everywhere.
    await editor.post(`/en/editor/news/${slug}`, {
      title_en: DRAFT_TITLE,
      lead_en: 'Safer streets near schools.',
      body_en: EVIL,
      intent: 'unpublish',
    });
    assert.equal((await anonymous.get(`/en/news/${slug}`)).status, 404);
    assert.deepEqual(await searchTitles('zebra crossings'), []);
    assert.ok(!(await sitemapPaths()).includes(`/news/${slug}`));
  });

  it('turns the form’s day into the publication instant without moving a published article into the future', () => {
    const now = new Date('2026-12-05T08:30:00Z');
    const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);
    const stored = new Date('2026-12-05T08:00:00Z');
    assert.equal(publicationInstant(noonOf('2026-12-05'), stored, now), stored, 'the same day keeps the stored instant');
    assert.equal(publicationInstant(noonOf('2026-12-05'), null, now), now, 'today, before noon: now');
    assert.equal(publicationInstant(noonOf('2026-12-01'), stored, now)?.toISOString(), '2026-12-01T12:00:00.000Z');
    assert.equal(publicationInstant(noonOf('2026-12-24'), stored, now)?.toISOString(), '2026-12-24T12:00:00.000Z', 'planned');
    assert.equal(publicationInstant(null, stored, now), null);
  });

  it('serves a well-formed Atom feed per language', async () => {
    const res = await newVisitor(t).get('/de/news/feed.atom');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const feed = parseXml(await res.text());
    assert.equal(feed.name, 'feed');
    const entries = childrenNamed(feed, 'entry');
    assert.equal(entries.length, 6);
    const titles = entries.map((e) => childrenNamed(e, 'title')[0]?.text);
    assert.ok(titles.includes('Eine Berlinerin in Jakarta'));
    const content = childrenNamed(entries[0] as never, 'content')[0]?.text ?? '';
    assert.doesNotMatch(content, /<script/);
  });

  it('offers published news to the newsletter', async () => {
    const db = t.database.db;
    const suggestions = await newsNewsletterItems.suggest(db, { since: new Date('2020-11-01'), until: new Date('2020-12-31') }, 'en');
    assert.ok(suggestions.some((s) => s.ref === 'news:demo-news-berliner-in-jakarta' && s.section === 'review'));
    assert.ok(!suggestions.some((s) => s.ref === 'news:demo-news-mena-local-economic-development-2020'), 'published before the window');
    const rendered = await newsNewsletterItems.render(db, ['demo-news-berliner-in-jakarta', 'nope'], 'ar', 'https://x.example');
    assert.equal(rendered.size, 1);
    assert.equal(rendered.get('demo-news-berliner-in-jakarta')?.locale, 'en', 'falls back to English');
  });

  it('exports and imports news idempotently and rejects bad records with reasons', async () => {
    const db = t.database.db;
    const exported = await exportNews(db);
    assert.ok(exported.length >= 6);
    const again = await importNews(db, JSON.parse(JSON.stringify(exported)), extensions);
    assert.ok(
      again.every((r) => r.outcome === 'updated'),
      JSON.stringify(again.filter((r) => r.outcome !== 'updated')),
    );
    assert.deepEqual(await exportNews(db), exported, 'a round trip changes nothing');
    const report = await importNews(
      db,
      [
        {
          externalId: 'n-1',
          status: 'published',
          publishedAt: '2020-12-01T10:00:00Z',
          themes: ['no-such-theme'],
          translations: { en: { title: 'A', lead: 'L', body: 'B' } },
        },
        { externalId: 'n-2', status: 'published', translations: { en: { title: 'Title only' } } },
        {
          externalId: 'n-3',
          status: 'draft',
          translations: { en: { title: 'Linked' } },
          related: [{ kind: 'event', ref: 'no-such-event' }],
        },
        { externalId: 'n-4', status: 'sent', translations: {} },
        {
          externalId: 'n-5',
          status: 'published',
          publishedAt: '2020-12-01T10:00:00Z',
          countries: ['MA'],
          translations: { fr: { title: 'Nouveau', lead: 'Chapeau', body: 'Texte' } },
        },
      ],
      extensions,
    );
    const reasons = Object.fromEntries(report.map((r) => [r.externalId, r.reasons.join(' | ')]));
    assert.match(reasons['n-1'] ?? '', /themes: unknown: no-such-theme/);
    assert.match(reasons['n-2'] ?? '', /translations: a published article needs a translation with title, lead and body/);
    assert.match(reasons['n-3'] ?? '', /related: no public record: event:no-such-event/);
    assert.match(reasons['n-4'] ?? '', /status/);
    assert.match(reasons['n-4'] ?? '', /translations/);
    assert.deepEqual(
      report.map((r) => r.outcome),
      ['rejected', 'rejected', 'rejected', 'rejected', 'created'],
    );
    assert.equal((await newVisitor(t).get('/fr/news/nouveau')).status, 200);
  });
});
