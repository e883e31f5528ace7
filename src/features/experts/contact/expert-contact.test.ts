import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { deliverQueuedMail, lastMailTo } from '../../../../tests/helpers/mail.ts';

let t: TestApp;
const slugs: Record<string, string> = {};
const MESSAGE = 'Dear colleague, how did your city organise the contracts with the waste pickers? We start in Sousse.';
const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

const userId = async (email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

async function outboxCount() {
  await deliverQueuedMail(t.database.db);
  const row = await t.database.db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A verified member with an expert profile made through the form. */
async function createExpert(email: string, fields: Record<string, string> = {}) {
  await createMember(t, email);
  const v = await signedIn(t, email);
  await v.get('/en/my/expert-profile');
  const res = await v.post('/en/my/expert-profile', {
    lang: 'en',
    headline: 'Participatory budgeting',
    visibility: 'public',
    contactEnabled: 'yes',
    consent: 'yes',
    ...fields,
  });
  assert.equal(res.status, 303);
  const row = await t.database.db
    .selectFrom('experts')
    .select('slug')
    .where('user_id', '=', await userId(email))
    .executeTakeFirstOrThrow();
  slugs[email] = row.slug;
  return v;
}

const page = (email: string, locale = 'en') => `/${locale}/experts/${slugs[email]}`;
let sender: Visitor;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createExpert('karim@example.org');
  await t.database.db.updateTable('users').set({ locale: 'de' }).where('email', '=', 'karim@example.org').execute();
  await createExpert('quiet@example.org', { contactEnabled: '' });
  await createExpert('busy@example.org');
  await createExpert('secret@example.org', { visibility: 'hidden' });
  await createMember(t, 'sender@example.org');
  await createMember(t, 'limits@example.org');
  await createMember(t, 'editor@example.org', 'editor');
  sender = await signedIn(t, 'sender@example.org');
});
after(() => t.close());

