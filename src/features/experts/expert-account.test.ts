import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, PASSWORD, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../tests/helpers/experts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
});
after(() => t.close());

describe('an expert’s account', () => {
  it('exports the expert profile with the member’s data and deletes it with the account', async () => {
    await createMember(t, 'anna@trier.example');
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', 'anna@trier.example').executeTakeFirstOrThrow();
    const expertId = await insertExpert(t.database.db, EXPERT_FIXTURES[0] as (typeof EXPERT_FIXTURES)[number]);
    await t.database.db.updateTable('experts').set({ user_id: user.id }).where('id', '=', expertId).execute();

    const v = await signedIn(t, 'anna@trier.example');
    await v.get('/en/account');
    const exported = await v.post('/en/account/export', {});
    const data = (await exported.json()) as { expertProfile: { organisation?: string } | null };
    assert.equal(data.expertProfile?.organisation, 'Stadt Trier, Abfallwirtschaft');

    await v.get('/en/account');
    const deleted = await v.post('/en/account/delete', { deletePassword: PASSWORD });
    assert.equal(deleted.status, 303);
    const left = await t.database.db.selectFrom('experts').select('id').where('id', '=', expertId).executeTakeFirst();
    assert.equal(left, undefined, 'the listing goes with the account');
    assert.doesNotMatch(await (await t.request('/en/experts')).text(), /Anna Schmidt/);
  });

  it('takes a disabled member’s profile out of the directory, matching and its page, except for editors', async () => {
    await createMember(t, 'karim@irbid.example');
    await createMember(t, 'admin@network.example', 'admin');
    const user = await t.database.db.selectFrom('users').select('id').where('email', '=', 'karim@irbid.example').executeTakeFirstOrThrow();
    const fixture = { ...(EXPERT_FIXTURES[1] as (typeof EXPERT_FIXTURES)[number]), visibility: 'public' as const };
    const expertId = await insertExpert(t.database.db, fixture);
    await t.database.db.updateTable('experts').set({ user_id: user.id }).where('id', '=', expertId).execute();
    const admin = await signedIn(t, 'admin@network.example');
    const listed = async () => (await (await t.request('/en/experts')).text()).includes('Karim Haddad');
    assert.equal(await listed(), true);

    await admin.get('/en/admin/users');
    await admin.post(`/en/admin/users/${user.id}/disable`, { disabled: 'yes' });
    assert.equal(await listed(), false);
    assert.equal((await t.request('/en/experts/karim-haddad')).status, 404);
    const match = await t.request('/api/v1/experts/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ topics: ['waste-management'] }),
    });
    assert.ok(!JSON.stringify(await match.json()).includes('Karim'));
    await admin.get('/en/experts');
    assert.match(admin.lastHtml, /Karim Haddad/, 'editors and admins still see it');

    await admin.get('/en/admin/users');
    await admin.post(`/en/admin/users/${user.id}/disable`, { disabled: 'no' });
    assert.equal(await listed(), true);
  });
});
