import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { insertEvent } from '../helpers/events.ts';
import { mailsTo } from '../helpers/mail.ts';

// Registering for an event in a real browser: a member registers (first with a mistake), sees the join
// link, another member joins the waiting list, the first cancels, and the second is moved up with a
// mail in the outbox. axe checks the pages in English and Arabic.

let t: TestApp;
let app: BrowserApp;
const DAY = 86_400_000;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await insertEvent(t.database.db, {
    slug: 'mobility-webinar',
    title: 'Safe routes to school',
    capacity: 1,
    format: 'virtual',
    joinUrl: 'https://meet.example.org/safe-routes',
    questions: ['role', 'brings'],
    themes: ['integrated-urban-development'],
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 2 * 3600_000),
  });
  await createMember(t, 'amal@city.example');
  await createMember(t, 'bruno@city.example');
  app = await startBrowserApp(t);
});
after(() => app?.close());

const signIn = (email: string, locale: string) => signInWithBrowser(app, email, locale);

describe('event registration in the browser', () => {
  it('registers, shows the join link, and moves the next person up when a place frees', async () => {
    const amal = await signIn('amal@city.example', 'en');
    await amal.page.goto(`${app.base}/en/events/mobility-webinar`);
    assert.deepEqual(await axeViolations(amal.page), [], 'event page with the form');
    assert.equal(await amal.page.locator('text=meet.example.org').count(), 0);
    await amal.page.fill('#field-role', 'Mobility planner');
    await amal.page.click('form[action$="/register"] button[type="submit"]');
    await expectFocusOnErrorSummary(amal.page);
    assert.equal(await amal.page.inputValue('#field-role'), 'Mobility planner', 'kept after the error');
    assert.deepEqual(await axeViolations(amal.page), [], 'form with errors');
    await amal.page.fill('#field-city', 'Belo Horizonte');
    await amal.page.selectOption('#field-country', 'BR');
    await amal.page.click('form[action$="/register"] button[type="submit"]');
    await amal.page.waitForURL(/notice=registered/);
    assert.match((await amal.page.locator('section.panel p[role="status"]').textContent()) ?? '', /You are registered for this event/);
    assert.equal(
      await amal.page.getAttribute('a[href="https://meet.example.org/safe-routes"]', 'href'),
      'https://meet.example.org/safe-routes',
    );

    const bruno = await signIn('bruno@city.example', 'ar');
    await bruno.page.goto(`${app.base}/ar/events/mobility-webinar`);
    assert.equal(await bruno.page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await axeViolations(bruno.page), [], 'Arabic event page');
    await bruno.page.fill('#field-city', 'Agadir');
    await bruno.page.selectOption('#field-country', 'MA');
    await bruno.page.click('form[action$="/register"] button[type="submit"]');
    await bruno.page.waitForURL(/notice=waitlisted/);
    assert.equal(await bruno.page.locator('a[href="https://meet.example.org/safe-routes"]').count(), 0, 'not while waiting');
    assert.deepEqual(await axeViolations(bruno.page), [], 'Arabic page on the waiting list');

    await amal.page.click('form[action$="/cancel"] button[type="submit"]');
    await amal.page.waitForURL(/notice=cancelled/);
    assert.match((await amal.page.textContent('main')) ?? '', /Your registration is cancelled/);

    const mail = (await mailsTo(t.database.db, 'bruno@city.example')).find(
      (m) => m.subject.includes('Safe routes to school') && m.calendar,
    );
    assert.match(mail?.calendar ?? '', /METHOD:REQUEST/);
    await bruno.page.reload();
    assert.equal(await bruno.page.locator('a[href="https://meet.example.org/safe-routes"]').count(), 1, 'moved up: the link is theirs');
    await amal.context.close();
    await bruno.context.close();
  });
});
