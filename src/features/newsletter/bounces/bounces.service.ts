import type { Database } from '../../../platform/db/client.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { markBounced, markUnsubscribed } from './bounces.queries.ts';
import type { MailEvent } from './mail-events.model.ts';

/**
 * Per client address: providers post one notification per mail, in bursts during a send, so the
 * limit is generous; failed authentications have their own, low one.
 */
export const MAIL_EVENT_LIMITS = {
  mailEventsPerIp: { name: 'newsletter-mail-events-ip', limit: 1200, windowSeconds: 60 },
  mailEventsFailedAuthPerIp: { name: 'newsletter-mail-events-auth', limit: 20, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

/**
 * Applies bounces and complaints (from the API or a provider's export) in one transaction. Returns how
 * many subscribers changed: for the CLI's report only, never for the sender of a notification.
 */
export async function recordMailEvents(
  db: Database,
  events: MailEvent[],
  at = new Date(),
): Promise<{ bounced: number; unsubscribed: number }> {
  const of = (kind: MailEvent['kind']) => events.filter((e) => e.kind === kind).map((e) => e.email);
  const work = async (trx: Database) => ({
    bounced: await markBounced(trx, of('permanent-bounce'), at),
    unsubscribed: await markUnsubscribed(trx, of('complaint'), at),
  });
  // The demo seed calls this inside its own transaction.
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
