import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { CSRF_COOKIE } from '../../platform/http/middleware/csrf.ts';

// The CSRF token is bound to the session and renewed when one begins or ends: a token from a page seen
// while signed out (or in an earlier session) cannot make a signed-in request.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'none' });
  await createMember(t, 'nadia@city.example');
});
after(async () => t.close());

describe('CSRF tokens and sessions', () => {
  it('renews the cookie at sign-in and refuses the token of the signed-out page afterwards', async () => {
    const v = newVisitor(t);
    await v.get('/en/sign-in');
    const before = { cookie: v.cookie(CSRF_COOKIE), token: v.csrf };
    const signIn = await v.post('/en/sign-in', { email: 'nadia@city.example', password: PASSWORD });
    assert.equal(signIn.status, 303);
    assert.ok(v.cookie(CSRF_COOKIE) && v.cookie(CSRF_COOKIE) !== before.cookie, 'a new CSRF cookie with the session');

    // A request made with the token of the page seen before signing in: refused, nothing changes.
    const stale = await v.post('/en/account/sign-out-everywhere', { _csrf: before.token });
    assert.equal(stale.status, 403);
    assert.equal((await v.get('/en/account')).status, 200, 'still signed in');
    assert.notEqual(v.csrf, before.token);
  });

  it('binds the token to the session: the same cookie in another session gets another token', async () => {
    const first = newVisitor(t);
    await first.get('/en/sign-in');
    await first.post('/en/sign-in', { email: 'nadia@city.example', password: PASSWORD });
    await first.get('/en/account');
    const second = newVisitor(t);
    await second.get('/en/sign-in');
    await second.post('/en/sign-in', { email: 'nadia@city.example', password: PASSWORD });
    second.setCookie(CSRF_COOKIE, first.cookie(CSRF_COOKIE) ?? '');
    await second.get('/en/account');
    assert.notEqual(second.csrf, first.csrf, 'one cookie, two sessions, two tokens');
    const crossed = await second.post('/en/account/sign-out-everywhere', { _csrf: first.csrf });
    assert.equal(crossed.status, 403);
  });

  it('renews it at sign-out: the signed-in page’s token no longer works', async () => {
    const v = newVisitor(t);
    await v.get('/en/sign-in');
    await v.post('/en/sign-in', { email: 'nadia@city.example', password: PASSWORD });
    await v.get('/en/account');
    const signedInToken = v.csrf;
    const cookie = v.cookie(CSRF_COOKIE);
    assert.equal((await v.post('/en/sign-out', {})).status, 303);
    assert.notEqual(v.cookie(CSRF_COOKIE), cookie);
    const replay = await v.post('/en/sign-in', { _csrf: signedInToken, email: 'nadia@city.example', password: PASSWORD });
    assert.equal(replay.status, 403);
  });
});
