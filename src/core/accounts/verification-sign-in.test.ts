import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newVisitor, register, registerAndVerify } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { lastMailTo, linkIn } from '../../../tests/helpers/mail.ts';

// Issue 13, "forms that help": every error of the registration form at once, and the confirmation
// link signing its owner in on the browser that follows it (once).

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

const summary = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
const confirmationLink = async (email: string) => linkIn((await lastMailTo(t.database.db, email))?.text_body, '/en/verify-email?token=');

describe('registration shows all its errors together', () => {
  it('a too-short password and a missing consent in one submission', async () => {
    const v = newVisitor(t);
    await v.get('/en/register');
    const res = await v.post('/en/register', { name: 'Amina Diallo', email: 'short@example.org', password: 'tiny', locale: 'en' });
    assert.equal(res.status, 422);
    const listed = summary(v.lastHtml);
    assert.match(listed, /href="#field-password"/, 'the password is listed');
    assert.match(listed, /href="#field-privacy"/, 'the consent is listed');
    assert.ok(v.lastHtml.includes('at least 12'), 'with the reason for the password');
    assert.match(v.lastHtml, /id="field-password"[^>]*aria-invalid="true"/);
  });

  it('a common password, a password made of the address and a bad address with the rest', async () => {
    const v = newVisitor(t);
    await v.get('/en/register');
    await v.post('/en/register', { name: '', email: 'amina.diallo@example.org', password: 'amina.diallo-2026!', locale: 'en' });
    const listed = summary(v.lastHtml);
    for (const field of ['name', 'password', 'privacy']) assert.match(listed, new RegExp(`href="#field-${field}"`), field);
    await v.post('/en/register', { name: 'A', email: 'nope', password: 'password1234', locale: 'xx', privacy: 'yes' });
    const again = summary(v.lastHtml);
    for (const field of ['email', 'password', 'locale']) assert.match(again, new RegExp(`href="#field-${field}"`), field);
    assert.ok(v.lastHtml.includes('too common'));
    const rows = await t.database.db.selectFrom('users').select('id').where('email', 'like', '%diallo%').execute();
    assert.equal(rows.length, 0, 'nothing was registered');
  });
});

describe('changing the password shows all its errors together', () => {
  it('a wrong current password and a too-short new one, and an empty one with a common one', async () => {
    const v = await registerAndVerify(t, 'two-problems@example.org');
    await v.get('/en/account');
    const res = await v.post('/en/account/password', { currentPassword: 'not my password at all', newPassword: 'tiny' });
    assert.equal(res.status, 422);
    const listed = summary(v.lastHtml);
    assert.match(listed, /href="#field-currentPassword"/);
    assert.match(listed, /href="#field-newPassword"/);
    await v.post('/en/account/password', { currentPassword: '', newPassword: 'password1234' });
    const again = summary(v.lastHtml);
    assert.match(again, /href="#field-currentPassword"/);
    assert.match(again, /href="#field-newPassword"/);
    assert.ok(v.lastHtml.includes('too common'));
  });
});

describe('confirming the address signs in on that browser', () => {
  it('opens a session from the link, lands on the account with a notice, and only once', async () => {
    const v = newVisitor(t);
    await register(v, 'kemi@example.org');
    assert.equal(v.cookie('sid'), undefined, 'registering alone signs no one in');
    const link = await confirmationLink('kemi@example.org');
    const res = await v.get(link);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/account?notice=email-verified');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.match(cookie ?? '', /SameSite=Lax/);
    const account = await v.get('/en/account?notice=email-verified');
    assert.equal(account.status, 200);
    assert.ok(v.lastHtml.includes('kemi@example.org'), 'the account page');
    assert.ok(v.lastHtml.includes('Your e-mail address is confirmed and you are signed in'));
    assert.ok(!v.lastHtml.includes('Please confirm your e-mail address'), 'the account is verified');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'account.signed-in')
      .execute();
    assert.ok(audit.some((a) => JSON.stringify(a.details).includes('verify-email')));

    // The same link again, from another browser: no session.
    const other = newVisitor(t);
    const reused = await other.get(link);
    assert.equal(reused.status, 410);
    assert.match(other.lastHtml, /already been used/);
    assert.equal(other.cookie('sid'), undefined);
    assert.equal((await other.get('/en/account')).status, 303, 'still signed out');
  });

  it('signs no one in with an expired, forged or missing token', async () => {
    const v = newVisitor(t);
    await register(v, 'late-link@example.org');
    const link = await confirmationLink('late-link@example.org');
    await t.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late-link@example.org')
      .execute();
    for (const path of [link, '/en/verify-email?token=forged', '/en/verify-email']) {
      const res = await v.get(path);
      assert.equal(res.status, 410, path);
      assert.equal(v.cookie('sid'), undefined, path);
    }
  });

  it('replaces the session the browser had (rotation, as at sign-in)', async () => {
    const v = await registerAndVerify(t, 'first@example.org');
    const before = v.cookie('sid');
    assert.ok(before, 'the first confirmation signed in');
    await register(v, 'second@example.org');
    const res = await v.get(await confirmationLink('second@example.org'));
    assert.equal(res.status, 303);
    assert.notEqual(v.cookie('sid'), before, 'a new session');
    await v.get('/en/account');
    assert.ok(v.lastHtml.includes('second@example.org'));
    const stale = newVisitor(t);
    stale.setCookie('sid', before as string);
    assert.equal((await stale.get('/en/account')).status, 303, 'the earlier session has ended');
  });

  it('confirms a disabled account without signing it in', async () => {
    const v = newVisitor(t);
    await register(v, 'disabled@example.org');
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', 'disabled@example.org').execute();
    const res = await v.get(await confirmationLink('disabled@example.org'));
    assert.equal(res.status, 200);
    assert.equal(v.cookie('sid'), undefined);
  });
});
