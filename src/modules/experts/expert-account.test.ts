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
});
