import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { createMember, PASSWORD } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, startBrowserApp } from '../helpers/browser.ts';

// The time-zone list of a new event or call takes the browser's zone by script (public/js/time-zone.js);
// without JavaScript the default stays, and a stored zone is never replaced.

let t: TestApp;
let app: BrowserApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'editor@network.example', 'editor');
  app = await startBrowserApp(t);
});
after(() => app?.close());

/** An editor signed in through the form, in a browser set to `timezoneId`, with or without JavaScript. */
async function editorIn(timezoneId: string, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await app.browser.newContext({ timezoneId, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${app.base}/en/sign-in`);
  await page.fill('#field-email', 'editor@network.example');
  await page.fill('#field-password', PASSWORD);
  await page.click('form.form button[type="submit"]');
  await page.waitForURL(/\/account$/);
  return context;
}

describe('the time-zone list in a browser', () => {
  it('preselects the browser’s zone on a new event and call, and leaves a stored one alone', async () => {
    const context = await editorIn('America/Bogota');
    const page = await context.newPage();
    await page.goto(`${app.base}/en/editor/events/new`);
    assert.equal(await page.inputValue('#field-timeZone'), 'America/Bogota');
    assert.deepEqual(await axeViolations(page), [], 'event form');
    await page.setViewportSize({ width: 360, height: 800 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the zone list and the languages fit a phone (${width} px)`);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.selectOption('#field-kind', 'dialogue-event');
    await page.selectOption('#field-format', 'virtual');
    await page.fill('#field-title', 'Evening exchange on street vending');
    await page.fill('#field-startsAt', '2030-03-04T18:00');
    await page.fill('#field-endsAt', '2030-03-04T19:30');
    await page.selectOption('#field-timeZone', 'Asia/Manila');
    await page.check('#field-languages-es');
    await page.check('#field-languages-tl');
    await page.click('form.practice-editor button[type="submit"]');
    await page.waitForURL(/\/edit\?lang=en&notice=saved$/);
    assert.equal(await page.inputValue('#field-timeZone'), 'Asia/Manila', 'the stored zone, not the browser’s');
    assert.ok(await page.isChecked('#field-languages-tl'));

    await page.goto(`${app.base}/en/editor/calls/new`);
    assert.equal(await page.inputValue('#field-timeZone'), 'America/Bogota');
    await context.close();
  });

  it('adds a zone the list lacks, and keeps the default without JavaScript', async () => {
    // Node's list names it Asia/Katmandu; a browser may say Asia/Kathmandu: either way it is chosen.
    const context = await editorIn('Asia/Kathmandu');
    const page = await context.newPage();
    await page.goto(`${app.base}/en/editor/events/new`);
    assert.match(await page.inputValue('#field-timeZone'), /^Asia\/Kath?mandu$/);
    await context.close();

    const plain = await editorIn('Asia/Jakarta', false);
    const noScript = await plain.newPage();
    await noScript.goto(`${app.base}/en/editor/events/new`);
    assert.equal(await noScript.inputValue('#field-timeZone'), 'Europe/Berlin');
    await plain.close();
  });
});
