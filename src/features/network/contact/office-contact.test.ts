import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { ADDRESS, outboxCount } from '../../../../tests/helpers/contact.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { lastMailTo } from '../../../../tests/helpers/mail.ts';

// The network office's contact form and the regional coordinators' contact, through the platform's relay.

let t: TestApp;
const OFFICE = 'office@network.example.org';
const MENA = 'mena.coordinator@network.example.org';
const MESSAGE = 'Our city wants to organise its informal waste pickers into a cooperative. Who could advise us?';
const CONFIGURED = [OFFICE, MENA, 'asia@network.example.org', 'nobody@network.example.org'];

/** None of the configured recipients' addresses is on the page. */
function assertNoRecipientAddress(html: string) {
  for (const address of CONFIGURED) assert.ok(!html.includes(address), `${address} is not on the page`);
}

/** A visitor's message: refused with `status` and no mail, or sent (303 to the notice) with `mails` mails. */
async function post(v: Visitor, path: string, fields: Record<string, string>, status: number, mails = 0) {
  const before = await outboxCount(t);
  const res = await v.post(path, fields);
  assert.equal(res.status, status, v.lastHtml.slice(0, 300));
  assert.equal(await outboxCount(t), before + mails, `${mails} mails`);
  return res;
}

const visitorFields = (overrides: Record<string, string> = {}) => ({
  to: 'office',
  name: 'Amina Diallo',
  email: 'amina@city.example',
  subject: 'Waste pickers',
  message: MESSAGE,
  consent: 'yes',
  ...overrides,
});

before(async () => {
  t = await createTestApp({
    seed: 'taxonomy',
    env: {
      TRUST_PROXY: 'true',
      BASE_URL: 'http://localhost',
      OFFICE_EMAIL: OFFICE,
      // "atlantis" is no region of the taxonomy: nobody is offered for it.
      REGIONAL_COORDINATORS: `mena=${MENA},asia=asia@network.example.org,atlantis=nobody@network.example.org`,
    },
  });
  await createMember(t, 'karim@city.example');
});
after(() => t.close());

