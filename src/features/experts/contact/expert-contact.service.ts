import { findReachableMember } from '../../../core/accounts/members.service.ts';
import type { ContactMessage } from '../../../core/mail/contact-message.forms.ts';
import { type ContactRelayResult, relayContactMessage } from '../../../core/mail/contact-relay.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { can } from '../../../platform/http/policy.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { canSeeExpert } from '../expert-visibility.model.ts';
import * as q from './expert-contact.queries.ts';
import { renderExpertContactMail } from './expert-contact.templates.tsx';

/** The contact relay mails a person: bounded per sender and per recipient. */
export const EXPERT_CONTACT_LIMITS = {
  // An expert's contact form mails the expert: per sender (hour and day) and per expert profile.
  expertContactPerSenderHour: { name: 'expert-contact:sender:hour', limit: 5, windowSeconds: 60 * 60 },
  expertContactPerSenderDay: { name: 'expert-contact:sender:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  expertContactPerRecipient: { name: 'expert-contact:recipient', limit: 10, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// Writing to an expert: verified members write through the form on the expert's page, by the platform's
// relay (core/mail), without learning the expert's address. The text is mailed, never stored;
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

export type ExpertSendResult = ContactRelayResult | { ok: false; reason: 'not-found' | 'self' | 'off' };

/** Mails a member's message to the expert, in the expert's language, and records that it was sent. */
export async function sendExpertMessage(
  ctx: { db: Database; baseUrl: string },
  expertId: number,
  sender: CurrentUser,
  form: ContactMessage,
): Promise<ExpertSendResult> {
  return ctx.db.transaction().execute(async (trx): Promise<ExpertSendResult> => {
    const expert = await q.findExpertForContact(trx, expertId);
    if (!expert || !canSeeExpert(sender, expert.visibility, expert.user_id)) return { ok: false, reason: 'not-found' };
    if (expert.user_id === sender.id) return { ok: false, reason: 'self' };
    if (!expert.contact_enabled) return { ok: false, reason: 'off' };
    const recipient = expert.user_id ? await findReachableMember(trx, expert.user_id) : undefined;
    if (!recipient) return { ok: false, reason: 'unavailable' };
    return relayContactMessage(trx, {
      sender,
      recipients: [recipient],
      // Per expert profile, not per account.
      recipientKey: String(expert.id),
      limits: {
        senderHour: EXPERT_CONTACT_LIMITS.expertContactPerSenderHour,
        senderDay: EXPERT_CONTACT_LIMITS.expertContactPerSenderDay,
        recipient: EXPERT_CONTACT_LIMITS.expertContactPerRecipient,
      },
      render: ({ name, locale }) =>
        renderExpertContactMail(locale, {
          recipientName: name,
          senderName: sender.name,
          subject: form.subject,
          message: form.message,
          profileUrl: `${ctx.baseUrl}/${locale}/experts/${expert.slug}`,
          settingsUrl: `${ctx.baseUrl}/${locale}/my/expert-profile`,
        }),
      record: () => q.insertExpertContact(trx, { expertId: expert.id, senderUserId: sender.id }),
    });
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
