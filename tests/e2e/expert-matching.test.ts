import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createMember, PASSWORD } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, startBrowserApp } from '../helpers/browser.ts';

// The directory and matching in a real browser, with the demo experts: an editor searches, filters and
// runs a match in English and Arabic; axe checks every page.

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'editor@network.example', 'editor');
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});
after(() => app?.close());

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
}

describe('expert directory and matching in a browser', () => {
  it('an editor searches the directory and runs a match, in English and Arabic', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/en/sign-in`);
    await page.fill('#field-email', 'editor@network.example');
    await page.fill('#field-password', PASSWORD);
    await page.click('form.form button[type="submit"]');
    await page.waitForURL(/\/account$/);

    await page.goto(`${base}/en/experts`);
    await expectAccessible(page, 'directory');
    await page.fill('#expert-q', 'waste');
    await page.click('.search-bar button[type="submit"]');
    await page.waitForURL(/q=waste/);
    assert.ok((await page.locator('.result-list > li').count()) > 0, 'waste experts are found');
    await expectAccessible(page, 'directory results');

    for (const [locale, challenge] of [
      ['en', 'Our city wants to integrate informal waste pickers into municipal waste collection and recycling.'],
      ['ar', 'تريد بلديتنا تحسين جمع النفايات وإعادة التدوير وإشراك جامعي النفايات غير الرسميين.'],
    ] as const) {
      await page.goto(`${base}/${locale}/experts/match`);
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page, `${locale} match form`);
      await page.fill('#field-challenge', challenge);
      await page.click('form[action$="/experts/match"] button[type="submit"]');
      await page.waitForSelector('#match-results');
      assert.ok((await page.locator('.result-list > li').count()) > 0, `${locale}: experts are suggested`);
      assert.ok((await page.locator('.result-list > li ul li').count()) > 0, `${locale}: with reasons`);
      await expectAccessible(page, `${locale} match results`);
    }
    await context.close();
  });
});
