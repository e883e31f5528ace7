import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createMember, PASSWORD } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, startBrowserApp } from '../helpers/browser.ts';

// The signed-in pages (account settings, administration) in a browser, axe-checked in English and Arabic.

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'admin@example.org', 'admin');
  await createMember(t, 'colleague@example.org', 'editor');
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

describe('signed-in pages in a browser', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`${locale}: account settings and administration have no axe violations`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/sign-in`);
      await page.fill('#field-email', 'admin@example.org');
      await page.fill('#field-password', PASSWORD);
      await page.click('form.form button[type="submit"]');
      await page.waitForURL(/\/account$/);
      for (const path of ['/account', '/admin/users', '/admin/users?q=colleague', '/admin/audit', '/admin/jobs', '/forgot-password']) {
        const res = await page.goto(`${base}/${locale}${path}`);
        assert.equal(res?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], `${locale}${path}`);
      }
      // A settings form with an error: the summary is announced and focused.
      await page.goto(`${base}/${locale}/account`);
      await page.fill('#field-currentPassword', 'not the password');
      await page.fill('#field-newPassword', 'short');
      await page.click('form[action$="/account/password"] button[type="submit"]');
      await expectFocusOnErrorSummary(page);
      assert.deepEqual(await axeViolations(page), [], `${locale} account with errors`);
      await context.close();
    });
  }
});
