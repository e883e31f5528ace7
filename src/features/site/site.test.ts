import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { getNetworkNumbers } from './site.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
});
after(() => t.close());

const htmlAttr = (html: string, name: string) => new RegExp(`<html[^>]*\\b${name}="([^"]+)"`).exec(html)?.[1];

describe('pages in five languages', () => {
  for (const locale of LOCALES) {
    it(`/${locale}/ answers in ${locale} with the right direction`, async () => {
      const res = await t.request(`/${locale}/`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(htmlAttr(html, 'lang'), locale);
      assert.equal(htmlAttr(html, 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
    });
  }

  it('offers a language switcher that keeps the current page and query', async () => {
    const html = await (await t.request('/de/themes?x=1')).text();
    for (const locale of LOCALES) assert.ok(html.includes(`href="/${locale}/themes?x=1"`), `missing switch to ${locale}`);
    assert.match(html, /<a href="\/de\/themes\?x=1" lang="de" hreflang="de" aria-current="true">Deutsch<\/a>/);
  });

  it('has a skip link, the main navigation and the partners in the footer', async () => {
    const html = await (await t.request('/en/')).text();
    assert.match(html, /<a class="skip-link" href="#main">Skip to content<\/a>/);
    for (const section of ['practices', 'experts', 'events', 'newsletter', 'about'])
      assert.ok(html.includes(`href="/en/${section}"`), section);
    assert.ok(html.includes('Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)'));
    assert.ok(html.includes('Engagement Global'));
  });

  it('serves every navigation target', async () => {
    for (const locale of LOCALES) {
      for (const path of ['themes', 'practices', 'experts', 'events', 'newsletter', 'about']) {
        const res = await t.request(`/${locale}/${path}`);
        assert.equal(res.status, 200, `/${locale}/${path}`);
      }
    }
  });
});

describe('home page', () => {
  it('shows the network in numbers, counted live from the database', async () => {
    const numbers = await getNetworkNumbers(t.database.db);
    // Demo content: 18 practices and 20 published events (a 21st is postponed), of which those over count:
    // the home page counts events held, as the impact page does (the demo's upcoming ones lie in 2027);
    // 60 listed experts (4 more are hidden and not counted).
    assert.equal(numbers.practices, 18);
    const held = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .where('ends_at', '<', new Date())
      .executeTakeFirstOrThrow();
    assert.equal(numbers.events, Number(held.n));
    assert.equal(numbers.experts, 60);
    // An expert in a country nobody else is from or worked in: one more expert, one more country.
    const fresh = await t.database.db
      .selectFrom('countries')
      .select('code')
      .where('code', 'not in', (eb) =>
        eb.selectFrom('experts').select('country_code').where('country_code', 'is not', null).$castTo<string>(),
      )
      .where('code', 'not in', (eb) =>
        eb.selectFrom('practices').select('country_code').where('country_code', 'is not', null).$castTo<string>(),
      )
      .where('code', 'not in', (eb) =>
        eb.selectFrom('events').select('country_code').where('country_code', 'is not', null).$castTo<string>(),
      )
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('experts')
      .values({ slug: 'amina', display_name: 'Amina', visibility: 'public', country_code: fresh.code, city_id: null, external_id: null })
      .execute();
    const html = await (await t.request('/en/')).text();
    assert.match(html, new RegExp(`<strong>${numbers.experts + 1}</strong><span>experts</span>`));
    assert.match(html, new RegExp(`<strong>${numbers.countries + 1}</strong><span>countries</span>`), 'a new country counts');
    assert.match(html, /<strong>18<\/strong><span>good practices<\/span>/);
    await t.database.db.deleteFrom('experts').where('slug', '=', 'amina').execute();
  });

  it('shows demo content in the reader’s language, with a note where it falls back', async () => {
    const de = await (await t.request('/de/')).text();
    assert.match(de, /Rustavi|Rustawi/);
    assert.ok(!de.includes('fallback-note'), 'every demo practice has a German text');
    const es = await (await t.request('/es/practices')).text();
    assert.match(es, /<div lang="en" dir="ltr" class="other-language">/);
    assert.match(es, /class="fallback-note"/);
    const ar = await (await t.request('/ar/practices')).text();
    assert.match(ar, /أكادير/);
  });

  it('formats event dates for the locale', async () => {
    const de = await (await t.request('/de/events?when=past')).text();
    assert.match(de, /18\.\s*–\s*20\. November 2020/);
    const en = await (await t.request('/en/events?when=past')).text();
    assert.match(en, /November 18\s*–\s*20, 2020/);
  });
});

describe('language negotiation and bad input', () => {
  it('redirects / by Accept-Language, then by the remembered cookie', async () => {
    const de = await t.request('/', { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    assert.equal(de.status, 302);
    assert.equal(de.headers.get('location'), '/de/');
    const cookie = await t.request('/', { headers: { 'accept-language': 'it', cookie: 'locale=ar' } });
    assert.equal(cookie.headers.get('location'), '/ar/');
    const none = await t.request('/');
    assert.equal(none.headers.get('location'), '/en/');
  });

  it('remembers the language of the page in a cookie, only when it changes', async () => {
    const localeCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('locale='));
    const first = await t.request('/fr/');
    assert.match(localeCookie(first) ?? '', /^locale=fr; .*HttpOnly/);
    const again = await t.request('/fr/', { headers: { cookie: 'locale=fr' } });
    assert.equal(localeCookie(again), undefined);
  });

  it('answers an unknown locale with a 404 page in the negotiated language', async () => {
    const res = await t.request('/xx/', { headers: { 'accept-language': 'fr' } });
    assert.equal(res.status, 404);
    const html = await res.text();
    assert.equal(htmlAttr(html, 'lang'), 'fr');
    assert.match(html, /<meta name="robots" content="noindex"/);
  });

  it('answers an unknown page under a locale with a 404 in that locale', async () => {
    const res = await t.request('/ar/no-such-page');
    assert.equal(res.status, 404);
    assert.equal(htmlAttr(await res.text(), 'dir'), 'rtl');
  });

  it('answers malformed URLs with 400 and a clear page, never 500 or a stack trace', async () => {
    for (const path of ['/en/?q=%E0%A4%A', '/en/%', '/de/themes?x=%ZZ', '/en/practices?q=a%00b']) {
      const res = await t.request(path);
      assert.equal(res.status, 400, path);
      const html = await res.text();
      assert.doesNotMatch(html, /at .*\.(ts|js):\d+/);
      assert.match(html, /<h1>/);
    }
    const long = await t.request(`/en/${'a'.repeat(5000)}`);
    assert.equal(long.status, 414);
    const repeated = await t.request('/en/?page=-1&page=abc');
    assert.equal(repeated.status, 200);
  });

  it('survives malformed headers', async () => {
    const res = await t.request('/', { headers: { 'accept-language': ';;q=x,,,', cookie: 'locale=%E0%A4%A; =; broken' } });
    assert.equal(res.status, 302);
    const page = await t.request('/en/', { headers: { cookie: '%%%=%%%', 'accept-encoding': 'br;q=abc' } });
    assert.equal(page.status, 200);
  });

  it('redirects to one canonical URL per page, and never for unknown locales', async () => {
    const root = await t.request('/en');
    assert.equal(root.status, 301);
    assert.equal(root.headers.get('location'), '/en/');
    const slash = await t.request('/de/themes/');
    assert.equal(slash.status, 301);
    assert.equal(slash.headers.get('location'), 'http://localhost/de/themes');
    for (const path of ['/xx', '/xx/', '/EN/', '/en/no-such-page/']) {
      const res = await t.request(path);
      assert.equal(res.status, path === '/en/no-such-page/' ? 301 : 404, path);
    }
  });
});

describe('health, headers, compression and assets', () => {
  it('reports health with a real database round trip', async () => {
    const res = await t.request('/healthz');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; database: string };
    assert.deepEqual([body.status, body.database], ['ok', 'ok']);
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const res = await t.request('/en/');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const html = await res.text();
    // A JSON-LD data block is never executed (and CSP does not apply to it): only scripts count.
    assert.doesNotMatch(html, /<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style');
  });

  it('compresses pages with brotli or gzip as the client accepts', async () => {
    const br = await t.request('/en/', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    const gz = await t.request('/en/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const plain = await t.request('/en/');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
  });

  it('serves hashed assets with a one-year immutable cache, and 404 for unknown ones', async () => {
    const html = await (await t.request('/en/')).text();
    const css = /href="(\/assets\/css\/site\.[0-9a-f]{10}\.css)"/.exec(html)?.[1];
    assert.ok(css, 'stylesheet link with a hashed name');
    const res = await t.request(css, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.equal((await t.request('/assets/css/site.0000000000.css')).status, 404);
  });
});
