import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { createOrPromoteAdmin } from '../../core/accounts/user-admin.service.ts';
import { enqueueJob, runDueJobs } from '../../core/jobs/jobs.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createMember(t, 'chief@example.org', 'admin');
  await createMember(t, 'editor@example.org', 'editor');
  await createMember(t, 'member@example.org');
  await createMember(t, 'mariam.haddad@example.org');
});
after(() => t.close());

const idOf = async (email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

describe('roles', () => {
  it('keeps members and editors out of admin pages (403), and sends visitors to sign in', async () => {
    for (const email of ['member@example.org', 'editor@example.org']) {
      const v = await signedIn(t, email);
      for (const path of ['/en/admin/users', '/en/admin/audit', '/en/admin/jobs'])
        assert.equal((await v.get(path)).status, 403, `${email} ${path}`);
      await v.get('/en/account');
      assert.equal((await v.post(`/en/admin/users/${await idOf('member@example.org')}/role`, { role: 'admin' })).status, 403);
    }
    assert.equal(
      (await t.database.db.selectFrom('users').select('role').where('email', '=', 'member@example.org').executeTakeFirstOrThrow()).role,
      'member',
    );
    const anonymous = newVisitor(t);
    const res = await anonymous.get('/en/admin/users');
    assert.equal(res.headers.get('location'), '/en/sign-in?next=%2Fen%2Fadmin%2Fusers');
  });

  it('lists users for an admin, with search (also misspelt) and a role filter', async () => {
    const admin = await signedIn(t, 'chief@example.org');
    await admin.get('/en/admin/users');
    assert.match(admin.lastHtml, /<p role="status">4 users<\/p>/, /<p role="status">.*?<\/p>/.exec(admin.lastHtml)?.[0]);
    await admin.get('/en/admin/users?q=haddat');
    assert.ok(admin.lastHtml.includes('mariam.haddad@example.org'), 'trigram match on the name');
    assert.ok(!admin.lastHtml.includes('member@example.org'));
    await admin.get('/en/admin/users?role=editor');
    assert.ok(admin.lastHtml.includes('editor@example.org'));
    assert.ok(!admin.lastHtml.includes('chief@example.org'));
    assert.equal((await admin.get('/en/admin/users?role=<script>&page=-4')).status, 200, 'bad filters fall back');
  });

  it('changes roles and disables accounts, with an audit trail; never one’s own', async () => {
    const admin = await signedIn(t, 'chief@example.org');
    const memberId = await idOf('member@example.org');
    const memberSession = await signedIn(t, 'member@example.org');
    await admin.get('/en/admin/users');
    const role = await admin.post(`/en/admin/users/${memberId}/role`, { role: 'editor' });
    assert.match(role.headers.get('location') ?? '', /notice=changed/);
    const disable = await admin.post(`/en/admin/users/${memberId}/disable`, { disabled: 'yes' });
    assert.match(disable.headers.get('location') ?? '', /notice=changed/);
    assert.equal((await memberSession.get('/en/account')).status, 303, 'a disabled account is signed out');
    const self = await admin.post(`/en/admin/users/${await idOf('chief@example.org')}/role`, { role: 'member' });
    assert.match(self.headers.get('location') ?? '', /notice=self/);
    assert.equal(
      (await admin.post('/en/admin/users/99999/disable', { disabled: 'yes' })).headers.get('location'),
      '/en/admin/users?notice=not-found',
    );
    await admin.get('/en/admin/audit');
    assert.match(admin.lastHtml, /Role changed/);
    assert.match(admin.lastHtml, /Account disabled/);
    assert.match(admin.lastHtml, /&quot;from&quot;:&quot;member&quot;/);
    assert.match(admin.lastHtml, /&quot;to&quot;:&quot;editor&quot;/);
    await admin.post(`/en/admin/users/${memberId}/disable`, { disabled: 'no' });
    assert.ok(await signedIn(t, 'member@example.org', PASSWORD));
  });

  it('goes back to the user list whatever the Referer says, even when it is no URL at all', async () => {
    const admin = await signedIn(t, 'chief@example.org');
    const memberId = await idOf('mariam.haddad@example.org');
    await admin.get('/en/admin/users');
    for (const referer of [
      'http://[::1',
      'http://localhost:99999/en/admin/users',
      '::::',
      'https://elsewhere.example/en/admin/users?q=x',
    ]) {
      const res = await admin.post(`/en/admin/users/${memberId}/role`, { role: 'member' }, { referer });
      assert.equal(res.status, 303, referer);
      assert.equal(res.headers.get('location'), '/en/admin/users?notice=unchanged', referer);
    }
    const kept = await admin.post(
      `/en/admin/users/${memberId}/role`,
      { role: 'member' },
      { referer: 'http://localhost/en/admin/users?q=mariam' },
    );
    assert.equal(kept.headers.get('location'), '/en/admin/users?q=mariam&notice=unchanged');
  });

  it('shows failed background jobs to admins', async () => {
    await enqueueJob(t.database.db, 'send-carrier-pigeon', {});
    await runDueJobs(t.database.db, {}, { workerId: 'test' });
    const admin = await signedIn(t, 'chief@example.org');
    await admin.get('/en/admin/jobs');
    assert.match(admin.lastHtml, /send-carrier-pigeon/);
    assert.match(admin.lastHtml, /no handler/);
  });

  it('creates or promotes an admin from the CLI with a one-time link', async () => {
    const { created, link } = await createOrPromoteAdmin(t.database.db, 'first.admin@example.org', 'http://localhost');
    assert.equal(created, true);
    const v = newVisitor(t);
    const path = new URL(link).pathname + new URL(link).search;
    assert.equal((await v.get(path)).status, 200);
    const token = new URL(link).searchParams.get('token') ?? '';
    await v.post('/en/reset-password', { token, password: 'granite meadow sail 31' });
    const admin = await signedIn(t, 'first.admin@example.org', 'granite meadow sail 31');
    assert.equal((await admin.get('/en/admin/users')).status, 200);
    assert.equal((await v.get(path)).status, 410, 'the link works once');
    const promoted = await createOrPromoteAdmin(t.database.db, 'editor@example.org', 'http://localhost');
    assert.equal(promoted.created, false);
    assert.equal(
      (await t.database.db.selectFrom('users').select('role').where('email', '=', 'editor@example.org').executeTakeFirstOrThrow()).role,
      'admin',
    );
  });
});
