import type { Database } from '../../platform/db/client.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import { findReachableMember } from '../accounts/members.service.ts';
import { consumeRateLimits } from '../rate-limits/rate-limits.service.ts';
import { queueMail } from './mail.service.ts';
import type { RenderedMail } from './mail-layout.templates.tsx';

// The platform's contact relay: a member writes to a person (a practice's contact, an expert) without
// learning their address. The mail carries Reply-To = sender, so the recipient learns the sender's
// address and the sender learns the recipient's only when they answer. The text is mailed, never
// stored: the caller records who wrote to whom, and when. Each feature decides who the recipient is
// and whether they may be written to; this is what every relayed message then goes through.

/** Bounds on what the relay mails: per sender (hour and day) and per recipient, so neither one member nor many can flood an inbox. */
export type ContactRelayLimits = { senderHour: RateLimitRule; senderDay: RateLimitRule; recipient: RateLimitRule };

export type ContactRelayResult =
  | { ok: true }
  | { ok: false; reason: 'unavailable' }
  | { ok: false; reason: 'rate-limited'; limit: 'sender' | 'recipient'; retryAfter: number };

/** Someone who receives the message: their name and address, never shown on a page. */
export type RelayRecipient = { name: string; email: string; locale: string };

export type ContactRelay = {
  sender: { id: number; name: string };
  /** One person, or a team that reads together (each of them gets the mail). */
  recipients: RelayRecipient[];
  /** Who counts as the recipient for `limits.recipient`: a team counts as one. */
  recipientKey: string;
  limits: ContactRelayLimits;
  /** The mail for one recipient, in their language (English when theirs is not offered). */
  render: (recipient: { name: string; locale: Locale }) => RenderedMail | Promise<RenderedMail>;
  /** Records that the message was sent (never its text), in the same transaction. */
  record: () => Promise<void>;
};

/**
 * Relays a member's message inside the caller's transaction: the record and the queued mails exist
 * together or not at all. Limits per sender are counted first, so refused attempts never use up the
 * recipient's allowance.
 */
export async function relayContactMessage(trx: Database, relay: ContactRelay): Promise<ContactRelayResult> {
  const { sender, limits } = relay;
  const senderLimit = await consumeRateLimits(trx, [
    { rule: limits.senderHour, subject: String(sender.id) },
    { rule: limits.senderDay, subject: String(sender.id) },
  ]);
  if (!senderLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'sender', retryAfter: senderLimit.retryAfter };
  const recipientLimit = await consumeRateLimits(trx, [{ rule: limits.recipient, subject: relay.recipientKey }]);
  if (!recipientLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'recipient', retryAfter: recipientLimit.retryAfter };
  const address = (await findReachableMember(trx, sender.id))?.email;
  if (!address) return { ok: false, reason: 'unavailable' };

  for (const recipient of relay.recipients) {
    const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'en';
    const mail = await relay.render({ name: recipient.name, locale });
    await queueMail(trx, { to: recipient.email, replyTo: { name: sender.name, address }, ...mail });
  }
  await relay.record();
  return { ok: true };
}
