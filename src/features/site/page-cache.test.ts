import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { createDeps } from '../../platform/deps.ts';

// The anonymous page cache (ADR 015): what is kept, for whom, and that a change shows at once everywhere.

let t: TestApp;
/** A second app on the same database: another process, with a page cache of its own. */
let second: ReturnType<typeof createApp>;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.dataDir });
  second = createApp(createDeps(config, t.database, { persistSecret: false }));
  await createMember(t, 'reader@example.org');
});
after(() => t.close());

/** The title of the newest published English article, and a way to rename it (a committed change). */
async function newestArticle(): Promise<{ id: number; title: string }> {
  const { rows } = await sql<{ id: number; title: string }>`
    select a.id, tr.title from news_articles a join news_translations tr on tr.article_id = a.id and tr.locale = 'en'
    where a.status = 'published' and a.published_at <= now() order by a.published_at desc, a.id desc limit 1`.execute(t.database.db);
  assert.ok(rows[0], 'the demo has a published article');
  return rows[0];
}
const rename = (id: number, title: string) =>
  sql`update news_translations set title = ${title} where article_id = ${id} and locale = 'en'`.execute(t.database.db);

async function pageCacheCount(outcome: string): Promise<number> {
  const text = await (await t.request('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`peerpolis_page_cache_total{outcome="${outcome}"} `));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('the anonymous page cache', () => {
  it('serves a page again from memory, compressed as asked, with validators a browser revalidates to 304', async () => {
    const hits = await pageCacheCount('hit');
    const plain = await t.request('/en/news');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
    const etag = plain.headers.get('etag') ?? '';
    const lastModified = plain.headers.get('last-modified') ?? '';
    assert.match(etag, /^W\/"[\w-]{22}"$/);
    assert.ok(Date.parse(lastModified) > 0);
    // Drawing it may have started a CSRF cookie; a shared page hands out none (a proxy would keep it).
    assert.deepEqual(
      plain.headers.getSetCookie().filter((c) => !c.startsWith('locale=')),
      [],
    );
    const html = await plain.text();
    assert.match(html, /<html/);

    const br = await t.request('/en/news', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('etag'), etag, 'the same tag for every encoding of the same page');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), html);
    const gz = await t.request('/en/news', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), html);
    assert.equal(await pageCacheCount('hit'), hits + 2);
    assert.doesNotMatch(gz.headers.get('set-cookie') ?? '', /csrf=/);

    const revalidated = await t.request('/en/news', { headers: { 'if-none-match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), '');
    assert.equal(revalidated.headers.get('etag'), etag);
    assert.equal((await t.request('/en/news', { headers: { 'if-modified-since': lastModified } })).status, 304);
    assert.equal((await t.request('/en/news', { headers: { 'if-none-match': 'W/"something-else"' } })).status, 200);
    // Another process draws the same page with the same tag, so a browser's copy stays good there too.
    assert.equal((await second.request('/en/news', { headers: { 'if-none-match': etag } })).status, 304);
  });

  it('shows a change at once, on every process, and sends a new tag with it', async () => {
    const article = await newestArticle();
    const before = await t.request('/en/news');
    const etag = before.headers.get('etag') ?? '';
    assert.ok((await before.text()).includes(article.title));
    await second.request('/en/news');
    await rename(article.id, 'Water kiosks renamed by an editor');
    for (const app of [second, t.app]) {
      const res = await app.request('/en/news', { headers: { 'if-none-match': etag } });
      assert.equal(res.status, 200, 'the old tag no longer matches');
      const html = await res.text();
      assert.ok(html.includes('Water kiosks renamed by an editor'));
      assert.ok(!html.includes(article.title));
      assert.notEqual(res.headers.get('etag'), etag);
    }
    await rename(article.id, article.title);
    assert.ok((await (await second.request('/en/news')).text()).includes(article.title));
  });

  it('never gives a signed-in page to a visitor, nor a kept page to someone signed in, while content changes', async () => {
    const member = await signedIn(t, 'reader@example.org');
    const article = await newestArticle();
    for (let round = 0; round < 4; round++) {
      const title = `Round ${round} of the exchange`;
      const [visitor, own] = await Promise.all([
        t.request('/en/news'),
        member.get('/en/news'),
        rename(article.id, title),
        second.request('/en/news'),
      ]);
      const visitorHtml = await visitor.text();
      assert.doesNotMatch(visitorHtml, /href="\/en\/my"|reader@example\.org/, 'a visitor never sees the member’s menu');
      assert.match(visitor.headers.get('cache-control') ?? '', /^public/);
      assert.match(member.lastHtml, /href="\/en\/my"/, 'the member always sees their own menu');
      assert.equal(own.headers.get('cache-control'), 'private, no-store');
      assert.equal(own.headers.get('etag'), null);
      // After the change has committed, both see it on the next request.
      assert.ok((await (await t.request('/en/news')).text()).includes(title));
      assert.ok((await member.get('/en/news')) && member.lastHtml.includes(title));
    }
    await rename(article.id, article.title);
  });

  it('draws a page with a form of its own for each visitor, and keeps nothing that is not a plain 200 page', async () => {
    const [a, b] = [newVisitor(t), newVisitor(t)];
    await a.get('/en/sign-in');
    await b.get('/en/sign-in');
    assert.ok(a.csrf && b.csrf && a.csrf !== b.csrf, 'each visitor gets a token of their own');
    const uncacheable = await pageCacheCount('uncacheable');
    const missing = await t.request('/en/news/no-such-article');
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.headers.get('cache-control') ?? '', /public/);
    assert.equal(await pageCacheCount('uncacheable'), uncacheable + 1);
    assert.equal((await t.request('/en/news', { method: 'HEAD' })).headers.get('etag'), null, 'HEAD is drawn, not kept');
  });

  it('lets a visitor subscribe from a kept page’s footer without a token, only when the browser says it is this site', async () => {
    const page = await (await t.request('/en/news')).text();
    const footer = page.slice(page.indexOf('id="footer-newsletter"'));
    assert.ok(footer.includes('action="/en/newsletter/subscribe"'));
    assert.doesNotMatch(page, /name="_csrf"/, 'a kept page carries no token');
    const form = (site?: string, cookie?: string, token?: string) =>
      t.request('/en/newsletter/subscribe', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(site ? { 'sec-fetch-site': site } : {}),
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams({
          source: 'footer',
          email: 'footer-reader@example.org',
          locale: 'en',
          consent: 'yes',
          ...(token ? { _csrf: token } : {}),
        }),
      });
    assert.equal((await form('cross-site')).status, 403);
    assert.equal((await form()).status, 403, 'no token and no word from the browser');
    assert.equal((await form('same-origin', undefined, 'x'.repeat(43))).status, 403, 'a wrong token is refused whatever the browser says');
    const member = await signedIn(t, 'reader@example.org');
    assert.equal((await form('same-origin', member.cookieHeaderForTests())).status, 403, 'someone signed in always needs the token');
    const sent = await form('same-origin');
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/en/newsletter/subscribe/check-inbox');
  });
});
