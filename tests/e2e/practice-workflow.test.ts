import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, expectFocusOnErrorSummary, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';

// The editorial workflow in a real browser, without our JavaScript (the pages ship none): a member
// writes a practice in German and submits it, an editor publishes it, and a visitor finds it by a
// German search with stemming ("Abfallsammler" → "Abfallsammlerinnen"). axe checks every page.

let t: TestApp;
let app: BrowserApp;
let base: string;
let browser: Browser;

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'laila@city.example');
  await createMember(t, 'editor@network.example', 'editor');
  app = await startBrowserApp(t);
  ({ base, browser } = app);
});

after(() => app?.close());

const signIn = (email: string, locale: string) => signInWithBrowser({ browser, base }, email, locale);

async function expectAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
}

describe('good practice: submit, review, publish, find', () => {
  it('goes from a member’s German draft to a published practice found by German search', async () => {
    const member = await signIn('laila@city.example', 'de');
    const page = member.page;
    await page.goto(`${base}/de/practices`);
    await page.click('a[href="/de/my/practices/new"]');
    await page.waitForURL(/\/de\/my\/practices\/new$/);
    await expectAccessible(page, 'new practice form');

    // A first save with a mistake: the summary takes focus and nothing typed is lost.
    await page.fill('#field-title', 'Abfallsammlerinnen als Partnerinnen der Stadtreinigung');
    await page.fill('#field-startYear', '20l6');
    await page.click('button[value="save"]');
    await expectFocusOnErrorSummary(page);
    assert.equal(await page.inputValue('#field-title'), 'Abfallsammlerinnen als Partnerinnen der Stadtreinigung');
    await expectAccessible(page, 'form with errors');

    await page.fill('#field-startYear', '2016');
    await page.fill('#field-summary', 'Die Stadt schließt Verträge mit Genossenschaften informeller Abfallsammlerinnen.');
    await page.fill('#field-challenge', 'Wertstoffe wurden ohne Vertrag und ohne Arbeitsschutz gesammelt.');
    await page.fill('#field-approach', '1. Sammlerinnen registrieren\n2. Genossenschaften gründen\n3. Verträge schließen');
    await page.fill('#field-transfer', 'Eine kommunale Satzung, die Verträge mit Genossenschaften erlaubt.');
    await page.fill('#field-city', 'Belo Horizonte');
    await page.selectOption('#field-country', 'BR');
    await page.check('#field-topic-waste-management');
    await page.check('#field-sdg-11');
    await page.check('#field-projectState-ongoing');
    await page.click('button[value="save"]');
    await page.waitForURL(/\/de\/my\/practices\/\d+\?notice=created$/);
    await expectAccessible(page, 'workspace');

    // A PDF for the practice, through the upload form.
    await page.setInputFiles('#field-document', {
      name: 'Leitfaden.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.fill('#field-document-title', 'Leitfaden für Kommunen');
    await page.click('form[action$="/files/document"] button[type="submit"]');
    await page.waitForURL(/notice=fileAdded$/);
    assert.ok(await page.isVisible('text=Leitfaden für Kommunen'));

    await page.click('form[action$="/act"] button');
    await page.waitForURL(/notice=submitted$/);
    await expectAccessible(page, 'submitted');
    await member.context.close();

    const editor = await signIn('editor@network.example', 'de');
    await editor.page.goto(`${base}/de/editor/practices`);
    await expectAccessible(editor.page, 'review queue');
    await editor.page.click('a:has-text("Abfallsammlerinnen als Partnerinnen")');
    await editor.page.waitForURL(/\/de\/editor\/practices\/\d+$/);
    await expectAccessible(editor.page, 'review page');
    await editor.page.click('a[href$="/preview"]');
    await editor.page.waitForURL(/\/preview$/);
    await expectAccessible(editor.page, 'preview');
    await editor.page.goBack();
    await editor.page.click('button[value="publish"]');
    await editor.page.waitForURL(/notice=published$/);
    await editor.context.close();

    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    await reader.goto(`${base}/de/practices`);
    await reader.fill('#practice-q', 'Abfallsammler');
    // The list's own search form (the header's site search is another form with role="search").
    await reader.click('form:has(#practice-q) button[type="submit"]');
    await reader.waitForURL(/q=Abfallsammler/);
    await expectAccessible(reader, 'search results');
    await reader.click('a:has-text("Abfallsammlerinnen als Partnerinnen der Stadtreinigung")');
    await reader.waitForURL(/\/de\/practices\/abfallsammlerinnen/);
    assert.ok(await reader.isVisible('text=Leitfaden für Kommunen'));
    await expectAccessible(reader, 'published practice');
    await visitor.close();
  });

  it('shows the editor form right-to-left in Arabic with no axe violations', async () => {
    const member = await signIn('laila@city.example', 'ar');
    await member.page.goto(`${base}/ar/my/practices/new`);
    assert.equal(await member.page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await member.page.getAttribute('#field-title', 'dir'), 'rtl');
    await expectAccessible(member.page, 'Arabic editor form');
    await member.page.goto(`${base}/ar/my/practices`);
    await expectAccessible(member.page, 'Arabic list of my practices');
    await member.context.close();
  });
});
