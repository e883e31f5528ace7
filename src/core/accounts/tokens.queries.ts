import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { TokenPurpose } from './accounts.table.ts';

export async function insertAccountToken(
  db: Database,
  token: { id: string; userId: number; purpose: TokenPurpose; email: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({ id: token.id, user_id: token.userId, purpose: token.purpose, email: token.email, expires_at: token.expiresAt, used_at: null })
    .execute();
}

export function findAccountToken(db: Database, id: string, purpose: TokenPurpose) {
  return db
    .selectFrom('account_tokens')
    .select(['id', 'user_id', 'email', 'expires_at', 'used_at'])
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** Marks a token used; true only for the one request that got there first (single use under concurrency). */
export async function useAccountToken(db: Database, id: string): Promise<boolean> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Earlier links of the same kind stop working when a new one is sent or one is used. */
export async function revokeAccountTokens(db: Database, userId: number, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function deleteOldAccountTokens(db: Database): Promise<void> {
  await db.deleteFrom('account_tokens').where('expires_at', '<', sql<Date>`now() - interval '30 days'`).execute();
}

export async function revokeAllAccountTokens(db: Database, userId: number): Promise<void> {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
}
