import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newVisitor, PASSWORD, register, registerAndVerify as registerAndVerifyThrough, signIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { lastMailTo, linkIn } from '../../../tests/helpers/mail.ts';
import { moduleServices } from '../../modules.ts';
import { currentPrivacyNoticeVersion, FALLBACK_PRIVACY_NOTICE_VERSION, privacyNoticeVersions } from './privacy-notice.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

const visitor = () => newVisitor(t);
const registerAndVerify = (email: string) => registerAndVerifyThrough(t, email);

const user = (email: string) => t.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

describe('registration and e-mail verification', () => {
  it('registers, records consent, sends a single-use link that confirms the address', async () => {
    const v = visitor();
    const res = await register(v, 'amina@example.org');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/register/check-inbox');
    const row = await user('amina@example.org');
    assert.equal(row.email_verified_at, null);
    assert.equal(row.role, 'member');
    assert.ok(row.privacy_consent_at instanceof Date);
    // The version of the privacy notice published now: the network's privacy page's last change.
    const published = await currentPrivacyNoticeVersion(t.database.db, moduleServices.extensions.all(privacyNoticeVersions));
    assert.equal(row.privacy_notice_version, published);
    assert.notEqual(published, FALLBACK_PRIVACY_NOTICE_VERSION, 'the page names it, not the fallback');
    assert.match(row.password_hash ?? '', /^\$argon2id\$/);
    const mail = await lastMailTo(t.database.db, 'amina@example.org');
    assert.equal(mail?.subject, 'Confirm your e-mail address for Peerpolis');
    const link = linkIn(mail?.text_body, '/en/verify-email?token=');
    const confirmed = await v.get(link);
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/en/account?notice=email-verified');
    assert.ok((await user('amina@example.org')).email_verified_at instanceof Date);
    const again = await v.get(link);
    assert.equal(again.status, 410);
    assert.match(v.lastHtml, /already been used/);
  });

  it('rejects an expired or forged link', async () => {
    const v = visitor();
    await register(v, 'late@example.org');
    const mail = await lastMailTo(t.database.db, 'late@example.org');
    const link = linkIn(mail?.text_body, '/en/verify-email?token=');
    await t.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal((await v.get(link)).status, 410);
    assert.match(v.lastHtml, /expired/);
    assert.equal((await v.get('/en/verify-email?token=forged')).status, 410);
    assert.equal((await v.get(`/en/verify-email?token=${'A'.repeat(43)}`)).status, 410);
    assert.equal((await user('late@example.org')).email_verified_at, null);
  });

  it('shows every problem at once, linked to its field, and keeps what was typed', async () => {
    const v = visitor();
    await v.get('/en/register');
    const res = await v.post('/en/register', { name: 'Léa <b>', email: 'not-an-address', password: 'short', locale: 'en' });
    assert.equal(res.status, 422);
    const html = v.lastHtml;
    assert.match(html, /class="error-summary" role="alert" tabindex="-1" autofocus/);
    assert.match(html, /href="#field-email"/);
    assert.match(html, /href="#field-privacy"/);
    assert.ok(html.includes('value="Léa &lt;b&gt;"'), 'the name is kept, escaped');
    assert.ok(html.includes('value="not-an-address"'));
    assert.ok(!html.includes('value="short"'), 'a password is never sent back');
    assert.match(html, /id="field-email"[^>]*aria-invalid="true"[^>]*aria-describedby="field-email-error"/);
  });

  it('refuses common and short passwords, with the reason', async () => {
    for (const [password, message] of [
      ['password1234', 'too common'],
      ['qwertyqwerty', 'too common'],
      ['tiny', 'at least 12'],
    ] as const) {
      const v = visitor();
      const res = await register(v, 'weak@example.org', { password });
      assert.equal(res.status, 422, password);
      assert.ok(v.lastHtml.includes(message), `${password}: ${message}`);
    }
    const long = visitor();
    assert.equal((await register(long, 'long@example.org', { password: 'a b c d '.repeat(15) })).status, 303, '120 characters are fine');
  });

  it('does not reveal whether an address is registered', async () => {
    await registerAndVerify('known@example.org');
    const v = visitor();
    const res = await register(v, 'KNOWN@example.org', { name: 'Someone else' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/register/check-inbox');
    const rows = await t.database.db.selectFrom('users').select('id').where('email', 'ilike', 'known@example.org').execute();
    assert.equal(rows.length, 1);
    const mail = await lastMailTo(t.database.db, 'known@example.org');
    assert.equal(mail?.subject, 'Your Peerpolis account', 'the owner is told instead');
  });
});

describe('sign-in, sessions and sign-out', () => {
  it('gives the same answer for an unknown address and a wrong password', async () => {
    await registerAndVerify('kofi@example.org');
    const a = visitor();
    const wrong = await signIn(a, 'kofi@example.org', 'wrong password here');
    const wrongHtml = a.lastHtml;
    const unknown = await signIn(a, 'nobody@example.org', 'wrong password here');
    assert.equal(wrong.status, 422);
    assert.equal(unknown.status, 422);
    const message = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0];
    assert.equal(message(wrongHtml), message(a.lastHtml));
    assert.ok(a.lastHtml.includes('value="nobody@example.org"'), 'the address is kept');
    const failures = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'account.sign-in-failed').execute();
    assert.ok(failures.length >= 2);
  });

  it('signs in with a fresh HttpOnly SameSite=Lax session cookie, rotated on every sign-in', async () => {
    await registerAndVerify('lina@example.org');
    const v = visitor();
    await v.get('/en/sign-in');
    const res = await v.post('/en/sign-in', { email: 'Lina@Example.org', password: PASSWORD, next: '/en/themes' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/themes');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.match(cookie ?? '', /SameSite=Lax/);
    assert.match(cookie ?? '', /Path=\//);
    assert.doesNotMatch(cookie ?? '', /Secure/, 'not over plain http in development');
    const first = v.cookie('sid');
    await v.get('/en/themes'); // as a browser follows the redirect: a page with this session's token
    await signIn(v, 'lina@example.org');
    assert.notEqual(v.cookie('sid'), first, 'rotated');
    const stale = visitor();
    stale.setCookie('sid', first ?? '');
    assert.equal((await stale.get('/en/account')).status, 303, 'the old session no longer works');
    const stored = await t.database.db.selectFrom('sessions').select('id').execute();
    assert.ok(
      stored.every((s) => s.id !== v.cookie('sid')),
      'only the hash is stored',
    );
  });

  it('ends a session after inactivity', async () => {
    await registerAndVerify('idle@example.org');
    const v = visitor();
    await signIn(v, 'idle@example.org');
    assert.equal((await v.get('/en/account')).status, 200);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal((await v.get('/en/account')).status, 303);
  });

  it('never redirects off-site after sign-in', async () => {
    await registerAndVerify('omar@example.org');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const v = visitor();
      await v.get('/en/sign-in');
      const res = await v.post('/en/sign-in', { email: 'omar@example.org', password: PASSWORD, next });
      assert.equal(res.headers.get('location'), '/en/account', next);
    }
  });

  it('ignores a next target with line breaks or other control characters (never a 500)', async () => {
    await registerAndVerify('karim.nasser@example.org');
    for (const next of ['/en/account\r\nSet-Cookie: x=1', '/en/practices\u0000', '/en/\u007f']) {
      const v = visitor();
      // In the query a NUL is refused before any route (request guard, 400); the form's field is not.
      const form = await v.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
      assert.equal(form.status, next.includes('\u0000') ? 400 : 200, JSON.stringify(next));
      if (form.status === 400) await v.get('/en/sign-in'); // the form, for its CSRF token
      const res = await v.post('/en/sign-in', { email: 'karim.nasser@example.org', password: PASSWORD, next });
      assert.equal(res.status, 303, JSON.stringify(next));
      assert.equal(res.headers.get('location'), '/en/account', JSON.stringify(next));
      if (next.includes('\u0000')) continue;
      const again = await v.get(`/en/sign-in?next=${encodeURIComponent(next)}`);
      assert.equal(again.headers.get('location'), '/en/account', JSON.stringify(next));
    }
  });

  it('signs out, and signs out everywhere', async () => {
    await registerAndVerify('sara@example.org');
    const phone = visitor();
    const laptop = visitor();
    await signIn(phone, 'sara@example.org');
    await signIn(laptop, 'sara@example.org');
    await laptop.get('/en/account');
    // The browser that followed the confirmation link is signed in too.
    assert.match(laptop.lastHtml, /signed in on 3 devices/);
    const res = await laptop.post('/en/account/sign-out-everywhere', {});
    assert.equal(res.status, 303);
    assert.equal((await phone.get('/en/account')).status, 303, 'the phone is signed out too');
    assert.equal((await laptop.get('/en/account')).status, 303);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'account.signed-out-everywhere')
      .execute();
    assert.equal(audit.length, 1);

    await signIn(phone, 'sara@example.org');
    await phone.get('/en/account');
    const out = await phone.post('/en/sign-out', {});
    assert.equal(out.headers.get('location'), '/en/sign-in?notice=signed-out');
    assert.equal((await phone.get('/en/account')).status, 303);
  });

  it('lets an unverified member sign in, but not act as a member until verified', async () => {
    const v = visitor();
    await register(v, 'new@example.org');
    await signIn(v, 'new@example.org');
    const page = await v.get('/en/account');
    assert.equal(page.status, 200);
    assert.match(v.lastHtml, /Send a new confirmation link/);
    const resend = await v.post('/en/account/resend-verification', {});
    assert.equal(resend.headers.get('location'), '/en/account?notice=verification-sent');
    const mail = await lastMailTo(t.database.db, 'new@example.org');
    assert.match(mail?.text_body ?? '', /verify-email\?token=/);
  });

  it('refuses a disabled account, and ends its sessions', async () => {
    await registerAndVerify('gone@example.org');
    const v = visitor();
    await signIn(v, 'gone@example.org');
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', 'gone@example.org').execute();
    assert.equal((await v.get('/en/account')).status, 303, 'the live session stops working');
    const res = await signIn(v, 'gone@example.org');
    assert.equal(res.status, 422);
    assert.match(v.lastHtml, /has been disabled/);
  });

  it('sends anonymous visitors to sign in and back', async () => {
    const v = visitor();
    const res = await v.get('/de/account');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/de/sign-in?next=%2Fde%2Faccount');
    await v.get('/de/sign-in'); // a form, and so a CSRF token
    const post = await v.post('/de/account/sign-out-everywhere', {});
    assert.equal(post.status, 401);
  });
});
