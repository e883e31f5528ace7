import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { deliverQueuedMail, lastMailTo } from '../../../../tests/helpers/mail.ts';
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

const userId = async (email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

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

async function outboxCount() {
  await deliverQueuedMail(t.database.db);
  const row = await t.database.db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const MESSAGE = 'Dear colleagues, how did you register the waste pickers? We start a similar project in Tunis.';
const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

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
    const v = newVisitor(t);
    const res = await v.get(page('pc-member'));
    assert.equal(res.status, 200);
    assert.doesNotMatch(v.lastHtml, /<textarea/);
    const next = `${page('pc-member')}#contact`;
    assert.ok(v.lastHtml.includes(`href="/en/sign-in?next=${encodeURIComponent(next)}"`), 'sign-in link with next');
    assert.match(v.lastHtml, /Your message goes to contact, the contact person for this good practice/);
    const before = await outboxCount();
    await v.get('/en/sign-in'); // a valid CSRF token: refused for being anonymous, not for the token
    const refused = await v.post(`${page('pc-member')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(refused.status, 401);
    assert.match(v.lastHtml, /Please sign in/);
    assert.equal(await outboxCount(), before, 'no mail');
    // Signing in from that link brings the member back to the form.
    await v.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
    const signIn = await v.post('/en/sign-in', { email: 'sender@example.org', password: PASSWORD, next });
    assert.equal(signIn.headers.get('location'), next);
  });

  it('tells members with an unconfirmed address to confirm it first', async () => {
    const v = newVisitor(t);
    await v.get('/en/register');
    await v.post('/en/register', { name: 'New', email: 'new@example.org', password: PASSWORD, locale: 'en', privacy: 'yes' });
    const member = await signedIn(t, 'new@example.org');
    await member.get(page('pc-member'));
    assert.match(member.lastHtml, /Please confirm your e-mail address first/);
    assert.doesNotMatch(member.lastHtml, /<textarea/);
    const before = await outboxCount();
    assert.equal((await member.post(`${page('pc-member')}/contact`, { message: MESSAGE })).status, 403);
    assert.equal(await outboxCount(), before);
  });

  it('mails the contact member once, in their language, with Reply-To = sender; no address on the page', async () => {
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-member'));
    assert.match(v.lastHtml, /<textarea[^>]*name="message"/);
    assert.doesNotMatch(v.lastHtml, ADDRESS, 'no e-mail address on the page');
    const before = await outboxCount();
    const res = await v.post(`${page('pc-member')}/contact`, { subject: 'Registration', message: MESSAGE });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${page('pc-member')}?sent=1#contact`);
    await v.get(res.headers.get('location') ?? '');
    assert.match(v.lastHtml, /<p class="notice" role="status">Thank you: your message has been sent/);
    assert.doesNotMatch(v.lastHtml, ADDRESS);

    assert.equal(await outboxCount(), before + 1, 'exactly one mail');
    const mail = await lastMailTo(t.database.db, 'contact@example.org');
    assert.ok(mail);
    assert.equal(mail.headers['Reply-To'], '"sender" <sender@example.org>');
    assert.equal(mail.subject, 'Registration – zu „Abfallsammlerinnen pc-member“ (Peerpolis)');
    assert.ok(mail.text_body.includes('sender hat Ihnen über Peerpolis'), mail.text_body);
    assert.ok(mail.text_body.includes(`http://localhost${page('pc-member', 'de')}`));
    assert.ok(mail.text_body.includes(MESSAGE));

    const logged = await t.database.db.selectFrom('practice_contacts').selectAll().execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.sender_user_id, await userId('sender@example.org'));
    assert.equal(logged[0]?.recipient_user_id, await userId('contact@example.org'));
    assert.equal(
      Object.keys(logged[0] ?? {}).some((k) => /text|message|subject/.test(k)),
      false,
      'the text is not stored',
    );
  });

  it('falls back from the contact member to the author, then to the editorial team', async () => {
    const v = await signedIn(t, 'sender@example.org');
    const send = async (key: string) => {
      await v.get(page(key));
      const res = await v.post(`${page(key)}/contact`, { subject: '', message: MESSAGE });
      assert.equal(res.status, 303);
    };

    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', 'contact@example.org').execute();
    await v.get(page('pc-member'));
    assert.match(v.lastHtml, /Your message goes to author, who submitted this good practice/);
    let before = await outboxCount();
    await send('pc-member');
    assert.equal(await outboxCount(), before + 1);
    assert.equal((await lastMailTo(t.database.db, 'author@example.org'))?.headers['Reply-To'], '"sender" <sender@example.org>');
    await t.database.db.updateTable('users').set({ disabled_at: null }).where('email', '=', 'contact@example.org').execute();

    await v.get(page('pc-editors'));
    assert.match(
      v.lastHtml,
      /Your message goes to the Peerpolis editorial team, who will pass it on to Department of Public Services, Municipality of Mitrovica\./,
    );
    before = await outboxCount();
    await send('pc-editors');
    assert.equal(await outboxCount(), before + 2, 'every editor and admin');
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
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-member'));
    const before = await outboxCount();
    const res = await v.post(`${page('pc-member')}/contact`, { subject: 'Costs <b>&</b>', message: 'Too short' });
    assert.equal(res.status, 422);
    assert.match(v.lastHtml, /class="error-summary"/);
    assert.match(v.lastHtml, /Please write at least 20 characters/);
    assert.match(v.lastHtml, /value="Costs &lt;b&gt;&amp;&lt;\/b&gt;"/);
    assert.match(v.lastHtml, />Too short<\/textarea>/);
    assert.ok(v.lastHtml.includes(`<a href="${page('pc-member', 'de')}" lang="de"`), 'the language switcher keeps the page, not …/contact');
    const long = await v.post(`${page('pc-member')}/contact`, { subject: 'x'.repeat(201), message: MESSAGE });
    assert.equal(long.status, 422);
    assert.match(v.lastHtml, /The subject may have at most 200 characters/);
    assert.ok(v.lastHtml.includes(MESSAGE));
    const empty = await v.post(`${page('pc-member')}/contact`, { subject: '', message: '   ' });
    assert.equal(empty.status, 422);
    assert.match(v.lastHtml, /Please write your message/);
    assert.equal(await outboxCount(), before, 'nothing sent');
  });

  it('refuses a form without its CSRF token', async () => {
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-member'));
    const before = await outboxCount();
    const res = await v.post(`${page('pc-member')}/contact`, { _csrf: '', message: MESSAGE });
    assert.equal(res.status, 403);
    assert.equal(await outboxCount(), before);
  });

  it('limits a sender to 5 messages an hour, with a clear message and the text kept', async () => {
    const v = await signedIn(t, 'limits@example.org');
    for (let i = 1; i <= 5; i++) {
      await v.get(page('pc-limits'));
      const res = await v.post(`${page('pc-limits')}/contact`, { subject: `Question ${i}`, message: MESSAGE });
      assert.equal(res.status, 303, `message ${i}`);
    }
    const before = await outboxCount();
    await v.get(page('pc-limits'));
    const res = await v.post(`${page('pc-limits')}/contact`, { subject: 'Question 6', message: MESSAGE });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(v.lastHtml, /You have sent many messages in a short time\. Please try again in \d+ minutes?; your text is still here\./);
    assert.ok(v.lastHtml.includes(MESSAGE) && v.lastHtml.includes('value="Question 6"'));
    assert.equal(await outboxCount(), before, 'nothing sent');
  });

  it('limits what one recipient receives a day, saying so to the sender', async () => {
    const key = `practice-contact:recipient:${await userId('other@example.org')}`;
    await t.database.db.updateTable('rate_limits').set({ hits: 30 }).where('key', '=', key).execute();
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-limits'));
    const before = await outboxCount();
    const res = await v.post(`${page('pc-limits')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(res.status, 429);
    assert.match(v.lastHtml, /The recipient has received many messages today\. Please try again in \d+ hours?;/);
    assert.equal(await outboxCount(), before);
  });

  it('lists exactly the practice’s translations as hreflang alternates, with x-default and a canonical URL', async () => {
    const html = await (await t.request(page('pc-member', 'de'))).text();
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(alternates, [
      `de http://localhost${page('pc-member', 'de')}`,
      `en http://localhost${page('pc-member', 'en')}`,
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
    assert.ok(french.includes(`<link rel="canonical" href="http://localhost${page('pc-editors', 'ar')}"/>`));
  });

  it('has no page and no contact form for a practice that is not published', async () => {
    assert.equal((await t.request(page('pc-draft'))).status, 404);
    const v = await signedIn(t, 'sender@example.org');
    await v.get(page('pc-member'));
    const before = await outboxCount();
    const res = await v.post(`${page('pc-draft')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(res.status, 404);
    assert.equal(await outboxCount(), before);
  });
});
