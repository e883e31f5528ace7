import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import * as contact from '../../../../tests/helpers/contact.ts';
import { lastMailTo, linkIn } from '../../../../tests/helpers/mail.ts';
import { claimDemoAccount, isDemoAddress } from '../../../core/accounts/demo-accounts.service.ts';
import { importExperts } from '../import/experts.import.ts';

// The demo must show the relay working: its experts are claimed accounts on a reserved example domain,
// whose mail lands in the outbox. Anything merely imported stays out of reach.

let t: TestApp;
const DEMO = '/en/experts/andreas-kohlhaas';
const DEMO_ADDRESS = 'andreas-kohlhaas@experts.peerpolis.example';
const MESSAGE = 'Dear Andreas, how did Trier introduce the pay-as-you-throw fee? Our council votes in spring.';
const NEW_PASSWORD = 'copper kettle morning 7';

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createMember(t, 'visitor@city.example');
});
after(() => t.close());

describe('contacting a demo expert', () => {
  it('shows the form on every demo expert page and relays a member’s message to the outbox', async () => {
    const anonymous = await (await t.request(DEMO)).text();
    assert.doesNotMatch(anonymous, /cannot be reached through Peerpolis/);
    assert.match(anonymous, /Members can write to Andreas Kohlhaas here/);
    const member = await signedIn(t, 'visitor@city.example');
    await contact.sendThroughForm(t, member, DEMO, { subject: 'Fees', message: MESSAGE });
    await contact.checkRelayedMail(t, DEMO_ADDRESS, {
      replyTo: '"visitor" <visitor@city.example>',
      subject: 'Fees – from visitor (Peerpolis expert profile)',
      says: 'visitor has written to you',
      link: DEMO,
      message: MESSAGE,
    });
    // Every demo expert a member may see can be written to, none of them through an address on the page.
    const slugs = await t.database.db
      .selectFrom('experts')
      .select('slug')
      .where('external_id', 'like', 'demo-expert-%')
      .where('visibility', '<>', 'hidden')
      .execute();
    assert.ok(slugs.length >= 30, `${slugs.length} visible demo experts`);
    for (const { slug } of slugs) {
      await member.get(`/en/experts/${slug}`);
      assert.match(member.lastHtml, /<textarea[^>]*name="message"/, slug);
      assert.doesNotMatch(member.lastHtml, contact.ADDRESS, slug);
    }
  });

  it('keeps the demo accounts without a password: nobody signs in as a demo expert', async () => {
    const accounts = await t.database.db
      .selectFrom('users')
      .innerJoin('experts', 'experts.user_id', 'users.id')
      .select(['users.email', 'users.password_hash', 'users.email_verified_at'])
      .where('experts.external_id', 'like', 'demo-expert-%')
      .execute();
    assert.ok(accounts.length >= 40, `${accounts.length} demo accounts`);
    for (const account of accounts) {
      assert.equal(account.password_hash, null);
      assert.ok(account.email_verified_at, 'claimed');
      assert.ok(isDemoAddress(account.email ?? ''), 'on a reserved example domain');
    }
    for (const password of ['', 'river tea lantern 42', 'peerpolis']) {
      const v = newVisitor(t);
      await v.get('/en/sign-in');
      assert.equal((await v.post('/en/sign-in', { email: DEMO_ADDRESS, password })).status, 422);
    }
  });

  it('never claims or mails an address that was only imported', async () => {
    const [report] = await importExperts(t.database.db, [
      {
        externalId: 'real-person',
        name: 'Rania Haddad',
        email: 'rania.haddad@municipality-irbid.jo',
        country: 'JO',
        translations: { en: { headline: 'Solid waste management' } },
        visibility: 'public',
      },
    ]);
    assert.equal(report?.outcome, 'created');
    await assert.rejects(() => claimDemoAccount(t.database.db, 'rania.haddad@municipality-irbid.jo'), /reserved example domain/);
    for (const address of ['someone@example.org.evil.com', 'a@notexample.com', 'a@example.org.jo'])
      assert.equal(isDemoAddress(address), false, address);
    const member = await signedIn(t, 'visitor@city.example');
    await member.get('/en/experts/rania-haddad');
    assert.match(member.lastHtml, /At the moment Rania Haddad cannot be reached through Peerpolis\./);
    await contact.postRefused(t, member, '/en/experts/rania-haddad', { subject: '', message: MESSAGE }, 409);
  });

  it('lets the person behind a demo address claim the account, export their data and delete it', async () => {
    const v = newVisitor(t);
    await v.get('/en/forgot-password');
    await v.post('/en/forgot-password', { email: DEMO_ADDRESS });
    const link = linkIn((await lastMailTo(t.database.db, DEMO_ADDRESS))?.text_body, '/reset-password?token=');
    await v.get(link);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const locale = link.split('/')[1];
    assert.equal((await v.post(`/${locale}/reset-password`, { token, password: NEW_PASSWORD })).status, 303);
    const expert = await signedIn(t, DEMO_ADDRESS, NEW_PASSWORD);
    await expert.get('/en/account');
    const exported = await expert.post('/en/account/export', {});
    assert.equal(exported.status, 200);
    const data = await exported.json();
    assert.equal(data.account.email, DEMO_ADDRESS);
    assert.equal(data.expertProfile?.slug, 'andreas-kohlhaas');
    assert.equal(data.expertContactsReceived.length, 1, 'the message of the first test, without its text');
    await expert.get('/en/account');
    const deleted = await expert.post('/en/account/delete', { deletePassword: NEW_PASSWORD });
    assert.equal(deleted.headers.get('location'), '/en/sign-in?notice=account-deleted');
    const row = await t.database.db.selectFrom('experts').select('id').where('slug', '=', 'andreas-kohlhaas').executeTakeFirst();
    assert.equal(row, undefined, 'the listing goes with the account');
  });
});
