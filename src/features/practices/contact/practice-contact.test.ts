import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import * as contact from '../../../../tests/helpers/contact.ts';
import { lastMailTo } from '../../../../tests/helpers/mail.ts';
import { importPractices } from '../import/practices.import.ts';

let t: TestApp;
const slugs: Record<string, string> = {};

const practice = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  status: 'published',
  city: 'Mitrovica',
  country: 'XK',
  topics: ['waste-management'],
  translations: {
    en: { title: `Waste pickers ${externalId}`, summary: 'The city works with the waste pickers.' },
    de: { title: `Abfallsammlerinnen ${externalId}`, summary: 'Die Stadt arbeitet mit den Abfallsammlerinnen.' },
  },
  contact: { name: 'Department of Public Services', organisation: 'Municipality of Mitrovica' },
  ...overrides,
});

const userId = (email: string) => contact.userId(t, email);

async function setPeople(externalId: string, people: { contact?: string | null; author?: string | null }) {
  await t.database.db
    .updateTable('practices')
    .set({
      contact_user_id: people.contact ? await userId(people.contact) : null,
      author_user_id: people.author ? await userId(people.author) : null,
    })
    .where('external_id', '=', externalId)
    .execute();
}

const MESSAGE = 'Dear colleagues, how did you register the waste pickers? We start a similar project in Tunis.';

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  const report = await importPractices(t.database.db, [
    practice('pc-member'),
    practice('pc-editors', { translations: { fr: { title: 'Tri sélectif', summary: 'Les collectivités trient.' } } }),
    practice('pc-draft', { status: 'draft' }),
    practice('pc-limits'),
  ]);
  assert.deepEqual(
    report.map((r) => r.outcome),
    ['created', 'created', 'created', 'created'],
  );
  for (const row of await t.database.db.selectFrom('practices').select(['external_id', 'slug']).execute()) {
    slugs[row.external_id ?? ''] = row.slug;
  }
  for (const email of ['sender@example.org', 'contact@example.org', 'author@example.org', 'limits@example.org', 'other@example.org']) {
    await createMember(t, email);
  }
  await createMember(t, 'editor@example.org', 'editor');
  await createMember(t, 'admin@example.org', 'admin');
  await t.database.db.updateTable('users').set({ locale: 'de' }).where('email', '=', 'contact@example.org').execute();
  await setPeople('pc-member', { contact: 'contact@example.org', author: 'author@example.org' });
  await setPeople('pc-limits', { contact: 'other@example.org' });
});
after(() => t.close());

const page = (key: string, locale = 'en') => `/${locale}/practices/${slugs[key]}`;

