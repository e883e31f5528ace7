import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newVisitor, PASSWORD, register, registerAndVerify as registerAndVerifyThrough, signIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { Visitor } from '../../../tests/helpers/http.ts';

// Rate limits and other protection of the account forms, each test from addresses of its own.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

const visitor = () => newVisitor(t);
const registerAndVerify = (email: string) => registerAndVerifyThrough(t, email);
const _user = (email: string) => t.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

describe('protection', () => {
  it('rejects a state change without the right CSRF token (403), or from another origin', async () => {
    const v = visitor();
    await v.get('/en/sign-in');
    const missing = await t.request('/en/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@example.org', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `csrf=${v.cookie('csrf')}` },
    });
    assert.equal(missing.status, 403);
    const wrong = await v.post('/en/sign-in', { _csrf: 'x'.repeat(43), email: 'a@example.org', password: 'x' });
    assert.equal(wrong.status, 403);
    assert.match(v.lastHtml, /This form has expired/);
    const crossSite = await v.post('/en/sign-in', { email: 'a@example.org', password: 'x' }, { origin: 'https://evil.example' });
    assert.equal(crossSite.status, 403);
    const sameSite = await v.post('/en/sign-in', { email: 'a@example.org', password: 'x' }, { origin: 'http://localhost' });
    assert.equal(sameSite.status, 422);
  });

  it('limits sign-in attempts per account with 429, Retry-After and a localized page', async () => {
    await registerAndVerify('target@example.org');
    let res: Response | undefined;
    for (let i = 0; i < 11; i++) {
      const v = visitor(); // a new address each time: the per-account limit still holds
      await v.get('/de/sign-in');
      res = await v.post('/de/sign-in', { email: 'target@example.org', password: `guess number ${i}` });
    }
    assert.equal(res?.status, 429);
    assert.ok(Number(res?.headers.get('retry-after')) > 0);
    const html = await res?.text();
    assert.match(html ?? '', /<html lang="de"/);
    const v = visitor();
    assert.equal((await signIn(v, 'target@example.org')).status, 429, 'even the right password waits');
  });

  it('limits registrations per address (IP)', async () => {
    const v = visitor();
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await register(v, `bulk${i}@example.org`);
    assert.equal(last?.status, 429);
  });

  it('limits registrations per address too, so nobody can flood an inbox', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await register(visitor(), 'flooded@example.org')).status);
    assert.deepEqual(statuses, [303, 303, 303, 429]);
  });

  it('limits resending the confirmation link', async () => {
    const v = visitor();
    await register(v, 'resend@example.org');
    await signIn(v, 'resend@example.org');
    await v.get('/en/account');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await v.post('/en/account/resend-verification', {})).status);
    assert.deepEqual(statuses, [303, 303, 303, 429]);
  });

  it('marks the session cookie Secure in production', async () => {
    const prod = await createTestApp({ seed: 'none', env: { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) } });
    try {
      const v = new Visitor(prod);
      await v.get('/en/register');
      await v.post('/en/register', { name: 'P', email: 'prod@example.org', password: PASSWORD, locale: 'en', privacy: 'yes' });
      await v.get('/en/sign-in');
      const res = await v.post('/en/sign-in', { email: 'prod@example.org', password: PASSWORD });
      assert.match(res.headers.getSetCookie().find((c) => c.startsWith('sid=')) ?? '', /Secure/);
    } finally {
      await prod.close();
    }
  });
});
