import type { Database } from '../../platform/db/client.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import { findReachableMember } from '../accounts/members.service.ts';
import { consumeRateLimits } from '../rate-limits/rate-limits.service.ts';
import { queueMail } from './mail.service.ts';
import type { RenderedMail } from './mail-layout.templates.tsx';

// The platform's contact relay: a member writes to a person (a practice's contact, an expert), or anyone
// to the network office through its public form, without learning the recipient's address. The mail
// carries Reply-To = sender, so the recipient learns the sender's address and the sender learns the
// recipient's only when they answer. The text is mailed, never stored: the caller records who wrote to
// whom, and when. Each feature decides who the recipient is and whether they may be written to; this is
// what every relayed message then goes through.

/** Bounds on what the relay mails: per sender (hour and day) and per recipient, so neither one member nor many can flood an inbox. */
export type ContactRelayLimits = { senderHour: RateLimitRule; senderDay: RateLimitRule; recipient: RateLimitRule };

export type ContactRelayResult =
  | { ok: true }
  | { ok: false; reason: 'unavailable' }
  | { ok: false; reason: 'rate-limited'; limit: 'sender' | 'recipient'; retryAfter: number };

/** Someone who receives the message: their name and address, never shown on a page. */
export type RelayRecipient = { name: string; email: string; locale: string };

/**
 * Who writes: a member, counted by account and answered at the account's confirmed address; or a
 * visitor on a public form (the network office's), who types a name and an address, counted under each
 * of `limitKeys` (keyed hashes of their IP address and of the typed address).
 */
export type RelaySender = { id: number; name: string } | { name: string; email: string; locale: string; limitKeys: string[] };

export type ContactRelay = {
  sender: RelaySender;
  /** One person, or a team that reads together (each of them gets the mail). */
  recipients: RelayRecipient[];
  /** Who counts as the recipient for `limits.recipient`: a team counts as one. */
  recipientKey: string;
  limits: ContactRelayLimits;
  /** The mail for one recipient, in their language (English when theirs is not offered). */
  render: (recipient: { name: string; locale: Locale }) => RenderedMail | Promise<RenderedMail>;
  /**
   * A copy for the sender, in their language, so they keep what they wrote and see that it left. For a
   * visitor it goes to an unconfirmed address: the per-address limit bounds what anyone can send there.
   */
  copy?: (sender: { name: string; locale: Locale }) => RenderedMail | Promise<RenderedMail>;
  /** Records that the message was sent (never its text), in the same transaction. */
  record?: () => Promise<void>;
};

/** The subjects the sender's limits are counted under. */
const limitKeysOf = (sender: RelaySender) => ('email' in sender ? sender.limitKeys : [String(sender.id)]);

/** Where answers and the copy go: the sender's address and language; undefined when nobody could be answered. */
async function answerAddressOf(trx: Database, sender: RelaySender) {
  if ('email' in sender) return { email: sender.email, locale: sender.locale };
  return findReachableMember(trx, sender.id);
}

/**
 * Relays a message inside the caller's transaction: the record and the queued mails exist
 * together or not at all. Limits per sender are counted first, so refused attempts never use up the
 * recipient's allowance.
 */
export async function relayContactMessage(trx: Database, relay: ContactRelay): Promise<ContactRelayResult> {
  const { limits } = relay;
  const senderLimit = await consumeRateLimits(
    trx,
    limitKeysOf(relay.sender).flatMap((subject) => [
      { rule: limits.senderHour, subject },
      { rule: limits.senderDay, subject },
    ]),
  );
  if (!senderLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'sender', retryAfter: senderLimit.retryAfter };
  const recipientLimit = await consumeRateLimits(trx, [{ rule: limits.recipient, subject: relay.recipientKey }]);
  if (!recipientLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'recipient', retryAfter: recipientLimit.retryAfter };
  const sender = await answerAddressOf(trx, relay.sender);
  if (!sender) return { ok: false, reason: 'unavailable' };
  const { name } = relay.sender;

  const localeOf = (locale: string): Locale => (isLocale(locale) ? locale : 'en');
  for (const recipient of relay.recipients) {
    const mail = await relay.render({ name: recipient.name, locale: localeOf(recipient.locale) });
    await queueMail(trx, { to: recipient.email, replyTo: { name, address: sender.email }, ...mail });
  }
  if (relay.copy) await queueMail(trx, { to: sender.email, ...(await relay.copy({ name, locale: localeOf(sender.locale) })) });
  await relay.record?.();
  return { ok: true };
}
