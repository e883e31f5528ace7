import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { insertEvent } from '../helpers/events.ts';

// A member's own page on a phone: registered for an online event, the member follows "My account" in
// the header and finds the event with its join link, in English and in Arabic, no wider than a 360 px
// screen and without axe violations.

let t: TestApp;
let app: BrowserApp;
const DAY = 86_400_000;
const JOIN = 'https://meet.example.org/waste-pickers';

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await insertEvent(t.database.db, {
    slug: 'waste-pickers-webinar',
    title: 'Organising informal waste pickers into cooperatives',
    format: 'virtual',
    joinUrl: JOIN,
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 2 * 3600_000),
  });
  await createMember(t, 'amal@city.example');
  app = await startBrowserApp(t);
});
after(() => app?.close());

describe('a member’s own page in the browser', () => {
  it('shows a fresh registration with its join link at 360 px, in English and Arabic', async () => {
    const { page, context } = await signInWithBrowser(app, 'amal@city.example', 'en');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.base}/en/events/waste-pickers-webinar`);
    await page.fill('#field-city', 'Belo Horizonte');
    await page.selectOption('#field-country', 'BR');
    await page.click('form[action$="/register"] button[type="submit"]');
    await page.waitForURL(/notice=registered/);
    for (const locale of ['en', 'ar']) {
      await page.goto(`${app.base}/${locale}/events`);
      const link = page.locator(`.account-menu a[href="/${locale}/my"]`);
      // On a phone the account links sit in the folded header menu: open it as a person would.
      if (!(await link.isVisible())) await page.click('header summary');
      await link.click();
      await page.waitForURL(new RegExp(`/${locale}/my$`));
      const events = page.locator('section#events');
      assert.match((await events.textContent()) ?? '', /Organising informal waste pickers into cooperatives/);
      assert.equal(await events.locator(`a[href="${JOIN}"]`).count(), 1, `${locale}: the join link is on the page`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${locale}: the page is ${width} px wide at 360 px`);
      assert.deepEqual(await axeViolations(page), [], `${locale}: axe`);
    }
    await context.close();
  });
});
