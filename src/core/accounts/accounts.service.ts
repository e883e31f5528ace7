import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueAccountMail } from '../mail/mail.service.ts';
import { consumeRateLimits, rateLimitSubject } from '../rate-limits/rate-limits.service.ts';
import { consumeAccountLink, issueAccountLink, LINK_HOURS } from './account-links.service.ts';
import type { RegisterForm, SignInForm } from './accounts.forms.ts';
import { findPasswordProblem, hashPassword, type PasswordProblem, verifyPassword } from './passwords.service.ts';
import { currentPrivacyNoticeVersion, type PrivacyNoticeVersionSource } from './privacy-notice.ts';
import { endAllSessions, endSession, startSession } from './sessions.service.ts';
import * as users from './users.queries.ts';

/** The limits on everything of an account that checks a password or sends mail (per IP and per account). */
export const ACCOUNT_LIMITS = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 15 * 60 },
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
  // Registering a known address mails its owner: limit per address too, so nobody can flood an inbox.
  registerPerAccount: { name: 'register:account', limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { name: 'reset:account', limit: 3, windowSeconds: 60 * 60 },
  resendPerAccount: { name: 'resend:account', limit: 3, windowSeconds: 60 * 60 },
  resendPerIp: { name: 'resend:ip', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** What every account use case needs besides the database. */
export type AccountsContext = { db: Database; secret: string; baseUrl: string; ip: string; locale: Locale };

export type Refused = { ok: false; reason: 'rate-limited'; retryAfter: number };

const verifyLink = (ctx: AccountsContext, token: string) => `${ctx.baseUrl}/${ctx.locale}/verify-email?token=${token}`;

/**
 * Registers a member and sends the confirmation link. For an address that already has an account, the
 * visitor sees the same answer and the owner gets a mail instead: registration reveals no accounts.
 * The consent is stored with the version of the privacy notice published now (`privacyNoticeVersions`).
 */
export async function registerAccount(
  ctx: AccountsContext,
  form: RegisterForm,
  noticeVersions: readonly PrivacyNoticeVersionSource[] = [],
): Promise<{ ok: true } | { ok: false; reason: 'password'; problem: PasswordProblem } | Refused> {
  const limited = await consumeRateLimits(ctx.db, [
    { rule: ACCOUNT_LIMITS.registerPerIp, subject: rateLimitSubject(ctx.secret, ctx.ip) },
    { rule: ACCOUNT_LIMITS.registerPerAccount, subject: rateLimitSubject(ctx.secret, form.email) },
  ]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  const problem = findPasswordProblem(form.password, { email: form.email });
  if (problem) return { ok: false, reason: 'password', problem };
  const passwordHash = await hashPassword(form.password);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await users.findUserByEmail(trx, form.email);
    if (existing) {
      if (!existing.deleted_at && !existing.disabled_at) {
        await queueAccountMail(trx, form.email, (existing.locale as Locale) ?? ctx.locale, 'accountExists', {
          name: existing.name,
          link: `${ctx.baseUrl}/${existing.locale}/sign-in`,
        });
      }
      return;
    }
    const userId = await users.insertUser(trx, {
      email: form.email,
      name: form.name,
      locale: form.locale,
      passwordHash,
      privacyNoticeVersion: await currentPrivacyNoticeVersion(trx, noticeVersions),
    });
    const token = await issueAccountLink(trx, userId, 'verify-email', form.email);
    await queueAccountMail(trx, form.email, form.locale, 'verifyEmail', {
      name: form.name,
      link: verifyLink({ ...ctx, locale: form.locale }, token),
      hours: LINK_HOURS['verify-email'],
    });
    await recordAudit(trx, {
      action: 'account.registered',
      actorUserId: userId,
      subjectUserId: userId,
      ipHash: rateLimitSubject(ctx.secret, ctx.ip),
    });
  });
  return { ok: true };
}

export type VerifyOutcome =
  | { outcome: 'verified'; sessionToken: string | null }
  | { outcome: 'invalid' | 'expired' | 'used'; sessionToken: null };

/**
 * Confirms the address a verification link was sent to and signs its owner in on this browser: the
 * link proves what a password would, and was just mailed to them. Single use; an expired or reused
 * link says so and signs no one in. Like sign-in, the browser's earlier session ends and a new one
 * starts; a disabled or deleted account is confirmed but not signed in.
 */
export async function verifyEmail(
  ctx: Pick<AccountsContext, 'db' | 'secret' | 'ip'>,
  token: unknown,
  previousSessionId?: string,
): Promise<VerifyOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<VerifyOutcome> => {
    const link = await consumeAccountLink(trx, token, 'verify-email');
    if (link.status !== 'valid') return { outcome: link.status, sessionToken: null };
    await users.markEmailVerified(trx, link.userId, link.email);
    await recordAudit(trx, { action: 'account.email-verified', actorUserId: link.userId, subjectUserId: link.userId });
    const user = await users.findUserById(trx, link.userId);
    if (!user || user.deleted_at || user.disabled_at) return { outcome: 'verified', sessionToken: null };
    if (previousSessionId) await endSession(trx, previousSessionId);
    const sessionToken = await startSession(trx, user.id);
    await recordAudit(trx, {
      action: 'account.signed-in',
      actorUserId: user.id,
      subjectUserId: user.id,
      ipHash: rateLimitSubject(ctx.secret, ctx.ip),
      details: { via: 'verify-email' },
    });
    return { outcome: 'verified', sessionToken };
  });
}

