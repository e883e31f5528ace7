import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, startBrowserApp } from '../helpers/browser.ts';

// The header on a phone: the brand and a "Menu" button on one line (it took 243 px of a 360 px phone in
// English, 261 px in Arabic, with only five sections), the languages, account links and every section
// behind the button. It must work without JavaScript: the menu is a <details> disclosure, so the pages
// here are opened with script switched off wherever axe (which needs script) is not run.

const SECTIONS = ['/practices', '/experts', '/experts/match', '/events', '/calls', '/project-ideas', '/news', '/publications', '/videos'];
/** One line: the brand and the button, with the bar's padding. */
const PHONE_HEADER_MAX = 80;
/** Two lines: brand, search box, languages and account, then the sections. */
const DESKTOP_HEADER_MAX = 110;

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

const headerHeight = (page: Page) => page.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0);
const sectionLink = (page: Page, locale: string, path: string) => page.locator(`.main-nav a[href="/${locale}${path}"]`);

async function visibleSections(page: Page, locale: string): Promise<string[]> {
  const visible: string[] = [];
  for (const path of SECTIONS) if (await sectionLink(page, locale, path).isVisible()) visible.push(path);
  return visible;
}

describe('the header menu', () => {
  for (const locale of ['en', 'ar']) {
    it(`${locale}, 360 px, no script: one short line, and the menu opens by keyboard onto every section`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/calls`);
      const closed = await headerHeight(page);
      assert.ok(closed <= PHONE_HEADER_MAX, `${locale}: the header is ${closed} px high`);
      assert.deepEqual(await visibleSections(page, locale), [], 'the sections are folded away');
      assert.equal(await page.locator('.lang-switch').isVisible(), false);

      // Keyboard only: the skip link, then the brand, then the button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
      await page.keyboard.press('Enter');
      assert.deepEqual(await visibleSections(page, locale), SECTIONS, 'every section is in the open menu');
      assert.equal(await page.locator('.lang-switch').isVisible(), true);
      assert.equal(await sectionLink(page, locale, '/calls').getAttribute('aria-current'), 'page');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${locale}: the open menu is ${width} px wide`);

      // RTL: the button stands at the end of the line (left in Arabic), the brand at its start.
      const brand = await page.locator('.brand').boundingBox();
      const button = await page.locator('.site-menu > summary').boundingBox();
      assert.ok(brand && button);
      assert.equal(locale === 'ar' ? button.x < brand.x : button.x > brand.x, true, `${locale}: brand and button in reading order`);

      await sectionLink(page, locale, '/project-ideas').click();
      await page.waitForURL(new RegExp(`/${locale}/project-ideas$`));
      assert.deepEqual(await visibleSections(page, locale), [], 'a new page starts with the menu folded');
      await context.close();
    });
  }

  it('has no axe violations on a phone, folded and open, in English and Arabic (the home page)', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const locale of ['en', 'ar']) {
      // The home page: its sentence box for the matching is checked with the header.
      await page.goto(`${base}/${locale}/`);
      assert.deepEqual(await axeViolations(page), [], `${locale}: folded`);
      await page.click('.site-menu > summary');
      assert.equal(await page.locator('.site-menu').getAttribute('open'), '');
      assert.deepEqual(await axeViolations(page), [], `${locale}: open`);
    }
    await page.close();
  });

  for (const locale of ['en', 'de', 'ar']) {
    it(`${locale}, 1280 px, no script: every section in view, no menu button`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/publications`);
      assert.deepEqual(await visibleSections(page, locale), SECTIONS);
      assert.equal(await page.locator('.site-menu > summary').isVisible(), false);
      assert.equal(await page.locator('.lang-switch').isVisible(), true);
      assert.equal(await page.locator('.account-menu').isVisible(), true);
      assert.equal(await sectionLink(page, locale, '/publications').getAttribute('aria-current'), 'page');
      assert.equal(await page.locator('.site-search input').isVisible(), true, 'the search box on the first line');
      const height = await headerHeight(page);
      assert.ok(height <= DESKTOP_HEADER_MAX, `${locale}: the header is ${height} px high`);
      await context.close();
    });
  }
});
