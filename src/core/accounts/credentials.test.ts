import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { lastMailTo, linkIn } from '../../../tests/helpers/mail.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

const NEW_PASSWORD = 'copper kettle morning 7';

describe('forgot and reset password', () => {
  it('sends a one-hour single-use link; the new password works, the old one and all sessions end', async () => {
    await createMember(t, 'rania@example.org');
    const elsewhere = await signedIn(t, 'rania@example.org');
    const v = newVisitor(t);
    await v.get('/en/forgot-password');
    const res = await v.post('/en/forgot-password', { email: 'rania@example.org' });
    assert.equal(res.status, 200);
    assert.match(v.lastHtml, /If an account exists/);
    const mail = await lastMailTo(t.database.db, 'rania@example.org');
    assert.equal(mail?.subject, 'Set a new password for Peerpolis');
    const link = linkIn(mail?.text_body, '/en/reset-password?token=');
    assert.equal((await v.get(link)).status, 200);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const weak = await v.post('/en/reset-password', { token, password: 'password1234' });
    assert.equal(weak.status, 422, 'the policy applies');
    const done = await v.post('/en/reset-password', { token, password: NEW_PASSWORD });
    assert.equal(done.headers.get('location'), '/en/sign-in?notice=password-reset');
    assert.equal((await elsewhere.get('/en/account')).status, 303, 'other sessions ended');
    assert.equal((await v.get(link)).status, 410, 'used');
    await v.get('/en/forgot-password'); // a new password renewed the CSRF cookie: a form of now
    assert.equal((await v.post('/en/reset-password', { token, password: 'another long phrase 9' })).status, 410);
    const old = newVisitor(t);
    await old.get('/en/sign-in');
    assert.equal((await old.post('/en/sign-in', { email: 'rania@example.org', password: PASSWORD })).status, 422);
    assert.ok(await signedIn(t, 'rania@example.org', NEW_PASSWORD));
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const v = newVisitor(t);
    await v.get('/en/forgot-password');
    const res = await v.post('/en/forgot-password', { email: 'nobody-here@example.org' });
    assert.equal(res.status, 200);
    assert.match(v.lastHtml, /If an account exists/);
    assert.equal(await lastMailTo(t.database.db, 'nobody-here@example.org'), undefined);
  });

  it('rejects an expired reset link', async () => {
    await createMember(t, 'yusuf@example.org');
    const v = newVisitor(t);
    await v.get('/en/forgot-password');
    await v.post('/en/forgot-password', { email: 'yusuf@example.org' });
    const link = linkIn((await lastMailTo(t.database.db, 'yusuf@example.org'))?.text_body, '/en/reset-password?token=');
    await t.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1) })
      .where('purpose', '=', 'reset-password')
      .execute();
    assert.equal((await v.get(link)).status, 410);
    assert.match(v.lastHtml, /expired/);
  });

  it('limits reset requests per account (429)', async () => {
    await createMember(t, 'many@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const v = newVisitor(t);
      await v.get('/en/forgot-password');
      statuses.push((await v.post('/en/forgot-password', { email: 'many@example.org' })).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});

describe('changing password and e-mail address', () => {
  it('changes the password with the current one, keeping this session and ending the others', async () => {
    await createMember(t, 'ivan@example.org');
    const here = await signedIn(t, 'ivan@example.org');
    const there = await signedIn(t, 'ivan@example.org');
    await here.get('/en/account');
    const wrong = await here.post('/en/account/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    assert.equal(wrong.status, 422);
    assert.match(here.lastHtml, /href="#field-currentPassword"/);
    const ok = await here.post('/en/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(ok.headers.get('location'), '/en/account?notice=password-changed');
    assert.equal((await here.get('/en/account')).status, 200, 'this device stays signed in');
    assert.equal((await there.get('/en/account')).status, 303, 'others are signed out');
  });

  it('changes the address only after the new one is confirmed', async () => {
    await createMember(t, 'old@example.org');
    const v = await signedIn(t, 'old@example.org');
    await v.get('/en/account');
    const res = await v.post('/en/account/email', { email: 'new@example.org', password: PASSWORD });
    assert.equal(res.headers.get('location'), '/en/account?notice=email-change-sent');
    const row = await t.database.db.selectFrom('users').select('email').where('email', '=', 'old@example.org').executeTakeFirst();
    assert.ok(row, 'unchanged until confirmed');
    const link = linkIn((await lastMailTo(t.database.db, 'new@example.org'))?.text_body, '/en/confirm-email-change?token=');
    assert.equal((await v.get(link)).status, 200);
    const changed = await t.database.db
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('email', '=', 'new@example.org')
      .executeTakeFirst();
    assert.ok(changed?.email_verified_at);
    assert.equal((await v.get(link)).status, 410, 'single use');
  });

  it('does not move an account onto an address that is taken', async () => {
    await createMember(t, 'taken@example.org');
    await createMember(t, 'mover@example.org');
    const v = await signedIn(t, 'mover@example.org');
    await v.get('/en/account');
    const res = await v.post('/en/account/email', { email: 'taken@example.org', password: PASSWORD });
    assert.equal(res.headers.get('location'), '/en/account?notice=email-change-sent', 'same answer');
    const mail = await lastMailTo(t.database.db, 'taken@example.org');
    assert.notEqual(mail?.subject, 'Confirm your new e-mail address for Peerpolis');
  });
});

describe('my data', () => {
  it('downloads everything stored about the member as JSON, and records it', async () => {
    await createMember(t, 'export@example.org');
    const v = await signedIn(t, 'export@example.org');
    await v.get('/en/account');
    const res = await v.post('/en/account/export', {});
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="peerpolis-my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(v.lastHtml);
    assert.equal(data.account.email, 'export@example.org');
    // The version of the privacy notice published at registration (network's page: its last change).
    assert.match(data.account.privacyConsent.noticeVersion, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(data.sessions.length, 2, 'the browser that confirmed the address, and this one');
    assert.ok(data.securityLog.some((e: { action: string }) => e.action === 'account.signed-in'));
    assert.ok(!JSON.stringify(data).includes('argon2'), 'no password hash');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'account.data-exported').execute();
    assert.equal(audit.length, 1);
  });

  it('deletes the account after the password: personal data gone, anonymous row and audit kept', async () => {
    await createMember(t, 'leaving@example.org');
    const v = await signedIn(t, 'leaving@example.org');
    const { id } = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'leaving@example.org')
      .executeTakeFirstOrThrow();
    await v.get('/en/account');
    assert.equal((await v.post('/en/account/delete', { deletePassword: 'wrong one here' })).status, 422);
    const res = await v.post('/en/account/delete', { deletePassword: PASSWORD });
    assert.equal(res.headers.get('location'), '/en/sign-in?notice=account-deleted');
    const row = await t.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.email, null);
    assert.equal(row.name, '');
    assert.equal(row.password_hash, null);
    assert.ok(row.deleted_at);
    assert.equal((await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).length, 0);
    assert.equal((await t.database.db.selectFrom('account_tokens').select('id').where('user_id', '=', id).execute()).length, 0);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_user_id', '=', id).execute();
    assert.ok(audit.some((a) => a.action === 'account.deleted'));
    assert.equal((await v.get('/en/account')).status, 303);
    const again = newVisitor(t);
    await again.get('/en/register');
    assert.equal(
      (await again.post('/en/register', { name: 'Back', email: 'leaving@example.org', password: PASSWORD, locale: 'en', privacy: 'yes' }))
        .status,
      303,
    );
    const fresh = await t.database.db.selectFrom('users').select('id').where('email', '=', 'leaving@example.org').executeTakeFirst();
    assert.ok(fresh && fresh.id !== id, 'the address can be used again for a new account');
  });
});
