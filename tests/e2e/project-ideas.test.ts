import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';

// The editors' event form and project ideas in a real browser, on the demo data: an editor adds an
// event (first with a mistake), records a step of a project idea, and the public pages (project ideas,
// impact) pass axe in English and Arabic, with the Arabic chart mirrored.

let t: TestApp;
let app: BrowserApp;
const IRBID = '/project-ideas/a-business-incubator-for-young-graduates-in-a-vacant-municipal-building';

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'editor@network.example', 'editor');
  app = await startBrowserApp(t);
});
after(() => app?.close());

const signIn = (email: string, locale: string) => signInWithBrowser(app, email, locale);

describe('project ideas and the event form in the browser', () => {
  it('an editor adds an event after a mistake, and records a step of a project idea', async () => {
    const { context, page } = await signIn('editor@network.example', 'en');
    await page.goto(`${app.base}/en/editor/events/new`);
    assert.deepEqual(await axeViolations(page), [], 'event form');
    await page.fill('#field-title', 'Webinar: cool roofs for schools');
    await page.fill('#field-startsAt', '2031-07-08T14:00');
    await page.fill('#field-endsAt', '2031-07-08T13:00');
    await page.click('form.practice-editor button[type="submit"]');
    await expectFocusOnErrorSummary(page);
    assert.equal(await page.inputValue('#field-title'), 'Webinar: cool roofs for schools', 'kept after the error');
    assert.deepEqual(await axeViolations(page), [], 'event form with errors');
    await page.selectOption('#field-kind', 'webinar');
    await page.selectOption('#field-format', 'virtual');
    await page.selectOption('#field-status', 'published');
    await page.fill('#field-endsAt', '2031-07-08T15:30');
    await page.selectOption('#field-region', 'mena');
    await page.check('#field-topics-energy-efficient-building');
    await page.click('form.practice-editor button[type="submit"]');
    await page.waitForURL(/notice=saved/);
    assert.deepEqual(await axeViolations(page), [], 'event form after saving, with the documents panel');
    await page.goto(`${app.base}/en/events/webinar-cool-roofs-for-schools`);
    assert.match((await page.textContent('h1')) ?? '', /cool roofs for schools/);

    await page.goto(`${app.base}/en/editor/project-ideas`);
    assert.deepEqual(await axeViolations(page), [], 'editors’ list of project ideas');
    await page.click('a[href$="/editor/project-ideas/a-business-incubator-for-young-graduates-in-a-vacant-municipal-building"]');
    assert.deepEqual(await axeViolations(page), [], 'managing a project idea');
    await page.selectOption('#field-stage', 'in-planning');
    await page.fill('#field-reachedOn', '2026-11-30');
    await page.fill('#field-note', 'Second funding round');
    await page.click('form[action$="/stage"] button[type="submit"]');
    await page.waitForURL(/notice=stageSaved/);
    await page.goto(`${app.base}/en${IRBID}`);
    assert.match((await page.textContent('[aria-current="step"]')) ?? '', /In planning/);
    await page.goto(
      `${app.base}/ar/editor/project-ideas/a-business-incubator-for-young-graduates-in-a-vacant-municipal-building/edit?lang=ar`,
    );
    assert.deepEqual(await axeViolations(page), [], 'Arabic form of a project idea');
    await context.close();
  });

  for (const locale of ['en', 'ar']) {
    it(`/${locale}: project ideas, an idea and the impact page pass axe; the chart reads in the page's direction`, async () => {
      const context = await app.browser.newContext();
      const page = await context.newPage();
      for (const path of [
        '/project-ideas',
        '/project-ideas?stage=ready-for-funding',
        IRBID,
        '/impact',
        '/impact?from=2020&to=2021',
        '/impact?from=20x9&to=2018',
        '/events/mena-project-planning-2021',
      ]) {
        const res = await page.goto(`${app.base}/${locale}${path}`);
        assert.equal(res?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], `${locale}${path}`);
      }
      await page.goto(`${app.base}/${locale}/impact?year=events`);
      const label = await page.locator('#by-year ~ figure svg text').first().boundingBox();
      const bar = await page.locator('#by-year ~ figure svg rect').first().boundingBox();
      assert.ok(label && bar);
      if (locale === 'ar') assert.ok(label.x > bar.x, 'the label is right of its bar');
      else assert.ok(label.x < bar.x, 'the label is left of its bar');
      await context.close();
    });
  }
});
