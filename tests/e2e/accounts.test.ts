import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, startBrowserApp } from '../helpers/browser.ts';
import { deliverQueuedMail } from '../helpers/mail.ts';

// A person joins in a real browser: registers (first with mistakes), follows the link from the
// development mailbox, signs in and out — with axe checking every page, in English and in Arabic.

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
}

for (const locale of ['en', 'ar'] as const) {
  describe(`joining in ${locale}`, () => {
    it('registers, confirms the address from the mailbox, signs in and out', async () => {
      const email = `member-${locale}@example.org`;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/`);
      await page.click(`a[href="/${locale}/register"]`);
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page, 'register');

      // A first attempt with mistakes: the summary takes focus and links to the fields.
      await page.fill('#field-name', locale === 'ar' ? 'ليلى حداد' : 'Laila Haddad');
      await page.fill('#field-email', 'laila@');
      await page.fill('#field-password', 'short');
      await page.click('form.form button[type="submit"]');
      await expectFocusOnErrorSummary(page);
      assert.equal(await page.inputValue('#field-name'), locale === 'ar' ? 'ليلى حداد' : 'Laila Haddad');
      await expectAccessible(page, 'register with errors');

      await page.fill('#field-email', email);
      await page.fill('#field-password', 'olive harbour 1987 tram');
      await page.check('#field-privacy');
      await page.click('form.form button[type="submit"]');
      await page.waitForURL(/\/register\/check-inbox$/);
      await expectAccessible(page, 'check inbox');

      await deliverQueuedMail(t.database.db);
      await page.goto(`${base}/dev/mail`);
      await expectAccessible(page, 'mailbox');
      await page.click(`tr:has-text("${email}") a`);
      const link = await page.textContent('pre.mail-text');
      const verify = /http\S+verify-email\?token=\S+/.exec(link ?? '')?.[0];
      assert.ok(verify, 'the mail holds a confirmation link');
      await page.goto(verify.replace(/^https?:\/\/[^/]+/, base));
      // Confirming signs the person in on this browser and lands on their account with a notice.
      await page.waitForURL(new RegExp(`/${locale}/account\\?notice=email-verified$`));
      assert.equal(await page.getAttribute('html', 'lang'), locale);
      assert.ok((await page.textContent('main'))?.includes(email), 'signed in by the confirmation link');
      await expectAccessible(page, 'verified');
      await page.click('.account-menu button[type="submit"]');
      await page.waitForURL(/sign-in\?notice=signed-out$/);

      await page.goto(`${base}/${locale}/sign-in`);
      await expectAccessible(page, 'sign-in');
      await page.fill('#field-email', email);
      await page.fill('#field-password', 'olive harbour 1987 tram');
      await page.click('form.form button[type="submit"]');
      await page.waitForURL(new RegExp(`/${locale}/account$`));
      assert.ok((await page.textContent('main'))?.includes(email));
      await expectAccessible(page, 'account');

      await page.click('.account-menu button[type="submit"]');
      await page.waitForURL(/sign-in\?notice=signed-out$/);
      await page.goto(`${base}/${locale}/account`);
      await page.waitForURL(/\/sign-in\?next=/); // signed out for real
      await context.close();
    });
  });
}