/** Sends a fresh confirmation link to a signed-in, unverified member. Rate-limited per account and IP. */
export async function resendVerification(ctx: AccountsContext, userId: number): Promise<{ ok: true } | Refused> {
  const limited = await consumeRateLimits(ctx.db, [
    { rule: ACCOUNT_LIMITS.resendPerAccount, subject: String(userId) },
    { rule: ACCOUNT_LIMITS.resendPerIp, subject: rateLimitSubject(ctx.secret, ctx.ip) },
  ]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  await ctx.db.transaction().execute(async (trx) => {
    const user = await users.findUserById(trx, userId);
    if (!user?.email || user.email_verified_at) return;
    const token = await issueAccountLink(trx, userId, 'verify-email', user.email);
    await queueAccountMail(trx, user.email, user.locale as Locale, 'verifyEmail', {
      name: user.name,
      link: verifyLink({ ...ctx, locale: user.locale as Locale }, token),
      hours: LINK_HOURS['verify-email'],
    });
  });
  return { ok: true };
}

export type SignInResult =
  | { ok: true; sessionToken: string; userId: number }
  | { ok: false; reason: 'wrong-credentials' | 'disabled' }
  | Refused;

/**
 * Checks e-mail and password. Unknown address and wrong password get the same answer after the same
 * work. A new session is opened on every sign-in (never reusing one from before), ending the old one.
 */
export async function signIn(ctx: AccountsContext, form: SignInForm, previousSessionId?: string): Promise<SignInResult> {
  const ipHash = rateLimitSubject(ctx.secret, ctx.ip);
  const limited = await consumeRateLimits(ctx.db, [
    { rule: ACCOUNT_LIMITS.signInPerIp, subject: ipHash },
    { rule: ACCOUNT_LIMITS.signInPerAccount, subject: rateLimitSubject(ctx.secret, form.email) },
  ]);
  if (!limited.allowed) return { ok: false, reason: 'rate-limited', retryAfter: limited.retryAfter };
  const user = await users.findUserByEmail(ctx.db, form.email);
  const live = user && !user.deleted_at ? user : undefined;
  const matches = await verifyPassword(live?.password_hash, form.password);
  if (!live || !matches) {
    await recordAudit(ctx.db, { action: 'account.sign-in-failed', subjectUserId: live?.id ?? null, ipHash });
    return { ok: false, reason: 'wrong-credentials' };
  }
  if (live.disabled_at) {
    await recordAudit(ctx.db, { action: 'account.sign-in-failed', subjectUserId: live.id, ipHash, details: { disabled: true } });
    return { ok: false, reason: 'disabled' };
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (previousSessionId) await endSession(trx, previousSessionId);
    const sessionToken = await startSession(trx, live.id);
    await recordAudit(trx, { action: 'account.signed-in', actorUserId: live.id, subjectUserId: live.id, ipHash });
    return { ok: true as const, sessionToken, userId: live.id };
  });
}

/** Ends every session of the member, on every device. */
export async function signOutEverywhere(db: Database, userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await endAllSessions(trx, userId);
    await recordAudit(trx, {
      action: 'account.signed-out-everywhere',
      actorUserId: userId,
      subjectUserId: userId,
      details: { sessions: ended },
    });
    return ended;
  });
}

export async function getAccount(db: Database, userId: number) {
  const user = await users.findUserById(db, userId);
  if (!user || user.deleted_at) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? '',
    locale: user.locale,
    role: user.role,
    emailVerified: user.email_verified_at !== null,
    createdAt: user.created_at,
  };
}
