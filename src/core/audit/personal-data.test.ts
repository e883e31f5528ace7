import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertMembers } from '../../../tests/helpers/events.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { recordAudit } from './audit.service.ts';
import { auditPersonalData } from './personal-data.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'none' });
});
after(() => database.close());

describe('personal data: audit log', () => {
  it('exports when and what happened to the member’s account, and keeps the log on deletion', async () => {
    const [member, admin, other] = await insertMembers(database.db, 3, 'audit');
    assert.ok(member && admin && other);
    await recordAudit(database.db, { action: 'account.registered', actorUserId: member.id, subjectUserId: member.id, ipHash: 'h1' });
    await recordAudit(database.db, {
      action: 'account.role-changed',
      actorUserId: admin.id,
      subjectUserId: member.id,
      details: { to: 'editor' },
    });
    await recordAudit(database.db, { action: 'account.signed-in', actorUserId: other.id, subjectUserId: other.id });

    const exported = await database.db.transaction().execute((trx) => auditPersonalData.exportData(trx, member.id));
    const log = exported.securityLog as Array<Record<string, unknown>>;
    assert.deepEqual(
      log.map((e) => e.action),
      ['account.registered', 'account.role-changed'],
    );
    assert.ok(
      log.every((e) => e.at instanceof Date && Object.keys(e).length === 2),
      'only when and what',
    );

    await database.db.transaction().execute((trx) => auditPersonalData.eraseData(trx, member.id, MAIL_CTX));
    const kept = await database.db.selectFrom('audit_log').select('action').where('subject_user_id', '=', member.id).execute();
    assert.equal(kept.length, 2, 'the record of what happened to the account stays');
  });
});