describe('the network office’s contact page', () => {
  it('is linked from the about page and the footer, with a way to each regional coordinator and no address', async () => {
    const v = newVisitor(t);
    await v.get('/en/about');
    assert.match(v.lastHtml, /<a class="button" href="\/en\/contact">Write to the network office<\/a>/);
    assert.match(v.lastHtml, /<h3 id="coordinators-title">Regional coordinators<\/h3>/);
    assert.match(v.lastHtml, /href="\/en\/contact\?to=mena#contact">Write to the coordinator for Middle East and North Africa<\/a>/);
    assert.match(v.lastHtml, /href="\/en\/contact\?to=asia#contact">/);
    assert.doesNotMatch(v.lastHtml, /atlantis/);
    assert.match(v.lastHtml, /<footer[\s\S]*href="\/en\/contact">How to reach the network office<\/a>/);
    assert.doesNotMatch(v.lastHtml, ADDRESS);
    await v.get('/ar/about');
    assert.match(v.lastHtml, /href="\/ar\/contact\?to=mena#contact">الكتابة إلى منسّق منطقة الشرق الأوسط وشمال أفريقيا<\/a>/);
    await v.get('/en/contact?to=mena');
    assert.match(v.lastHtml, /<option value="mena" selected="">Regional coordinator: Middle East and North Africa<\/option>/);
    assert.match(v.lastHtml, /<input id="field-email" name="email" type="email"/);
    assert.doesNotMatch(v.lastHtml, ADDRESS);
  });

  it('relays a visitor’s message to the office with Reply-To = the visitor, and a copy in the visitor’s language', async () => {
    const v = newVisitor(t);
    await v.get('/fr/contact');
    const res = await post(v, '/fr/contact', visitorFields(), 303, 2);
    assert.equal(res.headers.get('location'), '/fr/contact?sent=1#contact');
    await v.get(res.headers.get('location') ?? '');
    assert.match(v.lastHtml, /<p class="notice" role="status">Merci : votre message a été envoyé/);
    assert.doesNotMatch(v.lastHtml, ADDRESS);
    const mail = await lastMailTo(t.database.db, OFFICE);
    assert.ok(mail);
    assert.equal(mail.headers['Reply-To'], '"Amina Diallo" <amina@city.example>');
    assert.equal(mail.subject, 'Waste pickers – from Amina Diallo (Peerpolis contact form)');
    assert.ok(mail.text_body.includes(MESSAGE));
    assert.ok(mail.text_body.includes('Amina Diallo has written to the Peerpolis network office'));
    assert.ok(mail.text_body.includes('It has not been confirmed'), 'the office knows the address was only typed');
    const copy = await lastMailTo(t.database.db, 'amina@city.example');
    assert.ok(copy);
    assert.equal(copy.subject, 'Copie de votre message au bureau du réseau Peerpolis');
    assert.equal(copy.headers['Reply-To'], undefined, 'the copy reveals no recipient address');
    assert.ok(copy.text_body.includes(MESSAGE));
    assert.ok(!copy.text_body.includes(OFFICE));
  });

  it('relays a member’s message to the regional coordinator chosen, under the account’s name and address', async () => {
    const member = await signedIn(t, 'karim@city.example');
    await member.get('/en/contact?to=mena');
    assert.match(member.lastHtml, /You write as karim; the answer comes to your account&#39;s e-mail address\./);
    // Above the footer, whose newsletter form asks every visitor for an address.
    assert.doesNotMatch(member.lastHtml.split('<footer')[0] ?? '', /name="email"|name="consent"/, 'the account says who writes');
    assert.doesNotMatch(member.lastHtml, ADDRESS);
    await post(member, '/en/contact', { to: 'mena', subject: '', message: MESSAGE }, 303, 2);
    const mail = await lastMailTo(t.database.db, MENA);
    assert.ok(mail);
    assert.equal(mail.headers['Reply-To'], '"karim" <karim@city.example>');
    assert.equal(mail.subject, 'Message from karim through the Peerpolis contact form');
    assert.ok(mail.text_body.includes('karim has written to the Peerpolis regional coordinator for Middle East and North Africa'));
    assert.ok(mail.text_body.includes('a member whose e-mail address is confirmed'));
    const copy = await lastMailTo(t.database.db, 'karim@city.example');
    assert.equal(copy?.subject, 'Copy of your message to the Peerpolis regional coordinator for Middle East and North Africa');
  });

  it('shows every problem at once and keeps what was typed, with no recipient address', async () => {
    const v = newVisitor(t);
    await v.get('/en/contact');
    const typed = visitorFields({ name: '', email: 'amina-at-city', consent: '', subject: 'Costs <b>&</b>', message: 'Too short' });
    await post(v, '/en/contact', typed, 422);
    assert.match(v.lastHtml, /class="error-summary"/);
    for (const says of [
      /Your name: Please fill in this field\./,
      /Your e-mail address: Please enter an e-mail address like name@example\.org\./,
      /Consent: Please agree that your message and address are sent to the recipient\./,
      /Your message: Please write at least 20 characters/,
    ])
      assert.match(v.lastHtml, says);
    assert.match(v.lastHtml, /value="amina-at-city"/);
    assert.match(v.lastHtml, /value="Costs &lt;b&gt;&amp;&lt;\/b&gt;"/);
    assert.match(v.lastHtml, />Too short<\/textarea>/);
    assertNoRecipientAddress(v.lastHtml);
    await post(v, '/en/contact', visitorFields({ to: 'atlantis' }), 422);
    assert.match(v.lastHtml, /To: Please choose one of the recipients listed\./);
    assert.ok(v.lastHtml.includes(MESSAGE));
    assertNoRecipientAddress(v.lastHtml);
  });

  it('refuses a form without its CSRF token', async () => {
    const v = newVisitor(t);
    await v.get('/en/contact');
    await post(v, '/en/contact', { ...visitorFields(), _csrf: '' }, 403);
  });

  it('limits a sender to 3 messages an hour, by IP address and by the address typed, with a localized 429 keeping the text', async () => {
    const v = newVisitor(t);
    const fields = visitorFields({ email: 'busy@city.example' });
    for (let i = 1; i <= 3; i++) {
      await v.get('/de/contact');
      await post(v, '/de/contact', { ...fields, subject: `Frage ${i}` }, 303, 2);
    }
    await v.get('/de/contact');
    const res = await post(v, '/de/contact', { ...fields, subject: 'Frage 4' }, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(v.lastHtml, /<html lang="de"/);
    assert.match(
      v.lastHtml,
      /Sie haben in kurzer Zeit viele Nachrichten gesendet\. Bitte versuchen Sie es in \d+ Minuten? erneut; Ihr Text bleibt erhalten\./,
    );
    assert.ok(v.lastHtml.includes(MESSAGE) && v.lastHtml.includes('value="Frage 4"'));
    assertNoRecipientAddress(v.lastHtml);
    // Another IP address cannot go on mailing copies to the same address.
    const elsewhere = newVisitor(t);
    await elsewhere.get('/en/contact');
    await post(elsewhere, '/en/contact', fields, 429);
    await post(elsewhere, '/en/contact', visitorFields({ email: 'other@city.example' }), 303, 2);
  });

  it('says when a recipient has received many messages today', async () => {
    await t.database.db.updateTable('rate_limits').set({ hits: 200 }).where('key', '=', 'office-contact:recipient:office').execute();
    const v = newVisitor(t);
    await v.get('/en/contact');
    await post(v, '/en/contact', visitorFields({ email: 'patient@city.example' }), 429);
    assert.match(v.lastHtml, /This recipient has received many messages today\. Please try again in \d+ hours?; your text is still here\./);
    assert.ok(v.lastHtml.includes(MESSAGE));
    // The coordinators have allowances of their own.
    await post(v, '/en/contact', visitorFields({ email: 'patient@city.example', to: 'asia' }), 303, 2);
  });
});
