import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { type AccountsContext, registerAccount, signIn } from './accounts.service.ts';
import { accountsPersonalData } from './personal-data.service.ts';
import { FALLBACK_PRIVACY_NOTICE_VERSION } from './privacy-notice.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
const PASSWORD = 'river tea lantern 42';
const ctx = (): AccountsContext => ({
  db: database.db,
  secret: 'test-secret',
  baseUrl: 'http://localhost',
  ip: '203.0.113.7',
  locale: 'en',
});

before(async () => {
  database = await createTestDatabase({ seed: 'none' });
});
after(() => database.close());

/** Registers through the real use case and signs in `sessions` times; returns the account's id. */
async function member(email: string, name: string, sessions: number): Promise<number> {
  assert.deepEqual(await registerAccount(ctx(), { name, email, password: PASSWORD, locale: 'fr', privacy: 'yes' }), { ok: true });
  let id = 0;
  for (let i = 0; i < sessions; i++) {
    const result = await signIn(ctx(), { email, password: PASSWORD });
    assert.ok(result.ok, 'sign-in works');
    id = result.userId;
  }
  return id;
}

const inTransaction = <T>(work: (trx: DatabaseHandle['db']) => Promise<T>) => database.db.transaction().execute(work);

describe('personal data: accounts', () => {
  it('exports the account, its sessions and the links mailed to it, and erases sessions and links only', async () => {
    const amina = await member('amina@city.example', 'Amina Diallo', 2);
    const other = await member('other@city.example', 'Other Person', 1);

    const exported = await inTransaction((trx) => accountsPersonalData.exportData(trx, amina));
    const account = exported.account as Record<string, unknown>;
    assert.equal(account.name, 'Amina Diallo');
    assert.equal(account.email, 'amina@city.example');
    assert.equal(account.preferredLanguage, 'fr');
    assert.equal(account.role, 'member');
    assert.equal(account.emailConfirmedAt, null);
    const consent = account.privacyConsent as { at: unknown; noticeVersion: unknown };
    assert.ok(consent.at instanceof Date);
    assert.equal(consent.noticeVersion, FALLBACK_PRIVACY_NOTICE_VERSION, 'no version contributed: the fallback');
    assert.equal((exported.sessions as unknown[]).length, 2);
    const links = exported.accountLinks as Array<Record<string, unknown>>;
    assert.deepEqual(
      links.map((l) => [l.purpose, l.sentTo]),
      [['verify-email', 'amina@city.example']],
    );
    assert.ok(!JSON.stringify(exported).includes('other@city.example'), 'nobody else’s address');

    await inTransaction((trx) => accountsPersonalData.eraseData(trx, amina, MAIL_CTX));
    const count = async (table: 'sessions' | 'account_tokens', userId: number) =>
      (await database.db.selectFrom(table).select('user_id').where('user_id', '=', userId).execute()).length;
    assert.equal(await count('sessions', amina), 0);
    assert.equal(await count('account_tokens', amina), 0);
    assert.equal(await count('sessions', other), 1, 'another member stays signed in');
    assert.equal(await count('account_tokens', other), 1);
    // Anonymising the row is the deletion's last step, not this hook's.
    const row = await database.db.selectFrom('users').select(['email', 'deleted_at']).where('id', '=', amina).executeTakeFirstOrThrow();
    assert.deepEqual(row, { email: 'amina@city.example', deleted_at: null });
    const after = await inTransaction((trx) => accountsPersonalData.exportData(trx, amina));
    assert.deepEqual([after.sessions, after.accountLinks], [[], []]);
  });
});
