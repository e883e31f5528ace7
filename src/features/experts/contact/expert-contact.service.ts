import { findReachableMember } from '../../../core/accounts/members.service.ts';
import { queueMail } from '../../../core/mail/mail.service.ts';
import { consumeRateLimits } from '../../../core/rate-limits/rate-limits.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { canSeeExpert } from '../expert-visibility.model.ts';
import type { ExpertContactForm } from './expert-contact.forms.ts';
import * as q from './expert-contact.queries.ts';
import { renderExpertContactMail } from './expert-contact.templates.tsx';

/** The contact relay mails a person: bounded per sender and per recipient. */
export const EXPERT_CONTACT_LIMITS = {
  // An expert's contact form mails the expert: per sender (hour and day) and per expert profile.
  expertContactPerSenderHour: { name: 'expert-contact:sender:hour', limit: 5, windowSeconds: 60 * 60 },
  expertContactPerSenderDay: { name: 'expert-contact:sender:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  expertContactPerRecipient: { name: 'expert-contact:recipient', limit: 10, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// Writing to an expert: verified members write through the form on the expert's page without learning
// the expert's address. The mail carries Reply-To = sender, so the expert learns the sender's address
// and the sender the expert's only when the expert answers. The text is mailed, never stored;
// expert_contacts records that a message was sent (expert, sender, time) for the editors' overview.

/** What the expert's page may say about writing to the expert. */
export type ExpertContactState =
  | { kind: 'open' }
  /** The viewer is the expert: no form, a sentence on whether messages reach them. */
  | { kind: 'self'; enabled: boolean }
  /** The expert has turned messages off. */
  | { kind: 'off' }
  /** Nobody reachable behind the profile (imported without an account, or the account is disabled). */
  | { kind: 'unavailable' };

export async function describeExpertContact(
  db: Database,
  expert: { userId: number | null; contactEnabled: boolean },
  viewerId: number | null,
): Promise<ExpertContactState> {
  if (viewerId !== null && expert.userId === viewerId) return { kind: 'self', enabled: expert.contactEnabled };
  if (!expert.contactEnabled) return { kind: 'off' };
  const member = expert.userId ? await findReachableMember(db, expert.userId) : undefined;
  return member ? { kind: 'open' } : { kind: 'unavailable' };
}

export type ExpertSendResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'self' | 'off' | 'unavailable' }
  | { ok: false; reason: 'rate-limited'; limit: 'sender' | 'recipient'; retryAfter: number };

/**
 * Mails a member's message to the expert, in the expert's language, and records that it was sent. One
 * transaction: the record and the queued mail exist together or not at all. Limits per sender are
 * counted first, so refused attempts never use up the expert's allowance.
 */
export async function sendExpertMessage(
  ctx: { db: Database; baseUrl: string },
  expertId: number,
  sender: CurrentUser,
  form: ExpertContactForm,
): Promise<ExpertSendResult> {
  return ctx.db.transaction().execute(async (trx): Promise<ExpertSendResult> => {
    const expert = await q.findExpertForContact(trx, expertId);
    if (!expert || !canSeeExpert(sender, expert.visibility, expert.user_id)) return { ok: false, reason: 'not-found' };
    if (expert.user_id === sender.id) return { ok: false, reason: 'self' };
    if (!expert.contact_enabled) return { ok: false, reason: 'off' };
    const recipient = expert.user_id ? await findReachableMember(trx, expert.user_id) : undefined;
    if (!recipient) return { ok: false, reason: 'unavailable' };
    const senderLimit = await consumeRateLimits(trx, [
      { rule: EXPERT_CONTACT_LIMITS.expertContactPerSenderHour, subject: String(sender.id) },
      { rule: EXPERT_CONTACT_LIMITS.expertContactPerSenderDay, subject: String(sender.id) },
    ]);
    if (!senderLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'sender', retryAfter: senderLimit.retryAfter };
    const recipientLimit = await consumeRateLimits(trx, [
      { rule: EXPERT_CONTACT_LIMITS.expertContactPerRecipient, subject: String(expert.id) },
    ]);
    if (!recipientLimit.allowed) return { ok: false, reason: 'rate-limited', limit: 'recipient', retryAfter: recipientLimit.retryAfter };
    const address = (await findReachableMember(trx, sender.id))?.email;
    if (!address) return { ok: false, reason: 'unavailable' };

    const locale: Locale = isLocale(recipient.locale) ? recipient.locale : 'en';
    const mail = renderExpertContactMail(locale, {
      recipientName: recipient.name,
      senderName: sender.name,
      subject: form.subject,
      message: form.message,
      profileUrl: `${ctx.baseUrl}/${locale}/experts/${expert.slug}`,
      settingsUrl: `${ctx.baseUrl}/${locale}/my/expert-profile`,
    });
    await queueMail(trx, { to: recipient.email, replyTo: { name: sender.name, address }, ...mail });
    await q.insertExpertContact(trx, { expertId: expert.id, senderUserId: sender.id });
    return { ok: true };
  });
}

export type ExpertContactLog = { count: number; latest: Date[] };

/** For editors only: how often an expert was written to, and when lately (never who wrote or what). */
export async function getExpertContactLog(
  db: Database,
  viewer: CurrentUser | null,
  expertId: number,
  latest = 5,
): Promise<ExpertContactLog | undefined> {
  if (!can(viewer, 'edit-content')) return undefined;
  return q.findExpertContactLog(db, expertId, latest);
}
