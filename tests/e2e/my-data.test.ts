import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createMember } from '../helpers/accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, type BrowserApp, signInWithBrowser, startBrowserApp } from '../helpers/browser.ts';
import { insertEvent } from '../helpers/events.ts';
import { EXPERT_FIXTURES, insertExpert } from '../helpers/experts.ts';

// A member takes part in the network as a person would — registers for an event (answering its
// dietary question), applies to a call, writes to an expert — and then downloads their data from the
// account page: everything the modules store about them is in it. In English and in Arabic.

const DAY = 86_400_000;
let t: TestApp;
let app: BrowserApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  const db = t.database.db;
  await insertEvent(db, {
    slug: 'heat-webinar',
    title: 'Cool streets',
    format: 'in-person',
    questions: ['dietary'],
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 2 * 3600_000),
  });
  await createMember(t, 'omar@city.example');
  const [fixture] = EXPERT_FIXTURES;
  assert.ok(fixture);
  const expertId = await insertExpert(db, { ...fixture, slug: 'omar-expert', visibility: 'public' });
  const omar = await db.selectFrom('users').select('id').where('email', '=', 'omar@city.example').executeTakeFirstOrThrow();
  await db.updateTable('experts').set({ user_id: omar.id, contact_enabled: true }).where('id', '=', expertId).execute();
  await createMember(t, 'editor@city.example', 'editor');
  for (const locale of ['en', 'ar']) await createMember(t, `nadia-${locale}@city.example`);
  app = await startBrowserApp(t);
  // An open call, made by an editor through the form.
  const editor = await signInWithBrowser(app, 'editor@city.example', 'en');
  await editor.page.goto(`${app.base}/en/editor/calls/new`);
  await editor.page.selectOption('#field-kind', 'host-dialogue-event');
  await editor.page.selectOption('#field-status', 'open');
  await editor.page.fill('#field-title', 'Host a dialogue on shade');
  await editor.page.fill('#field-summary', 'Municipalities propose a topic and host the exchange.');
  await editor.page.fill('#field-questions', 'Which department would host it?');
  await editor.page.fill('#field-deadline', new Date(Date.now() + 14 * DAY).toISOString().slice(0, 16));
  await editor.page.selectOption('#field-timeZone', 'Africa/Tunis');
  await editor.page.click('form[action$="/editor/calls/new"] button[type="submit"]');
  await editor.page.waitForURL(/\/editor\/calls\/host-a-dialogue-on-shade/);
  await editor.context.close();
});
after(() => app?.close());

async function download(page: Page): Promise<Record<string, unknown>> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('form[action$="/account/export"] button[type="submit"]')]);
  const path = await file.path();
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('my data, downloaded from the account page', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`holds the registrations with answers, applications and contacts (${locale})`, async () => {
      const email = `nadia-${locale}@city.example`;
      const { context, page } = await signInWithBrowser(app, email, locale);
      const base = `${app.base}/${locale}`;

      await page.goto(`${base}/events/heat-webinar`);
      await page.fill('#field-city', 'Sfax');
      await page.selectOption('#field-country', 'TN');
      await page.fill('#field-dietary', 'vegetarian');
      await page.click('form[action$="/register"] button[type="submit"]');
      await page.waitForURL(/notice=(registered|waitlisted)/);

      await page.goto(`${base}/calls/host-a-dialogue-on-shade`);
      await page.fill('#field-city', 'Sfax');
      await page.selectOption('#field-country', 'TN');
      await page.fill('#field-organisation', 'Municipality of Sfax');
      await page.fill('#field-proposal', 'Shade along the medina’s walking routes');
      await page.fill('#field-answer-0', 'Urban planning');
      await page.click('form[action$="/apply"] button[type="submit"]');
      await page.waitForURL(/notice=/);

      await page.goto(`${base}/experts/omar-expert`);
      await page.fill('#field-subject', 'Shade trees');
      await page.fill('#field-message', 'Could we talk about your shade programme next week? We start in spring.');
      await page.click('form.contact-form button[type="submit"]');
      await page.waitForURL(/\?sent=1#contact$/);

      await page.goto(`${base}/account`);
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(await axeViolations(page), [], 'account page');
      const data = await download(page);
      assert.equal((data.account as { email: string }).email, email);
      const registrations = data.eventRegistrations as Array<{ event: { slug: string }; answers: { dietary?: string } }>;
      assert.deepEqual(
        registrations.map((r) => [r.event.slug, r.answers.dietary]),
        [['heat-webinar', 'vegetarian']],
      );
      const applications = data.callApplications as Array<{ call: { slug: string }; proposal: string }>;
      assert.deepEqual(
        applications.map((a) => [a.call.slug, a.proposal]),
        [['host-a-dialogue-on-shade', 'Shade along the medina’s walking routes']],
      );
      const contacts = data.expertContactsSent as Array<{ expert: { slug: string }; messageKept: boolean }>;
      assert.deepEqual(
        contacts.map((c) => [c.expert.slug, c.messageKept]),
        [['omar-expert', false]],
      );
      assert.ok(Array.isArray(data.securityLog) && Array.isArray(data.sessions), 'the account’s own records are there too');
      assert.doesNotMatch(JSON.stringify(data), /omar@city\.example/, 'nobody else’s address');
      await context.close();
    });
  }
});
