import assert from 'node:assert/strict';
import { newVisitor, PASSWORD, signedIn } from './accounts.ts';
import type { TestApp } from './app.ts';
import type { Visitor } from './http.ts';
import { deliverQueuedMail, lastMailTo } from './mail.ts';

// The checks every contact section through the platform's relay must pass (core/mail's ContactSection:
// a practice's contact, an expert), whoever the recipient is. `page` is the section's page in English.

/** An e-mail address anywhere in a page: the relay never shows one. */
export const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

export async function userId(t: TestApp, email: string): Promise<number> {
  return (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** How many mails have left so far (what is queued is delivered first). */
export async function outboxCount(t: TestApp): Promise<number> {
  await deliverQueuedMail(t.database.db);
  const row = await t.database.db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Posts to a contact form: refused with `status`, and no mail leaves. */
export async function postRefused(t: TestApp, v: Visitor, page: string, fields: Record<string, string>, status: number) {
  const before = await outboxCount(t);
  const res = await v.post(`${page}/contact`, fields);
  assert.equal(res.status, status);
  assert.equal(await outboxCount(t), before, 'no mail');
  return res;
}

/** Sends a message as a member would: back on the page with the notice, `mails` more mails, no address shown. */
export async function sendThroughForm(t: TestApp, v: Visitor, page: string, fields: Record<string, string>, mails = 1) {
  await v.get(page);
  assert.match(v.lastHtml, /<textarea[^>]*name="message"/);
  assert.doesNotMatch(v.lastHtml, ADDRESS, 'no e-mail address on the page');
  const before = await outboxCount(t);
  const res = await v.post(`${page}/contact`, fields);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${page}?sent=1#contact`);
  await v.get(res.headers.get('location') ?? '');
  assert.match(v.lastHtml, /<p class="notice" role="status">Thank you: your message has been sent/);
  assert.doesNotMatch(v.lastHtml, ADDRESS);
  assert.equal(await outboxCount(t), before + mails, mails === 1 ? 'exactly one mail' : `${mails} mails`);
}

/** Anonymous visitors get a sign-in link that returns to the section, and their message is refused. Returns the page. */
export async function checkSignInFirst(t: TestApp, page: string, message: string, senderEmail: string): Promise<string> {
  const v = newVisitor(t);
  assert.equal((await v.get(page)).status, 200);
  const html = v.lastHtml;
  assert.doesNotMatch(html, /<textarea/);
  const next = `${page}#contact`;
  assert.ok(html.includes(`href="/en/sign-in?next=${encodeURIComponent(next)}"`), 'sign-in link with next');
  await v.get('/en/sign-in'); // a valid CSRF token: refused for being anonymous, not for the token
  await postRefused(t, v, page, { subject: '', message }, 401);
  assert.match(v.lastHtml, /Please sign in/);
  // Signing in from that link brings the member back to the form.
  await v.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
  const signIn = await v.post('/en/sign-in', { email: senderEmail, password: PASSWORD, next });
  assert.equal(signIn.headers.get('location'), next);
  return html;
}

/** A member whose address is not confirmed yet is asked to confirm it, and cannot send. */
export async function checkVerifyFirst(t: TestApp, page: string, message: string, email: string) {
  const v = newVisitor(t);
  await v.get('/en/register');
  await v.post('/en/register', { name: 'New', email, password: PASSWORD, locale: 'en', privacy: 'yes' });
  const member = await signedIn(t, email);
  await member.get(page);
  assert.match(member.lastHtml, /Please confirm your e-mail address first/);
  assert.doesNotMatch(member.lastHtml, /<textarea/);
  await postRefused(t, member, page, { message }, 403);
}

/** A form with errors comes back with what was typed, on a page whose language switcher keeps the page. */
export async function checkKeepsTyped(t: TestApp, v: Visitor, page: string, message: string, tooShort: RegExp) {
  await v.get(page);
  await postRefused(t, v, page, { subject: 'Costs <b>&</b>', message: 'Too short' }, 422);
  assert.match(v.lastHtml, /class="error-summary"/);
  assert.match(v.lastHtml, tooShort);
  assert.match(v.lastHtml, /value="Costs &lt;b&gt;&amp;&lt;\/b&gt;"/);
  assert.match(v.lastHtml, />Too short<\/textarea>/);
  const german = page.replace(/^\/en\//, '/de/');
  assert.ok(v.lastHtml.includes(`<a href="${german}" lang="de"`), 'the language switcher keeps the page, not …/contact');
  await postRefused(t, v, page, { subject: 'x'.repeat(201), message }, 422);
  assert.match(v.lastHtml, /The subject may have at most 200 characters/);
  assert.ok(v.lastHtml.includes(message));
  await postRefused(t, v, page, { subject: '', message: '   ' }, 422);
  assert.match(v.lastHtml, /Please write your message/);
}

/** A form without its CSRF token is refused. */
export async function checkCsrf(t: TestApp, v: Visitor, page: string, message: string) {
  await v.get(page);
  await postRefused(t, v, page, { _csrf: '', message }, 403);
}

/** A sender may send 5 messages an hour; the sixth is refused with a clear message and the text kept. */
export async function checkSenderHourLimit(t: TestApp, senderEmail: string, page: string, message: string) {
  const v = await signedIn(t, senderEmail);
  for (let i = 1; i <= 5; i++) {
    await v.get(page);
    const res = await v.post(`${page}/contact`, { subject: `Question ${i}`, message });
    assert.equal(res.status, 303, `message ${i}`);
  }
  await v.get(page);
  const res = await postRefused(t, v, page, { subject: 'Question 6', message }, 429);
  assert.ok(Number(res.headers.get('retry-after')) > 0);
  assert.match(v.lastHtml, /You have sent many messages in a short time\. Please try again in \d+ minutes?; your text is still here\./);
  assert.ok(v.lastHtml.includes(message) && v.lastHtml.includes('value="Question 6"'));
}

/** A recipient at their daily allowance (`limit` hits under `key`): the sender is told so, with the text kept. */
export async function checkRecipientBusy(
  t: TestApp,
  v: Visitor,
  page: string,
  message: string,
  busy: { key: string; limit: number; says: RegExp },
) {
  await t.database.db.updateTable('rate_limits').set({ hits: busy.limit }).where('key', '=', busy.key).execute();
  await v.get(page);
  await postRefused(t, v, page, { subject: '', message }, 429);
  assert.match(v.lastHtml, busy.says);
  assert.ok(v.lastHtml.includes(message));
}

/** The relayed mail to `to`: answers go to the sender, in the recipient's language, with the message and a link to the page. */
export async function checkRelayedMail(
  t: TestApp,
  to: string,
  expected: { replyTo: string; subject: string; says: string; link: string; message: string },
) {
  const mail = await lastMailTo(t.database.db, to);
  assert.ok(mail, `a mail to ${to}`);
  assert.equal(mail.headers['Reply-To'], expected.replyTo);
  assert.equal(mail.subject, expected.subject);
  for (const text of [expected.says, `http://localhost${expected.link}`, expected.message]) {
    assert.ok(mail.text_body.includes(text), `${text} in ${mail.text_body}`);
  }
}

/** The only contact recorded in `table` so far: by the sender, and saying who wrote (and when), never what. */
export async function onlyContactRecord(t: TestApp, table: 'practice_contacts' | 'expert_contacts', senderEmail: string) {
  const rows: Array<Record<string, unknown>> = await t.database.db.selectFrom(table).selectAll().execute();
  assert.equal(rows.length, 1);
  const [row] = rows as [Record<string, unknown>];
  assert.equal(row.sender_user_id, await userId(t, senderEmail));
  assert.equal(
    Object.keys(row).some((k) => /text|message|subject/.test(k)),
    false,
    'the text is not stored',
  );
  return row;
}
