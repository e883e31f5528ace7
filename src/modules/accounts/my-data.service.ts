import type { Database } from '../../db/client.ts';
import { listAuditLogOfUser, recordAudit } from '../audit/audit.service.ts';
import { deleteExpertProfileOfUser, getMyExpertProfile } from '../experts/expert-profile.service.ts';
import type { AccountsContext } from './accounts.service.ts';
import { verifyPassword } from './passwords.ts';
import { listSessionsOfUser } from './sessions.queries.ts';
import { endAllSessions } from './sessions.service.ts';
import { revokeAllAccountTokens } from './tokens.queries.ts';
import * as users from './users.queries.ts';

/**
 * Everything the platform stores about a member, as one JSON document (GDPR Art. 15 and 20).
 * Modules that store more personal data add their part here as they arrive.
 */
export async function exportMyData(db: Database, userId: number) {
  return db.transaction().execute(async (trx) => {
    const user = await users.findUserForExport(trx, userId);
    if (!user) return null;
    const [sessions, activity, expertProfile] = await Promise.all([
      listSessionsOfUser(trx, userId),
      listAuditLogOfUser(trx, userId),
      getMyExpertProfile(trx, userId),
    ]);
    await recordAudit(trx, { action: 'account.data-exported', actorUserId: userId, subjectUserId: userId });
    return {
      exportedAt: new Date().toISOString(),
      account: {
        name: user.name,
        email: user.email,
        preferredLanguage: user.locale,
        role: user.role,
        emailConfirmedAt: user.email_verified_at,
        privacyConsent: { at: user.privacy_consent_at, noticeVersion: user.privacy_notice_version },
        createdAt: user.created_at,
        updatedAt: user.updated_at,
      },
      sessions: sessions.map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at })),
      securityLog: activity.map((a) => ({ at: a.at, action: a.action })),
      expertProfile: expertProfile ?? null,
    };
  });
}

/**
 * Deletes a member's account after checking their password: personal fields are erased, sessions and
 * links removed; the anonymous row remains for records that point to it (an audit trail, later a
 * published practice or an event registration count).
 */
export async function deleteMyAccount(ctx: AccountsContext, userId: number, password: string): Promise<'deleted' | 'wrong-password'> {
  const user = await users.findUserById(ctx.db, userId);
  if (!(await verifyPassword(user?.password_hash, password))) return 'wrong-password';
  await ctx.db.transaction().execute(async (trx) => {
    await endAllSessions(trx, userId);
    await revokeAllAccountTokens(trx, userId);
    await deleteExpertProfileOfUser(trx, userId);
    await users.anonymiseUser(trx, userId);
    await recordAudit(trx, { action: 'account.deleted', actorUserId: userId, subjectUserId: userId });
  });
  return 'deleted';
}
