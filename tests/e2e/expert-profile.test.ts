import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseExpertProfileForm } from '../../src/features/experts/profile/expert-profile.forms.ts';
import { saveMyExpertProfile } from '../../src/features/experts/profile/expert-profile.service.ts';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { deliverQueuedMail } from '../helpers/mail.ts';

// A member's expert profile in a real browser, without our JavaScript (the pages ship none): she opts
// in with a mistake first, writes her texts in English and Arabic (right-to-left), looks at her page,
// and writes to another expert, whose mail lands in the development mailbox. axe checks every page.

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;
let otherSlug = '';

const MESSAGE = 'Dear Omar, how did Irbid set up its participatory budget? We would like to start one in Tripoli next year.';

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'laila@city.example');
  await createMember(t, 'omar@city.example');
  // The other expert, made through the service the form uses.
  const omar = await t.database.db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'locale'])
    .where('email', '=', 'omar@city.example')
    .executeTakeFirstOrThrow();
  const form = parseExpertProfileForm(
    {
      lang: 'en',
      headline: 'Participatory budgeting in Irbid',
      organisation: 'Greater Irbid Municipality',
      country: 'JO',
      city: 'Irbid',
      topic: 'citizen-participation',
      visibility: 'public',
      contactEnabled: 'yes',
      consent: 'yes',
    },
    true,
  );
  assert.ok(form.ok);
  const saved = await saveMyExpertProfile({ db: t.database.db, user: { ...omar, emailVerified: true, sessionId: '' } }, form.data);
  assert.ok(saved.ok);
  otherSlug = saved.slug;
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

const signIn = (email: string, locale: string) => signInWithBrowser({ browser, base }, email, locale);

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
}

describe('expert profile in the browser', () => {
  it('opts in after a mistake, and shows the page', async () => {
    const { context, page } = await signIn('laila@city.example', 'en');
    await page.goto(`${base}/en/my/expert-profile`);
    await expectAccessible(page, 'empty profile form');

    await page.fill('#field-headline', 'Waste pickers as partners of the city');
    await page.fill('#field-yearsExperience', '1O');
    await page.check('#field-topic-waste-management');
    await page.selectOption('#field-languages', 'ar');
    await page.selectOption('#field-level-1', 'native');
    await page.click('button[value="save"]');
    await expectFocusOnErrorSummary(page);
    assert.equal(await page.inputValue('#field-headline'), 'Waste pickers as partners of the city');
    assert.ok(await page.isChecked('#field-topic-waste-management'), 'the ticked topic stays ticked');
    assert.equal(await page.inputValue('#field-languages'), 'ar');
    await expectAccessible(page, 'form with errors');

    await page.fill('#field-yearsExperience', '10');
    await page.fill('#field-organisation', 'Municipality of Tripoli');
    await page.fill('#field-city', 'Tripoli');
    await page.selectOption('#field-country', 'LB');
    await page.selectOption('#field-language-2', 'fr');
    await page.selectOption('#field-level-2', 'fluent');
    await page.check('#field-region-mena');
    await page.check('#field-availability-advice');
    await page.check('#field-visibility');
    await page.check('#field-consent');
    await page.click('button[value="save"]');
    await page.waitForURL(/\/en\/my\/expert-profile\?lang=en&notice=created$/);
    await expectAccessible(page, 'saved profile form');

    await page.click('a:has-text("View my profile page")');
    await page.waitForURL(/\/en\/experts\/laila$/);
    assert.ok(await page.isVisible('text=Waste pickers as partners of the city'));
    assert.ok(await page.isVisible('text=Arabic (native), French (fluent)'));
    assert.ok(await page.isVisible('a:has-text("Edit my profile")'));
    await expectAccessible(page, 'expert page');
    await context.close();
  });

  it('writes the Arabic texts right-to-left', async () => {
    const { context, page } = await signIn('laila@city.example', 'ar');
    await page.goto(`${base}/ar/my/expert-profile`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('#field-headline', 'dir'), 'rtl');
    await expectAccessible(page, 'Arabic profile form');
    await page.fill('#field-headline', 'جامعو النفايات شركاء للمدينة');
    await page.fill('#field-bio', 'عشر سنوات في إدارة النفايات في طرابلس.');
    await page.click('button[value="save"]');
    await page.waitForURL(/\/ar\/my\/expert-profile\?lang=ar&notice=saved$/);
    await expectAccessible(page, 'Arabic profile form, saved');
    await page.goto(`${base}/ar/experts/laila`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.ok(await page.isVisible('text=جامعو النفايات شركاء للمدينة'));
    await expectAccessible(page, 'Arabic expert page');
    await context.close();
  });

  it('writes to another expert; the mail arrives in the outbox', async () => {
    const { context, page } = await signIn('laila@city.example', 'en');
    await page.goto(`${base}/en/experts/${otherSlug}`);
    await expectAccessible(page, 'the other expert’s page');
    await page.fill('#field-subject', 'Participatory budget');
    await page.fill('#field-message', MESSAGE);
    await page.click('form.contact-form button[type="submit"]');
    await page.waitForURL(/\?sent=1#contact$/);
    assert.ok(await page.isVisible('text=Thank you: your message has been sent.'));
    await expectAccessible(page, 'message sent');
    assert.doesNotMatch(await page.content(), /omar@city\.example/);

    await deliverQueuedMail(t.database.db);
    await page.goto(`${base}/dev/mail`);
    await page.click('tr:has-text("omar@city.example") a');
    const text = (await page.textContent('pre.mail-text')) ?? '';
    assert.ok(text.includes(MESSAGE), text);
    assert.ok(text.includes('laila has written to you through your expert profile on Peerpolis'), text);
    await context.close();
  });
});