describe('writing to an expert', () => {
  it('shows anonymous visitors a sign-in link back to the form, and refuses their message', async () => {
    const v = newVisitor(t);
    await v.get(page('karim@example.org'));
    assert.doesNotMatch(v.lastHtml, /<textarea/);
    const next = `${page('karim@example.org')}#contact`;
    assert.ok(v.lastHtml.includes(`href="/en/sign-in?next=${encodeURIComponent(next)}"`), 'sign-in link with next');
    await v.get('/en/sign-in');
    const before = await outboxCount();
    assert.equal((await v.post(`${page('karim@example.org')}/contact`, { message: MESSAGE })).status, 401);
    assert.equal(await outboxCount(), before);
    await v.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
    const signIn = await v.post('/en/sign-in', { email: 'sender@example.org', password: PASSWORD, next });
    assert.equal(signIn.headers.get('location'), next);
  });

  it('mails the expert once, in their language, with Reply-To = sender; no address on any page', async () => {
    await sender.get(page('karim@example.org'));
    assert.match(sender.lastHtml, /<textarea[^>]*name="message"/);
    assert.match(sender.lastHtml, /Your message goes to karim by e-mail\./);
    assert.doesNotMatch(sender.lastHtml, ADDRESS);
    const before = await outboxCount();
    const res = await sender.post(`${page('karim@example.org')}/contact`, { subject: 'Contracts', message: MESSAGE });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${page('karim@example.org')}?sent=1#contact`);
    await sender.get(res.headers.get('location') ?? '');
    assert.match(sender.lastHtml, /<p class="notice" role="status">Thank you: your message has been sent/);
    assert.doesNotMatch(sender.lastHtml, ADDRESS);

    assert.equal(await outboxCount(), before + 1, 'exactly one mail');
    const mail = await lastMailTo(t.database.db, 'karim@example.org');
    assert.ok(mail);
    assert.equal(mail.headers['Reply-To'], '"sender" <sender@example.org>');
    assert.equal(mail.subject, 'Contracts – von sender (Expertenprofil bei Peerpolis)');
    assert.ok(mail.text_body.includes('sender hat Ihnen über Ihr Expertenprofil bei Peerpolis geschrieben'), mail.text_body);
    assert.ok(mail.text_body.includes(`http://localhost${page('karim@example.org', 'de')}`));
    assert.ok(mail.text_body.includes(MESSAGE));

    const logged = await t.database.db.selectFrom('expert_contacts').selectAll().execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.sender_user_id, await userId('sender@example.org'));
    assert.equal(
      Object.keys(logged[0] ?? {}).some((k) => /text|message|subject/.test(k)),
      false,
      'the text is not stored',
    );
    // The expert sees no form on their own page, and the editors' overview stays theirs.
    const expert = await signedIn(t, 'karim@example.org');
    await expert.get(page('karim@example.org'));
    assert.match(expert.lastHtml, /This is your profile: messages written here reach you by e-mail\./);
    assert.doesNotMatch(expert.lastHtml, /<textarea/);
    assert.doesNotMatch(expert.lastHtml, /Messages to this expert/);
    assert.doesNotMatch(expert.lastHtml, ADDRESS);
  });

  it('keeps what was typed when the form has errors', async () => {
    await sender.get(page('karim@example.org'));
    const before = await outboxCount();
    const res = await sender.post(`${page('karim@example.org')}/contact`, { subject: 'Costs <b>&</b>', message: 'Too short' });
    assert.equal(res.status, 422);
    assert.match(sender.lastHtml, /class="error-summary"/);
    assert.match(sender.lastHtml, /Please write at least 20 characters, so the expert knows/);
    assert.match(sender.lastHtml, /value="Costs &lt;b&gt;&amp;&lt;\/b&gt;"/);
    assert.match(sender.lastHtml, />Too short<\/textarea>/);
    assert.ok(sender.lastHtml.includes(`<a href="${page('karim@example.org', 'de')}" lang="de"`), 'the language switcher keeps the page');
    const long = await sender.post(`${page('karim@example.org')}/contact`, { subject: 'x'.repeat(201), message: MESSAGE });
    assert.equal(long.status, 422);
    assert.match(sender.lastHtml, /The subject may have at most 200 characters/);
    assert.equal(await outboxCount(), before, 'nothing sent');
  });

  it('says when an expert has turned messages off, and sends nothing', async () => {
    await sender.get(page('quiet@example.org'));
    assert.match(sender.lastHtml, /quiet does not receive messages through Peerpolis at the moment\./);
    assert.doesNotMatch(sender.lastHtml, /<textarea/);
    const before = await outboxCount();
    const res = await sender.post(`${page('quiet@example.org')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(res.status, 409);
    assert.match(sender.lastHtml, /does not receive messages/);
    assert.equal(await outboxCount(), before);
    const owner = await signedIn(t, 'quiet@example.org');
    await owner.get(page('quiet@example.org'));
    assert.match(owner.lastHtml, /You have turned messages off/);
  });

  it('limits a sender to 5 messages an hour, with the text kept', async () => {
    const v = await signedIn(t, 'limits@example.org');
    for (let i = 1; i <= 5; i++) {
      await v.get(page('busy@example.org'));
      const res = await v.post(`${page('busy@example.org')}/contact`, { subject: `Question ${i}`, message: MESSAGE });
      assert.equal(res.status, 303, `message ${i}`);
    }
    const before = await outboxCount();
    await v.get(page('busy@example.org'));
    const res = await v.post(`${page('busy@example.org')}/contact`, { subject: 'Question 6', message: MESSAGE });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(v.lastHtml, /You have sent many messages in a short time\. Please try again in \d+ minutes?; your text is still here\./);
    assert.ok(v.lastHtml.includes(MESSAGE) && v.lastHtml.includes('value="Question 6"'));
    assert.equal(await outboxCount(), before, 'nothing sent');
  });

  it('limits what one expert receives a day (10), saying so to the sender', async () => {
    const id = (
      await t.database.db
        .selectFrom('experts')
        .select('id')
        .where('slug', '=', slugs['busy@example.org'] ?? '')
        .executeTakeFirstOrThrow()
    ).id;
    const key = `expert-contact:recipient:${id}`;
    const row = await t.database.db.selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirstOrThrow();
    assert.equal(row.hits, 5, 'the five accepted messages counted for the expert');
    await t.database.db.updateTable('rate_limits').set({ hits: 10 }).where('key', '=', key).execute();
    await sender.get(page('busy@example.org'));
    const before = await outboxCount();
    const res = await sender.post(`${page('busy@example.org')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(res.status, 429);
    assert.match(sender.lastHtml, /This expert has received many messages today\. Please try again in \d+ hours?;/);
    assert.ok(sender.lastHtml.includes(MESSAGE));
    assert.equal(await outboxCount(), before);
  });

  it('shows editors that contact happened (how often, when), and nobody else', async () => {
    const editor = await signedIn(t, 'editor@example.org');
    await editor.get(page('busy@example.org'));
    assert.match(
      editor.lastHtml,
      /<h2 id="contact-log-title">Messages to this expert<\/h2><p>5 messages have been sent through Peerpolis\.<\/p>/,
    );
    assert.equal([...editor.lastHtml.matchAll(/<li><time datetime="[^"]+">[^<]+ UTC<\/time><\/li>/g)].length, 5);
    assert.doesNotMatch(editor.lastHtml, /limits@|Question \d|waste pickers/, 'neither sender nor text');
    assert.doesNotMatch(editor.lastHtml, ADDRESS);
    await editor.get(page('karim@example.org', 'de'));
    assert.match(editor.lastHtml, /1 Nachricht wurde über Peerpolis gesendet\./);
    await sender.get(page('busy@example.org'));
    assert.doesNotMatch(sender.lastHtml, /contact-log-title/);
    const anonymous = await (await t.request(page('busy@example.org'))).text();
    assert.doesNotMatch(anonymous, /contact-log-title/);
  });

  it('neither shows nor accepts messages to a profile the sender may not see', async () => {
    const before = await outboxCount();
    const res = await sender.post(`${page('secret@example.org')}/contact`, { subject: '', message: MESSAGE });
    assert.equal(res.status, 404);
    assert.equal(await outboxCount(), before);
  });
});
