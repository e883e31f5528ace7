import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDueJobs } from '../../src/core/jobs/jobs.service.ts';
import { moduleServices, modules } from '../../src/modules.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { headerOf, startTestSmtp, type TestSmtp } from '../helpers/newsletter-sending.ts';

// The newsletter in a real browser, on the demo data, with a real SMTP server on 127.0.0.1: an editor
// finishes the draft No. 35 in English and Arabic (a suggestion added, a problem shown and fixed),
// previews it, sends a test to themself and sends it; a reader unsubscribes with one click from the
// mail's List-Unsubscribe header; the public archive shows the edition. Axe on every page, both languages.
//
// The audience is limited to English and Arabic readers (the edition's two languages, about 120 of the
// demo's 300 subscribers): it is also the fix of the "Mark ready" problem below, and each reader then
// gets their own language, not a fallback. The app runs no worker in tests: `runWorker` runs the queued
// jobs with every module's handlers, as `npm start`'s worker does, but with the test's SMTP server.

const EDITOR = 'editor@network.example';
let smtp: TestSmtp;
let t: TestApp;
let app: BrowserApp;
let env: Record<string, string>;

before(async () => {
  smtp = await startTestSmtp();
  // A high rate: the ~120 mails leave in well under a second (the default, 50/s, would take 2–3 s).
  env = { SMTP_URL: smtp.url, NEWSLETTER_RATE: '2000', MAIL_FROM: 'Network News <news@peerpolis.test>' };
  t = await createTestApp({ seed: 'demo', env });
  await createMember(t, EDITOR, 'editor');
  app = await startBrowserApp(t);
});
after(async () => {
  await app?.close();
  await smtp?.close();
});

/** Runs every due job until none is left: the mail queue (the test send) and the newsletter's sender. */
async function runWorker() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const ctx = { db: t.database.db, config, logger: createLogger('silent'), extensions: moduleServices.extensions };
  const contributions = modules.flatMap((m) => (m.jobs ? [m.jobs(ctx)] : []));
  const handlers = Object.assign({}, ...contributions.map((c) => c.handlers));
  try {
    for (let round = 0; round < 20; round++) {
      const report = await runDueJobs(t.database.db, handlers, { workerId: 'test' });
      assert.equal(report.failed + report.retried, 0, 'no job fails');
      if (report.done === 0) return;
    }
  } finally {
    for (const c of contributions) c.close?.();
  }
}

const unsubscribeUrlOf = (raw: string) =>
  /<(https?:\/\/[^>]+\/newsletter\/unsubscribe\/[^>]+)>/.exec(headerOf(raw, 'List-Unsubscribe'))?.[1];

