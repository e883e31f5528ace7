import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { LOCALES } from '../../src/platform/i18n/locales.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

// DESIGN.md §6: a public page's HTML fits the first round trip (14 KB compressed) and HTML + CSS + JS
// stays within 50 KB compressed. Measured with gzip (what every client accepts; brotli is smaller).
const HTML_BUDGET = 14 * 1024;
const PAGE_BUDGET = 50 * 1024;

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
});
after(() => t.close());

async function weigh(path: string) {
  const html = await (await t.request(path)).text();
  const htmlBytes = gzipSync(html).length;
  let total = htmlBytes;
  const assets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  for (const asset of assets) {
    const res = await t.request(asset as string);
    assert.equal(res.status, 200, `${asset}`);
    total += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return { htmlBytes, total, assets: assets.length };
}

describe('page weight', () => {
  for (const locale of LOCALES) {
    for (const page of [
      '/',
      '/events',
      '/practices',
      '/practices?q=recycling',
      '/themes',
      '/project-ideas',
      '/project-ideas/a-business-incubator-for-young-graduates-in-a-vacant-municipal-building',
      '/impact',
    ]) {
      it(`${locale}${page}: HTML ≤ 14 KB and HTML + CSS + JS ≤ 50 KB compressed`, async () => {
        const { htmlBytes, total, assets } = await weigh(`/${locale}${page}`);
        assert.ok(assets >= 1, 'the stylesheet is counted');
        assert.ok(htmlBytes <= HTML_BUDGET, `HTML is ${htmlBytes} bytes gzip`);
        assert.ok(total <= PAGE_BUDGET, `HTML + assets is ${total} bytes gzip`);
      });
    }
  }
});
