import type { Database } from '../../platform/db/client.ts';

/**
 * The e-mail links sent to a member (confirm address, reset password, change address), for the export:
 * the token hash (`id`) is left out, it is a credential, not information about the person.
 */
export function listAccountLinksOfUser(db: Database, userId: number) {
  return db
    .selectFrom('account_tokens')
    .select(['purpose', 'email', 'created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
