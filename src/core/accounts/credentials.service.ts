import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueAccountMail } from '../mail/mail.service.ts';
import { consumeRateLimits, rateLimitSubject } from '../rate-limits/rate-limits.service.ts';
import { checkAccountLink, consumeAccountLink, issueAccountLink, LINK_HOURS } from './account-links.service.ts';
import type { AccountsContext, Refused } from './accounts.service.ts';
import { ACCOUNT_LIMITS } from './accounts.service.ts';
import { findPasswordProblem, hashPassword, type PasswordProblem, verifyPassword } from './passwords.service.ts';
import { endAllSessions, startSession } from './sessions.service.ts';
import * as users from './users.queries.ts';

/**
 * "Forgot password": sends a one-hour, single-use link if the address has an account. The visitor's
 * answer is the same either way, so the form reveals no accounts.
 */
export async function requestPasswordReset(ctx: AccountsContext, email: string): Promise<{ ok: true } | Refused> {
  const limited = await consumeRateLimits(ctx.db, [
    { rule: ACCOUNT_LIMITS.resetPerIp, subject: rateLimitSubject(ctx.secret, ctx.ip) },
    { rule: ACCOUNT_LIMITS.resetPerAccount, subject: rateLimitSubject(ctx.secret, email) },
  ]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  await ctx.db.transaction().execute(async (trx) => {
    const user = await users.findUserByEmail(trx, email);
    if (!user?.email || user.deleted_at || user.disabled_at) return;
    const locale = user.locale as Locale;
    const token = await issueAccountLink(trx, user.id, 'reset-password', user.email);
    await queueAccountMail(trx, user.email, locale, 'resetPassword', {
      name: user.name,
      link: `${ctx.baseUrl}/${locale}/reset-password?token=${token}`,
      hours: LINK_HOURS['reset-password'],
    });
  });
  return { ok: true };
}

export function checkPasswordResetLink(db: Database, token: unknown) {
  return checkAccountLink(db, token, 'reset-password');
}

/**
 * Sets a new password from a reset link: single use, every session ends (whoever had the old password is
 * out), and the address counts as confirmed, since the link reached it.
 */
export async function resetPassword(
  db: Database,
  token: unknown,
  password: string,
): Promise<
  { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' } | { ok: false; reason: 'password'; problem: PasswordProblem }
> {
  const link = await checkAccountLink(db, token, 'reset-password');
  if (link.status !== 'valid') return { ok: false, reason: link.status };
  const problem = findPasswordProblem(password, { email: link.email });
  if (problem) return { ok: false, reason: 'password', problem };
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const used = await consumeAccountLink(trx, token, 'reset-password');
    if (used.status !== 'valid') return { ok: false as const, reason: used.status };
    await users.updatePasswordHash(trx, used.userId, passwordHash);
    await users.markEmailVerified(trx, used.userId, used.email);
    await endAllSessions(trx, used.userId);
    await recordAudit(trx, { action: 'account.password-reset', actorUserId: used.userId, subjectUserId: used.userId });
    return { ok: true as const };
  });
}

/** A refused change: a message key per field, every problem found at once. */
export type ChangeResult = { ok: true; sessionToken?: string } | { ok: false; errors: Record<string, string> } | Refused;

async function checkCurrentPassword(ctx: AccountsContext, userId: number, password: string): Promise<ChangeResult | null> {
  const limited = await consumeRateLimits(ctx.db, [{ rule: ACCOUNT_LIMITS.signInPerAccount, subject: `user-${userId}` }]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  const user = await users.findUserById(ctx.db, userId);
  if (!(await verifyPassword(user?.password_hash, password))) return { ok: false, errors: { currentPassword: 'wrongPassword' } };
  return null;
}

/** Changes the password of a signed-in member; other sessions end, this one is replaced by a new one. */
export async function changePassword(ctx: AccountsContext, userId: number, current: string, next: string): Promise<ChangeResult> {
  const refused = await checkCurrentPassword(ctx, userId, current);
  if (refused && !('errors' in refused)) return refused;
  // A wrong current password and a weak new one are both reported, so one more try fixes both.
  const user = await users.findUserById(ctx.db, userId);
  const problem = findPasswordProblem(next, { email: user?.email ?? undefined });
  const errors = { ...(refused && 'errors' in refused ? refused.errors : {}), ...(problem ? { newPassword: problem } : {}) };
  if (Object.keys(errors).length) return { ok: false, errors };
  const passwordHash = await hashPassword(next);
  return ctx.db.transaction().execute(async (trx) => {
    await users.updatePasswordHash(trx, userId, passwordHash);
    await endAllSessions(trx, userId);
    const sessionToken = await startSession(trx, userId);
    await recordAudit(trx, { action: 'account.password-changed', actorUserId: userId, subjectUserId: userId });
    return { ok: true as const, sessionToken };
  });
}

/**
 * Starts an e-mail change: the new address gets a confirmation link; nothing changes until it is used.
 * If the address belongs to another account, nothing is sent, but the answer is the same.
 */
export async function requestEmailChange(ctx: AccountsContext, userId: number, password: string, newEmail: string): Promise<ChangeResult> {
  const refused = await checkCurrentPassword(ctx, userId, password);
  if (refused) return refused;
  const limited = await consumeRateLimits(ctx.db, [{ rule: ACCOUNT_LIMITS.resendPerAccount, subject: `change-${userId}` }]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  await ctx.db.transaction().execute(async (trx) => {
    const user = await users.findUserById(trx, userId);
    const taken = await users.findUserByEmail(trx, newEmail);
    if (!user || taken) return;
    const locale = user.locale as Locale;
    const token = await issueAccountLink(trx, userId, 'change-email', newEmail);
    await queueAccountMail(trx, newEmail, locale, 'changeEmail', {
      name: user.name,
      link: `${ctx.baseUrl}/${locale}/confirm-email-change?token=${token}`,
      hours: LINK_HOURS['change-email'],
    });
  });
  return { ok: true };
}

/** Confirms a new address from its link. Fails safely if another account took the address meanwhile. */
export async function confirmEmailChange(db: Database, token: unknown): Promise<'verified' | 'invalid' | 'expired' | 'used'> {
  return db.transaction().execute(async (trx) => {
    const link = await consumeAccountLink(trx, token, 'change-email');
    if (link.status !== 'valid') return link.status;
    const taken = await users.findUserByEmail(trx, link.email);
    if (taken && taken.id !== link.userId) return 'invalid';
    await users.updateEmail(trx, link.userId, link.email);
    await recordAudit(trx, { action: 'account.email-changed', actorUserId: link.userId, subjectUserId: link.userId });
    return 'verified';
  });
}
