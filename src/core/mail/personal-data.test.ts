import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { insertOutboxMessage } from './mail.queries.ts';
import { mailPersonalData } from './personal-data.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'none' });
});
after(() => database.close());

const message = (to: string, subject: string, headers: Record<string, string> = {}) => ({
  to,
  subject,
  text: 'Hello',
  html: '<p>Hello</p>',
  headers,
});

describe('mail: personal data', () => {
  it('exports the outbox messages to the member and erases them with the relayed ones they sent', async () => {
    const db = database.db;
    const { id } = await db
      .insertInto('users')
      .values({ email: 'amina_k@example.org', name: 'Amina', privacy_consent_at: new Date(), privacy_notice_version: '1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertOutboxMessage(db, message('Amina <amina_k@example.org>', 'Confirm your address'), 'outbox', null);
    await insertOutboxMessage(
      db,
      message('Expert <exp@example.org>', 'A message from Amina', { 'Reply-To': 'Amina <amina_k@example.org>' }),
      'outbox',
      null,
    );
    // "_" is a LIKE wildcard: an address that differs there must not be taken for the member's.
    await insertOutboxMessage(db, message('aminaXk@example.org', 'Someone else'), 'outbox', null);

    const exported = await db.transaction().execute((trx) => mailPersonalData.exportData(trx, id));
    assert.deepEqual(
      (exported.mailKept as Array<{ subject: string }>).map((m) => m.subject),
      ['Confirm your address'],
    );

    await db.transaction().execute((trx) => mailPersonalData.eraseData(trx, id, MAIL_CTX));
    const left = await db.selectFrom('mail_outbox').select('subject').execute();
    assert.deepEqual(
      left.map((m) => m.subject),
      ['Someone else'],
    );
  });
});
