import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/db/personal-data.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AccountsContext } from './accounts.service.ts';
import { verifyPassword } from './passwords.service.ts';
import * as users from './users.queries.ts';

/**
 * Everything the platform stores about a member, as one JSON document (GDPR Art. 15 and 20): each
 * module's part (its personalData hooks, from the registry) under the keys it names, read in one
 * transaction so the parts agree with each other.
 */
export async function exportMyData(db: Database, userId: number, hooks: PersonalDataHooks[]) {
  return db.transaction().execute(async (trx) => {
    if (!(await users.findUserById(trx, userId))) return null;
    const document: Record<string, unknown> = { exportedAt: new Date().toISOString() };
    // One after the other: a transaction is one connection, and the order of keys follows the registry.
    for (const hook of hooks) {
      for (const [key, value] of Object.entries(await hook.exportData(trx, userId))) {
        if (key in document) throw new Error(`Two modules export personal data under "${key}"`);
        document[key] = value;
      }
    }
    await recordAudit(trx, { action: 'account.data-exported', actorUserId: userId, subjectUserId: userId });
    return document;
  });
}

/**
 * Deletes a member's account after checking their password: every module removes or anonymises what it
 * stores about them (their personalData hooks), then the account's personal fields are erased. The
 * anonymous row remains for records that point to it (the audit trail, a published practice, a past
 * event's attendance), all in one transaction: the deletion happens whole or not at all.
 */
export async function deleteMyAccount(
  ctx: AccountsContext,
  userId: number,
  password: string,
  modules: { hooks: PersonalDataHooks[]; mailFrom: string },
): Promise<'deleted' | 'wrong-password'> {
  const user = await users.findUserById(ctx.db, userId);
  if (!(await verifyPassword(user?.password_hash, password))) return 'wrong-password';
  await ctx.db.transaction().execute(async (trx) => {
    for (const hook of modules.hooks) await hook.eraseData(trx, userId, { baseUrl: ctx.baseUrl, mailFrom: modules.mailFrom });
    await users.anonymiseUser(trx, userId);
    await recordAudit(trx, { action: 'account.deleted', actorUserId: userId, subjectUserId: userId });
  });
  return 'deleted';
}
