import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';

/** `%address%` for LIKE, with the address's own `_` and `%` taken literally (they are valid in addresses). */
const containing = (address: string) => `%${address.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The account's current address, read before the account is anonymised. */
export async function findAddressOfUser(db: Database, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}

/** Messages in the outbox addressed to this address (never their bodies in the list). */
export function listOutboxMessagesTo(db: Database, address: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['subject', 'created_at', 'transport'])
    .where(sql<boolean>`lower(to_address) like ${containing(address)}`)
    .orderBy('created_at')
    .execute();
}

/**
 * Removes the messages to the address, and the relayed ones it sent (its address is their Reply-To):
 * those keep the text of a contact message that the contact records deliberately do not.
 */
export async function deleteOutboxMessagesOf(db: Database, address: string): Promise<void> {
  const pattern = containing(address);
  await db
    .deleteFrom('mail_outbox')
    .where((eb) =>
      eb.or([
        eb(sql`lower(to_address)`, 'like', pattern),
        eb(sql`lower(coalesce(headers->>'Reply-To', headers->>'reply-to', ''))`, 'like', pattern),
      ]),
    )
    .execute();
}
