import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';

// The information hub in a real browser, on the demo data: an editor writes a news article in English
// and Arabic with a picture and publishes it; a visitor finds it through the header's search box in
// Arabic (on a desktop and inside a phone's menu); a demo video asks nothing of YouTube until the
// visitor presses play (every request recorded; with and without JavaScript); the hub's pages are
// axe clean in both languages and no wider than a 360 px phone. The machine has no internet: the
// providers' hosts are answered by the test itself.

const EDITOR = 'editor@network.example';
const VIDEO = 'recording-keeping-water-and-waste-services-running';
const TITLE = { en: 'Sun canopies cool the market squares', ar: 'مظلات شمسية تبرّد ساحات الأسواق' };
const LEAD = { en: 'Three cities shade their markets in summer.', ar: 'ثلاث مدن تظلل أسواقها في الصيف.' };
const BODY = { en: 'Traders asked for **shade**; the city listened.', ar: 'طلب التجار **الظل** فاستجابت المدينة.' };
const WORD = { en: 'canopies', ar: 'مظلات' };
const ALT = { en: 'Fabric canopies stretched over a market square', ar: 'مظلات من القماش فوق ساحة سوق' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const PROVIDER_PAGE = '<!doctype html><html lang="en"><title>player</title><p>player</p></html>';

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;
let tmp: string;
/** The article's slug, once the editor has saved it. */
let slug = '';
/** One publication's path after the locale ("/publications/…"), found on the list. */
let publication = '';

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, EDITOR, 'editor');
  app = await startBrowserApp(t);
  ({ base, browser } = app);
  tmp = mkdtempSync(join(tmpdir(), 'peerpolis-hub-'));
});

after(async () => {
  await app?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
}

/** A visitor's context with the providers' hosts answered here, and every request's URL recorded. */
async function visitorContext(options: { javaScriptEnabled?: boolean; viewport?: typeof DESKTOP } = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  for (const host of ['https://www.youtube-nocookie.com/**', 'https://player.vimeo.com/**'])
    await context.route(host, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: PROVIDER_PAGE }));
  return { context, requests };
}

const foreign = (urls: string[]) => urls.filter((u) => /^https?:/.test(u) && new URL(u).hostname !== '127.0.0.1');
const toProvider = (urls: string[]) => urls.filter((u) => u.startsWith('https://www.youtube-nocookie.com/'));

