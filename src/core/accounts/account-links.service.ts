import type { Database } from '../../platform/db/client.ts';
import type { TokenPurpose } from './accounts.table.ts';
import { hashSecureToken, isWellFormedToken, newSecureToken } from './secure-token.model.ts';
import * as q from './tokens.queries.ts';

/** How long each kind of link works. */
export const LINK_HOURS: Record<TokenPurpose, number> = { 'verify-email': 48, 'reset-password': 1, 'change-email': 24 };

/** Creates a single-use link token (revoking earlier ones of the same kind) and returns the raw token. */
export async function issueAccountLink(
  db: Database,
  userId: number,
  purpose: TokenPurpose,
  email: string,
  hours = LINK_HOURS[purpose],
): Promise<string> {
  await q.revokeAccountTokens(db, userId, purpose);
  const { token, hash } = newSecureToken();
  await q.insertAccountToken(db, { id: hash, userId, purpose, email, expiresAt: new Date(Date.now() + hours * 3600_000) });
  return token;
}

export type LinkCheck = { status: 'valid'; userId: number; email: string; id: string } | { status: 'invalid' | 'expired' | 'used' };

/** What a link's token is worth, without using it. */
export async function checkAccountLink(db: Database, token: unknown, purpose: TokenPurpose): Promise<LinkCheck> {
  if (!isWellFormedToken(token)) return { status: 'invalid' };
  const row = await q.findAccountToken(db, hashSecureToken(token), purpose);
  if (!row) return { status: 'invalid' };
  if (row.used_at) return { status: 'used' };
  if (row.expires_at.getTime() <= Date.now()) return { status: 'expired' };
  return { status: 'valid', userId: row.user_id, email: row.email, id: row.id };
}

/** Uses a valid link exactly once; a second, concurrent use gets 'used'. */
export async function consumeAccountLink(db: Database, token: unknown, purpose: TokenPurpose): Promise<LinkCheck> {
  const check = await checkAccountLink(db, token, purpose);
  if (check.status !== 'valid') return check;
  return (await q.useAccountToken(db, check.id)) ? check : { status: 'used' };
}