describe('the newsletter in the browser', () => {
  it('an editor finishes No. 35 in English and Arabic, previews, tests and sends it through SMTP', async () => {
    const { context, page } = await signInWithBrowser(app, EDITOR, 'en');
    const edition = `${app.base}/en/editor/newsletter/35`;
    await page.goto(`${app.base}/en/editor/newsletter`);
    assert.deepEqual(await axeViolations(page), [], 'list of editions');
    await page.click('a[href$="/editor/newsletter/35"]');
    assert.match((await page.textContent('h1')) ?? '', /35/);
    assert.deepEqual(await axeViolations(page), [], 'the draft No. 35');

    // A suggestion: the first section that offers one gets it.
    const suggestions = page.locator('#sections details').first();
    const section = await suggestions.locator('input[name="section"]').first().getAttribute('value');
    const itemsBefore = await page.locator(`#section-${section} > ol > li`).count();
    await suggestions.locator('summary').click();
    await suggestions.locator('form button[type="submit"]').first().click();
    await page.waitForURL(/notice=itemAdded/);
    assert.equal(await page.locator(`#section-${section} > ol > li`).count(), itemsBefore + 1, `an item added to ${section}`);

    await page.fill('#field-subject', 'Newsletter No. 35: six project ideas after one week of work');
    await page.click('form[action$="/text"] button[type="submit"]');
    await page.waitForURL(/notice=textSaved/);

    await page.goto(`${app.base}/ar/editor/newsletter/35?lang=ar`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await axeViolations(page), [], 'the Arabic editor page');
    await page.fill('#field-subject', 'النشرة رقم 35: ست أفكار مشاريع بعد أسبوع من العمل');
    await page.fill('#field-editorial', 'أعضاء الشبكة الأعزاء،\n\nيعرض هذا العدد ما أنجزته الفرق البلدية الست.');
    await page.click('form[action$="/text"] button[type="submit"]');
    await page.waitForURL(/notice=textSaved/);
    assert.equal(await page.inputValue('#field-subject'), 'النشرة رقم 35: ست أفكار مشاريع بعد أسبوع من العمل');

    // The audience asks for French, which has no subject: "Mark ready" refuses and says so.
    await page.goto(edition);
    for (const l of ['en', 'ar', 'fr']) await page.check(`#field-locales-${l}`);
    await page.click('form[action$="/details"] button[type="submit"]');
    await page.waitForURL(/notice=detailsSaved/);
    await page.click('form[action$="/ready"] button[type="submit"]');
    await expectFocusOnErrorSummary(page);
    assert.match((await page.textContent('.error-summary')) ?? '', /French/);
    assert.deepEqual(await axeViolations(page), [], 'the edition with a problem');
    await page.uncheck('#field-locales-fr');
    await page.click('form[action$="/details"] button[type="submit"]');
    await page.waitForURL(/notice=detailsSaved/);
    await page.click('form[action$="/ready"] button[type="submit"]');
    await page.waitForURL(/notice=ready/);

    for (const l of ['en', 'ar']) {
      const web = await page.goto(`${edition}/preview?lang=${l}&as=web`);
      assert.equal(web?.status(), 200);
      assert.deepEqual(await axeViolations(page), [], `web preview (${l})`);
      const mail = await page.goto(`${edition}/preview?lang=${l}&as=mail`);
      assert.equal(mail?.status(), 200);
      assert.equal(await page.getAttribute('html', 'dir'), l === 'ar' ? 'rtl' : 'ltr', `mail preview (${l})`);
    }

    await page.goto(edition);
    await page.selectOption('#field-lang', 'ar');
    await page.click('form[action$="/test-send"] button[type="submit"]');
    await page.waitForURL(/notice=testSent/);
    await runWorker();
    const test = smtp.received.find((m) => m.to === EDITOR);
    assert.ok(test, 'the test mail reached the SMTP server');
    assert.ok(unsubscribeUrlOf(test.raw), 'with List-Unsubscribe');
    assert.equal(headerOf(test.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(test.decoded, /dir="rtl"/);

    await page.click('a[href$="/editor/newsletter/35/sending"]');
    assert.deepEqual(await axeViolations(page), [], 'the sending page');
    await page.click('form[action$="/start"] button[type="submit"]');
    await page.waitForURL(/notice=started/);
    await runWorker();

    const db = t.database.db;
    const readers = await db
      .selectFrom('newsletter_subscribers')
      .select(['email', 'locale'])
      .where('status', '=', 'confirmed')
      .where('paused_at', 'is', null)
      .where('locale', 'in', ['en', 'ar'])
      .execute();
    const mails = smtp.received.filter((m) => m.to !== EDITOR);
    assert.ok(readers.length > 50);
    await page.reload();
    assert.match((await page.textContent('main')) ?? '', new RegExp(`${readers.length} of ${readers.length} mails sent`));
    assert.deepEqual(await axeViolations(page), [], 'the sending page after the send');
    assert.deepEqual(mails.map((m) => m.to).sort(), readers.map((r) => r.email).sort(), 'every reader once, nobody else');
    assert.equal((await db.selectFrom('newsletter_editions').select('status').where('number', '=', 35).executeTakeFirst())?.status, 'sent');
    const arabic = readers.find((r) => r.locale === 'ar');
    const english = readers.find((r) => r.locale === 'en');
    const arabicMail = mails.find((m) => m.to === arabic?.email);
    assert.match(arabicMail?.decoded ?? '', /<html[^>]* dir="rtl"/);
    assert.ok(arabicMail?.decoded.includes('ست أفكار مشاريع بعد أسبوع'), 'the Arabic subject in the Arabic mail');
    assert.ok(mails.find((m) => m.to === english?.email)?.decoded.includes('six project ideas after one week of work'));

    // One click, as a mail program does it: a POST with that body and nothing else (no cookie, no token).
    const url = new URL(unsubscribeUrlOf(arabicMail?.raw ?? '') ?? '');
    const res = await fetch(`${app.base}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    const unsubscribed = await db
      .selectFrom('newsletter_subscribers')
      .select('status')
      .where('email', '=', arabic?.email ?? '')
      .executeTakeFirst();
    assert.equal(unsubscribed?.status, 'unsubscribed');
    await context.close();
  });

  for (const locale of ['en', 'ar']) {
    it(`/${locale}: the archive lists No. 35 and its page renders, axe clean`, async () => {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      const res = await page.goto(`${app.base}/${locale}/newsletter`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.locator(`a[href="/${locale}/newsletter/35"]`).count(), 1, 'No. 35 is listed');
      assert.deepEqual(await axeViolations(page), [], `/${locale}/newsletter`);
      await page.click(`a[href="/${locale}/newsletter/35"]`);
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      assert.match((await page.textContent('main')) ?? '', locale === 'ar' ? /ست أفكار مشاريع/ : /six project ideas/);
      assert.deepEqual(await axeViolations(page), [], `/${locale}/newsletter/35`);
      if (locale === 'en') {
        await page.goto(`${app.base}/en/newsletter`);
        await page.fill('#field-email', 'reader@@example');
        await page.check('#field-consent');
        await page.click('form.subscribe-full button[type="submit"]');
        await expectFocusOnErrorSummary(page);
        assert.equal(await page.inputValue('#field-email'), 'reader@@example', 'what was typed is kept');
        assert.ok(await page.locator('#field-email-error').isVisible());
        assert.deepEqual(await axeViolations(page), [], 'the subscription form with an error');
      }
      await context.close();
    });
  }
});
