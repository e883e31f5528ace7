import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { mailsTo } from '../helpers/mail.ts';

// A call for participation in a real browser: an editor opens it, a member applies in Arabic (first
// with a mistake), and the editor accepts the application; the decision mail lands in the outbox.
// axe checks the pages in English and Arabic.

let t: TestApp;
let app: BrowserApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'hala@city.example');
  app = await startBrowserApp(t);
});
after(() => app?.close());

const signIn = (email: string, locale: string) => signInWithBrowser(app, email, locale);

describe('a call for participation in the browser', () => {
  it('is opened by an editor, applied to in Arabic, and accepted', async () => {
    const editor = await signIn('editor@network.example', 'en');
    await editor.page.goto(`${app.base}/en/editor/calls/new`);
    assert.deepEqual(await axeViolations(editor.page), [], 'call form');
    await editor.page.selectOption('#field-kind', 'host-dialogue-event');
    await editor.page.selectOption('#field-status', 'open');
    await editor.page.fill('#field-title', 'Host a dialogue event on urban heat');
    await editor.page.fill('#field-summary', 'Municipalities propose a topic and host the exchange.');
    await editor.page.fill('#field-questions', 'Which department would host it?');
    await editor.page.fill('#field-deadline', new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 16));
    await editor.page.selectOption('#field-timeZone', 'Asia/Amman');
    await editor.page.click('form[action$="/editor/calls/new"] button[type="submit"]');
    await editor.page.waitForURL(/notice=saved/);
    assert.deepEqual(await axeViolations(editor.page), [], 'applications page');

    const hala = await signIn('hala@city.example', 'ar');
    await hala.page.goto(`${app.base}/ar/calls/host-a-dialogue-event-on-urban-heat`);
    assert.equal(await hala.page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await axeViolations(hala.page), [], 'Arabic call page with the form');
    await hala.page.fill('#field-city', 'إربد');
    await hala.page.click('form[action$="/apply"] button[type="submit"]');
    await expectFocusOnErrorSummary(hala.page);
    assert.equal(await hala.page.inputValue('#field-city'), 'إربد', 'kept after the error');
    assert.deepEqual(await axeViolations(hala.page), [], 'Arabic form with errors');
    await hala.page.selectOption('#field-country', 'JO');
    await hala.page.fill('#field-organisation', 'بلدية إربد الكبرى، قسم التخطيط');
    await hala.page.fill('#field-proposal', 'الحرارة في الأحياء المكتظة وكيف تخففها الأشجار والظلال');
    await hala.page.fill('#field-answer-0', 'قسم التخطيط الحضري');
    await hala.page.click('form[action$="/apply"] button[type="submit"]');
    await hala.page.waitForURL(/notice=submitted/);

    await editor.page.goto(`${app.base}/en/editor/calls/host-a-dialogue-event-on-urban-heat`);
    assert.match((await editor.page.textContent('main')) ?? '', /الحرارة في الأحياء المكتظة/);
    await editor.page.selectOption('select[name="decision"]', 'accepted');
    await editor.page.fill('textarea[name="note"]', 'Welcome on board: we will call you next week.');
    await editor.page.click('form[action$="/review"] button[type="submit"]');
    await editor.page.waitForURL(/notice=reviewed/);
    assert.deepEqual(await axeViolations(editor.page), [], 'after the decision');

    const mails = await mailsTo(t.database.db, 'hala@city.example');
    const decision = mails.find((m) => m.text_body.includes('Welcome on board'));
    assert.ok(decision, 'the decision with the note is in the outbox');
    await hala.page.reload();
    assert.equal(await hala.page.locator('form[action$="/withdraw"]').count(), 0, 'decided: no more changes');
    await editor.context.close();
    await hala.context.close();
  });
});
