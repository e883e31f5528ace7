import type { Database } from '../../platform/db/client.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as users from './users.queries.ts';

// The demo's people (its experts) must be reachable through the contact relay, or the demo could not
// show the platform's core promise; yet the relay never mails an address that was only imported. The
// way out is narrow: only addresses on domains reserved for examples (RFC 2606, RFC 6761), which are
// nobody's mailbox, may be confirmed without their owner, so mail to them stays in the outbox.

const RESERVED_DOMAIN = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/;

/** Whether an address is on a domain reserved for examples and documentation, so it belongs to nobody. */
export function isDemoAddress(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && RESERVED_DOMAIN.test(email.slice(at + 1).toLowerCase());
}

/**
 * Demo content only: the live account with this demo address counts as claimed (address confirmed) while
 * it keeps no password, so nobody signs in to it with a known one. Throws for any other address: a real
 * person's imported address is confirmed only by following the link mailed to it.
 */
export async function claimDemoAccount(db: Database, email: string): Promise<void> {
  if (!isDemoAddress(email)) throw new Error('Only an address on a reserved example domain can be claimed for the demo');
  const user = await users.findUserByEmail(db, email);
  if (!user?.email || user.deleted_at || user.email_verified_at) return;
  await users.markEmailVerified(db, user.id, user.email);
  await recordAudit(db, { action: 'account.email-verified', subjectUserId: user.id, details: { by: 'demo' } });
}