describe('contact form on a practice page', () => {
  it('shows anonymous visitors a sign-in link that returns to the page, and refuses their message', async () => {
    const html = await contact.checkSignInFirst(t, page('pc-member'), MESSAGE, 'sender@example.org');
    assert.match(html, /Your message goes to contact, the contact person for this good practice/);
  });

  it('tells members with an unconfirmed address to confirm it first', async () => {
    await contact.checkVerifyFirst(t, page('pc-member'), MESSAGE, 'new@example.org');
  });

  it('mails the contact member once, in their language, with Reply-To = sender; no address on the page', async () => {
    const v = await signedIn(t, 'sender@example.org');
    await contact.sendThroughForm(t, v, page('pc-member'), { subject: 'Registration', message: MESSAGE });
    await contact.checkRelayedMail(t, 'contact@example.org', {
      replyTo: '"sender" <sender@example.org>',
      subject: 'Registration – zu „Abfallsammlerinnen pc-member“ (Peerpolis)',
      says: 'sender hat Ihnen über Peerpolis',
      link: page('pc-member', 'de'),
      message: MESSAGE,
    });
    const logged = await contact.onlyContactRecord(t, 'practice_contacts', 'sender@example.org');
    assert.equal(logged.recipient_user_id, await userId('contact@example.org'));
  });

  it('falls back from the contact member to the author, then to the editorial team', async () => {
    const v = await signedIn(t, 'sender@example.org');
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', 'contact@example.org').execute();
    await v.get(page('pc-member'));
    assert.match(v.lastHtml, /Your message goes to author, who submitted this good practice/);
    await contact.sendThroughForm(t, v, page('pc-member'), { subject: '', message: MESSAGE });
    assert.equal((await lastMailTo(t.database.db, 'author@example.org'))?.headers['Reply-To'], '"sender" <sender@example.org>');
    await t.database.db.updateTable('users').set({ disabled_at: null }).where('email', '=', 'contact@example.org').execute();

    await v.get(page('pc-editors'));
    assert.match(
      v.lastHtml,
      /Your message goes to the Peerpolis editorial team, who will pass it on to Department of Public Services, Municipality of Mitrovica\./,
    );
    await contact.sendThroughForm(t, v, page('pc-editors'), { subject: '', message: MESSAGE }, 2); // every editor and admin
    for (const email of ['editor@example.org', 'admin@example.org']) {
      const mail = await lastMailTo(t.database.db, email);
      assert.equal(mail?.headers['Reply-To'], '"sender" <sender@example.org>');
      assert.match(mail?.text_body ?? '', /meant for its contact, Department of Public Services, Municipality of Mitrovica/);
    }
    const logged = await t.database.db.selectFrom('practice_contacts').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(logged.recipient_user_id, null, 'the editorial team is recorded as one recipient');
  });

  it('shows the contact member that messages reach them instead of a form', async () => {
    const v = await signedIn(t, 'contact@example.org');
    await v.get(page('pc-member', 'de'));
    assert.match(v.lastHtml, /Sie sind die Ansprechperson für dieses Praxisbeispiel/);
    assert.doesNotMatch(v.lastHtml, /<textarea/);
  });

  it('keeps what was typed when the form has errors', async () => {
    await contact.checkKeepsTyped(
      t,
      await signedIn(t, 'sender@example.org'),
      page('pc-member'),
      MESSAGE,
      /Please write at least 20 characters/,
    );
  });

  it('refuses a form without its CSRF token', async () => {
    await contact.checkCsrf(t, await signedIn(t, 'sender@example.org'), page('pc-member'), MESSAGE);
  });

  it('limits a sender to 5 messages an hour, with a clear message and the text kept', async () => {
    await contact.checkSenderHourLimit(t, 'limits@example.org', page('pc-limits'), MESSAGE);
  });

  it('limits what one recipient receives a day, saying so to the sender', async () => {
    await contact.checkRecipientBusy(t, await signedIn(t, 'sender@example.org'), page('pc-limits'), MESSAGE, {
      key: `practice-contact:recipient:${await userId('other@example.org')}`,
      limit: 30,
      says: /The recipient has received many messages today\. Please try again in \d+ hours?;/,
    });
  });

  it('lists exactly the practice’s translations as hreflang alternates, with x-default and one canonical URL per text', async () => {
    const html = await (await t.request(page('pc-member', 'de'))).text();
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(alternates, [
      `en http://localhost${page('pc-member', 'en')}`,
      `de http://localhost${page('pc-member', 'de')}`,
      `x-default http://localhost${page('pc-member', 'en')}`,
    ]);
    assert.equal([...html.matchAll(/rel="canonical"/g)].length, 1);
    assert.ok(html.includes(`<link rel="canonical" href="http://localhost${page('pc-member', 'de')}"/>`));

    const french = await (await t.request(`${page('pc-editors', 'ar')}?sent=1`)).text();
    const frAlternates = [...french.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(frAlternates, [
      `fr http://localhost${page('pc-editors', 'fr')}`,
      `x-default http://localhost${page('pc-editors', 'fr')}`,
    ]);
    // Shown in French on the Arabic interface: the same content as the French page, so canonical to it.
    assert.ok(french.includes(`<link rel="canonical" href="http://localhost${page('pc-editors', 'fr')}"/>`));
    assert.ok(french.includes('<meta property="og:locale" content="fr_FR"/>'));
  });

  it('has no page and no contact form for a practice that is not published', async () => {
    assert.equal((await t.request(page('pc-draft'))).status, 404);
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-member'));
    await contact.postRefused(t, v, page('pc-draft'), { subject: '', message: MESSAGE }, 404);
  });
});
