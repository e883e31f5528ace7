import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import { listAccountLinksOfUser } from './personal-data.queries.ts';
import { listSessionsOfUser } from './sessions.queries.ts';
import { endAllSessions } from './sessions.service.ts';
import { revokeAllAccountTokens } from './tokens.queries.ts';
import { findUserForExport } from './users.queries.ts';

// The account's part of a member's data export and of account deletion. The users row itself is not
// touched here: it is anonymised last, by the deletion use case, after every module has let go of it
// (records of other modules keep pointing at the anonymous row).

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const [user, sessions, links] = await Promise.all([
    findUserForExport(trx, userId),
    listSessionsOfUser(trx, userId),
    listAccountLinksOfUser(trx, userId),
  ]);
  return {
    account: user
      ? {
          name: user.name,
          email: user.email,
          preferredLanguage: user.locale,
          role: user.role,
          emailConfirmedAt: user.email_verified_at,
          privacyConsent: { at: user.privacy_consent_at, noticeVersion: user.privacy_notice_version },
          createdAt: user.created_at,
          updatedAt: user.updated_at,
        }
      : null,
    sessions: sessions.map((s) => ({ startedAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at })),
    // The address each link went to is the member's own (or the new one they asked to change to).
    accountLinks: links.map((l) => ({
      purpose: l.purpose,
      sentTo: l.email,
      sentAt: l.created_at,
      expiresAt: l.expires_at,
      usedAt: l.used_at,
    })),
  };
}

/** Signs the member out everywhere and makes every link in their mailbox worthless. */
async function eraseData(trx: Database, userId: number): Promise<void> {
  await endAllSessions(trx, userId);
  await revokeAllAccountTokens(trx, userId);
}

export const accountsPersonalData: PersonalDataHooks = {
  tables: ['users', 'sessions', 'account_tokens'],
  exportData,
  eraseData,
};
