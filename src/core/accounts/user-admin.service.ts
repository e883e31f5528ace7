import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { issueAccountLink } from './account-links.service.ts';
import type { Role } from './accounts.table.ts';
import { endAllSessions } from './sessions.service.ts';
import * as users from './users.queries.ts';

export const ROLES: Role[] = ['member', 'editor', 'admin'];

export function listAccounts(db: Database, filter: { search?: string; role?: Role; page: number }) {
  return users.listUsers(db, { ...filter, pageSize: 25 });
}

export type AdminChange = 'changed' | 'unchanged' | 'not-found' | 'self';

/** Changes a member's role. Admins cannot change their own (no one locks the last admin out by accident). */
export async function changeRole(db: Database, actor: CurrentUser, userId: number, role: Role): Promise<AdminChange> {
  if (userId === actor.id) return 'self';
  return db.transaction().execute(async (trx) => {
    const user = await users.findUserById(trx, userId);
    if (!user || user.deleted_at) return 'not-found';
    if (user.role === role) return 'unchanged';
    await users.updateRole(trx, userId, role);
    await recordAudit(trx, {
      action: 'account.role-changed',
      actorUserId: actor.id,
      subjectUserId: userId,
      details: { from: user.role, to: role },
    });
    return 'changed';
  });
}

export type AccountDisabledHook = (trx: Database, userId: number, disabled: boolean) => Promise<void>;

/**
 * Disables (ending every session at once) or re-enables an account. Never one's own. `hooks` are the
 * modules' contributions to `accountDisabled` (index.ts): what the person shows the public goes with them.
 */
export async function setAccountDisabled(
  db: Database,
  actor: CurrentUser,
  userId: number,
  disabled: boolean,
  hooks: AccountDisabledHook[],
): Promise<AdminChange> {
  if (userId === actor.id) return 'self';
  return db.transaction().execute(async (trx) => {
    const user = await users.findUserById(trx, userId);
    if (!user || user.deleted_at) return 'not-found';
    if ((user.disabled_at !== null) === disabled) return 'unchanged';
    await users.setDisabled(trx, userId, disabled);
    // E.g. a disabled member's expert profile leaves the directory with them (and comes back with them).
    for (const hook of hooks) await hook(trx, userId, disabled);
    if (disabled) await endAllSessions(trx, userId);
    await recordAudit(trx, { action: disabled ? 'account.disabled' : 'account.enabled', actorUserId: actor.id, subjectUserId: userId });
    return 'changed';
  });
}

/**
 * `npm run cli -- create-admin EMAIL`: makes the account an admin (creating it if needed) and returns a
 * one-time link, valid 24 hours, to set a password and sign in.
 */
export async function createOrPromoteAdmin(db: Database, email: string, baseUrl: string): Promise<{ created: boolean; link: string }> {
  return db.transaction().execute(async (trx) => {
    const existing = await users.findUserByEmail(trx, email);
    let userId: number;
    let created = false;
    if (existing && !existing.deleted_at) {
      userId = existing.id;
      if (existing.role !== 'admin') {
        await users.updateRole(trx, userId, 'admin');
        await recordAudit(trx, {
          action: 'account.role-changed',
          subjectUserId: userId,
          details: { from: existing.role, to: 'admin', by: 'cli' },
        });
      }
      if (existing.disabled_at) await users.setDisabled(trx, userId, false);
    } else {
      userId = await users.insertInvitedUser(trx, { email, name: email.split('@')[0] ?? email, role: 'admin' });
      await recordAudit(trx, { action: 'account.role-changed', subjectUserId: userId, details: { from: null, to: 'admin', by: 'cli' } });
      created = true;
    }
    const locale = existing?.locale ?? 'en';
    const token = await issueAccountLink(trx, userId, 'reset-password', email, 24);
    return { created, link: `${baseUrl}/${locale}/reset-password?token=${token}` };
  });
}

/**
 * For imported records that belong to a person (experts): the live account with this address, or a new
 * member account for it — no password, address not confirmed, no privacy consent, in the given language.
 * The person claims it through "forgot password": the reset link proves they control the address, so
 * setting a password there also confirms it. Runs in the caller's transaction; never logs the address.
 */
export async function findOrCreateMemberAccount(
  db: Database,
  person: { email: string; name: string; locale: Locale },
): Promise<{ userId: number; created: boolean }> {
  const existing = await users.findUserByEmail(db, person.email);
  if (existing && !existing.deleted_at) return { userId: existing.id, created: false };
  const userId = await users.insertInvitedUser(db, { email: person.email, name: person.name, role: 'member', locale: person.locale });
  await recordAudit(db, { action: 'account.registered', subjectUserId: userId, details: { by: 'import' } });
  return { userId, created: true };
}

/** Keeps an account's name in step with a record imported for that person. */
export function renameAccount(db: Database, userId: number, name: string): Promise<void> {
  return users.updateUserName(db, userId, name);
}

/** The e-mail addresses of these accounts, for admin exports; deleted accounts have none. */
export async function listAccountEmails(db: Database, userIds: number[]): Promise<Map<number, string>> {
  const rows = await users.listEmailsOfUsers(db, userIds);
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, r.email] as const] : [])));
}