describe('the information hub in the browser', () => {
  it('an editor writes an article in English and Arabic with a picture and publishes it', async () => {
    const { context, page } = await signInWithBrowser(app, EDITOR, 'en');
    await page.goto(`${base}/en/editor/news/new`);
    await expectAccessible(page, 'the new article form (en)');
    for (const l of ['en', 'ar'] as const) {
      await page.fill(`#field-title_${l}`, TITLE[l]);
      await page.fill(`#field-lead_${l}`, LEAD[l]);
      await page.fill(`#field-body_${l}`, BODY[l]);
    }
    await page.click('button[value="save"]');
    await page.waitForURL(/\/en\/editor\/news\/[a-z0-9-]+\?notice=saved$/);
    slug = /\/editor\/news\/([a-z0-9-]+)\?/.exec(page.url())?.[1] ?? '';
    assert.ok(slug.startsWith('sun-canopies'), slug);
    assert.equal(await page.inputValue('#field-title_ar'), TITLE.ar, 'the Arabic title was saved');

    // The picture: its own multipart form, alt text per language and a credit.
    const file = join(tmp, 'canopies.jpg');
    writeFileSync(
      file,
      await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 40, g: 120, b: 90 } } })
        .jpeg()
        .toBuffer(),
    );
    await page.setInputFiles('#field-file', file);
    await page.fill('#field-alt_en', ALT.en);
    await page.fill('#field-alt_ar', ALT.ar);
    await page.fill('#field-credit', 'City of Example');
    await page.click('form[action$="/picture"] button[type="submit"]');
    await page.waitForURL(/notice=pictureSaved/);
    assert.equal(await page.locator('#picture img').getAttribute('alt'), ALT.en);
    assert.equal(await page.inputValue('#field-lead_ar'), LEAD.ar, 'the texts outlive the picture');
    await expectAccessible(page, 'the article form with its picture (en)');

    await page.click('button[value="publish"]');
    await page.waitForURL(/notice=published$/);
    await page.goto(`${base}/ar/editor/news/${slug}`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await expectAccessible(page, 'the article form (ar)');
    await context.close();
  });

  it('a visitor reads it in English and Arabic, with its picture', async () => {
    const { context } = await visitorContext();
    const page = await context.newPage();
    for (const l of ['en', 'ar'] as const) {
      await page.goto(`${base}/${l}/news`);
      assert.equal(await page.getAttribute('html', 'dir'), l === 'ar' ? 'rtl' : 'ltr');
      assert.equal((await page.textContent(`a[href="/${l}/news/${slug}"]`))?.trim(), TITLE[l], `/${l}/news lists it`);
      await expectAccessible(page, `/${l}/news`);
      await page.click(`a[href="/${l}/news/${slug}"]`);
      await page.waitForURL(`${base}/${l}/news/${slug}`);
      assert.equal((await page.textContent('h1'))?.trim(), TITLE[l]);
      assert.equal(await page.textContent('.news-article .prose strong'), l === 'en' ? 'shade' : 'الظل', 'the body’s Markdown rendered');
      const picture = page.locator('figure.news-picture img');
      assert.equal(await picture.getAttribute('alt'), ALT[l]);
      assert.ok(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the picture loads');
      assert.match((await page.textContent('figure.news-picture figcaption')) ?? '', /City of Example/);
      await expectAccessible(page, `/${l}/news/${slug}`);
    }
    await context.close();
  });

  it('a visitor finds it through the header search in Arabic, on a desktop and in a phone’s menu', async () => {
    const { context } = await visitorContext();
    const page = await context.newPage();
    await page.goto(`${base}/ar/`);
    await page.fill('form[role="search"] input[name="q"]', WORD.ar);
    await page.press('form[role="search"] input[name="q"]', 'Enter');
    await page.waitForURL(/\/ar\/search\?q=/);
    assert.equal(await page.locator(`main a[href="/ar/news/${slug}"]`).count(), 1, 'the results list the article');
    await expectAccessible(page, '/ar/search');
    await page.goto(`${base}/en/search?q=${WORD.en}`);
    assert.equal(await page.locator(`main a[href="/en/news/${slug}"]`).count(), 1, 'found in English too');
    await expectAccessible(page, '/en/search');
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/ar/`);
    const box = page.locator('details.site-menu form[role="search"] input[name="q"]');
    assert.equal(await box.isVisible(), false, 'folded away on a phone');
    await page.click('details.site-menu > summary');
    await box.fill(WORD.ar);
    await page.click('details.site-menu form[role="search"] button[type="submit"]');
    await page.waitForURL(/\/ar\/search\?q=/);
    assert.equal(await page.locator(`main a[href="/ar/news/${slug}"]`).count(), 1, 'found from the phone’s menu');
    await context.close();
  });

  for (const locale of ['en', 'ar']) {
    it(`${locale}: a video asks nothing of the provider until play is pressed (with JavaScript)`, async () => {
      const { context, requests } = await visitorContext();
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/videos/${VIDEO}`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('.video-frame iframe').count(), 0, 'no frame before the click');
      await expectAccessible(page, `/${locale}/videos/${VIDEO} before play`);
      assert.deepEqual(foreign(requests), [], 'no request leaves our host before the click');
      const asked = context.waitForEvent('request', (r) => r.url().startsWith('https://www.youtube-nocookie.com/'));
      await page.click('.video-play button');
      await asked;
      await page.locator('.video-frame iframe').waitFor({ state: 'visible' });
      // Our player page frames the provider's (answered here): the CSP lets exactly that through.
      await page.frameLocator('.video-frame iframe').frameLocator('iframe').locator('text=player').waitFor();
      assert.deepEqual(
        foreign(requests).filter((u) => !u.startsWith('https://www.youtube-nocookie.com/')),
        [],
        'the provider’s privacy-friendly host, nothing else',
      );
      await expectAccessible(page, `/${locale}/videos/${VIDEO} after play`);
      await context.close();
    });
  }

  it('without JavaScript, play reloads the page with the provider’s frame, and only then', async () => {
    const { context, requests } = await visitorContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/en/videos/${VIDEO}`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreign(requests), [], 'no request leaves our host before the click');
    await page.click('.video-play button');
    await page.waitForURL(/\?play=1$/);
    await page.locator('.video-frame iframe').waitFor({ state: 'visible' });
    assert.ok(toProvider(requests).length > 0, 'the provider’s frame is asked for after the click');
    await context.close();
  });

  it('the hub’s pages are axe clean in English and Arabic', async () => {
    const { context } = await visitorContext();
    const page = await context.newPage();
    for (const l of ['en', 'ar']) {
      await page.goto(`${base}/${l}/publications`);
      await expectAccessible(page, `/${l}/publications`);
      if (!publication) {
        const href = await page.locator(`main a[href^="/${l}/publications/"]:not([href$=".atom"])`).first().getAttribute('href');
        publication = href?.slice(3) ?? '';
        assert.match(publication, /^\/publications\/[a-z0-9-]+$/);
      }
      // The player page as drawn without JavaScript (?play=1), checked with axe here (axe needs script).
      for (const path of [publication, '/videos', `/videos/${VIDEO}?play=1`, '/about', '/imprint']) {
        const res = await page.goto(`${base}/${l}${path}`);
        assert.equal(res?.status(), 200, `/${l}${path}`);
        await expectAccessible(page, `/${l}${path}`);
      }
    }
    await context.close();
  });

  it('the hub’s pages are no wider than a 360 px phone, in English and Arabic', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const l of ['en', 'ar'] as const) {
      const paths = ['/news', `/news/${slug}`, `/search?q=${encodeURIComponent(WORD[l])}`, '/videos', `/videos/${VIDEO}`];
      for (const path of [...paths, '/publications', publication, '/about']) {
        await page.goto(`${base}/${l}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE.width) wide.push(`/${l}${path}: ${width} px`);
      }
    }
    assert.deepEqual(wide, []);
    await context.close();
  });
});
