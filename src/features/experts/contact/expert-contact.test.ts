import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import * as contact from '../../../../tests/helpers/contact.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';

let t: TestApp;
const slugs: Record<string, string> = {};
const MESSAGE = 'Dear colleague, how did your city organise the contracts with the waste pickers? We start in Sousse.';
const { ADDRESS } = contact;
const userId = (email: string) => contact.userId(t, email);

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
    const html = await contact.checkSignInFirst(t, page('karim@example.org'), MESSAGE, 'sender@example.org');
    assert.match(html, /Members can write to karim here; no e-mail address is shown\./);
  });

  it('tells members with an unconfirmed address to confirm it first', async () => {
    await contact.checkVerifyFirst(t, page('karim@example.org'), MESSAGE, 'new@example.org');
  });

  it('mails the expert once, in their language, with Reply-To = sender; no address on any page', async () => {
    await contact.sendThroughForm(t, sender, page('karim@example.org'), { subject: 'Contracts', message: MESSAGE });
    assert.match(sender.lastHtml, /Your message goes to karim by e-mail\./);
    await contact.checkRelayedMail(t, 'karim@example.org', {
      replyTo: '"sender" <sender@example.org>',
      subject: 'Contracts – von sender (Expertenprofil bei Peerpolis)',
      says: 'sender hat Ihnen über Ihr Expertenprofil bei Peerpolis geschrieben',
      link: page('karim@example.org', 'de'),
      message: MESSAGE,
    });
    await contact.onlyContactRecord(t, 'expert_contacts', 'sender@example.org');
    // The expert sees no form on their own page, and the editors' overview stays theirs.
    const expert = await signedIn(t, 'karim@example.org');
    await expert.get(page('karim@example.org'));
    assert.match(expert.lastHtml, /This is your profile: messages written here reach you by e-mail\./);
    assert.doesNotMatch(expert.lastHtml, /<textarea/);
    assert.doesNotMatch(expert.lastHtml, /Messages to this expert/);
    assert.doesNotMatch(expert.lastHtml, ADDRESS);
  });

  it('keeps what was typed when the form has errors', async () => {
    await contact.checkKeepsTyped(
      t,
      sender,
      page('karim@example.org'),
      MESSAGE,
      /Please write at least 20 characters, so the expert knows/,
    );
  });

  it('refuses a form without its CSRF token', async () => {
    await contact.checkCsrf(t, sender, page('karim@example.org'), MESSAGE);
  });

  it('says when an expert has turned messages off, and sends nothing', async () => {
    await sender.get(page('quiet@example.org'));
    assert.match(sender.lastHtml, /quiet does not receive messages through Peerpolis at the moment\./);
    assert.doesNotMatch(sender.lastHtml, /<textarea/);
    await contact.postRefused(t, sender, page('quiet@example.org'), { subject: '', message: MESSAGE }, 409);
    assert.match(sender.lastHtml, /does not receive messages/);
    const owner = await signedIn(t, 'quiet@example.org');
    await owner.get(page('quiet@example.org'));
    assert.match(owner.lastHtml, /You have turned messages off/);
  });

  it('limits a sender to 5 messages an hour, with the text kept', async () => {
    await contact.checkSenderHourLimit(t, 'limits@example.org', page('busy@example.org'), MESSAGE);
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
    await contact.checkRecipientBusy(t, sender, page('busy@example.org'), MESSAGE, {
      key,
      limit: 10,
      says: /This expert has received many messages today\. Please try again in \d+ hours?;/,
    });
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
    await contact.postRefused(t, sender, page('secret@example.org'), { subject: '', message: MESSAGE }, 404);
  });
});
