import type { Selectable } from 'kysely';
import { findReachableMember, listEditorialTeam, type ReachableMember } from '../../../core/accounts/members.service.ts';
import type { ContactMessage } from '../../../core/mail/contact-message.forms.ts';
import { type ContactRelayResult, relayContactMessage } from '../../../core/mail/contact-relay.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import type { PracticesTable } from '../practices.table.ts';
import * as q from './practice-contact.queries.ts';
import { renderPracticeContactMail } from './practice-contact.templates.tsx';

/** The contact relay mails a person: bounded per sender and per recipient. */
export const PRACTICE_CONTACT_LIMITS = {
  // A practice's contact form mails a person: per sender (hour and day) and per recipient (the
  // editorial team counts as one), so neither one member nor many can flood an inbox.
  practiceContactPerSenderHour: { name: 'practice-contact:sender:hour', limit: 5, windowSeconds: 60 * 60 },
  practiceContactPerSenderDay: { name: 'practice-contact:sender:day', limit: 20, windowSeconds: 24 * 60 * 60 },
  practiceContactPerRecipient: { name: 'practice-contact:recipient', limit: 30, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

// A practice's contact form: members write through the platform's relay (core/mail) to the person
// behind a practice: its contact member, else its author, else the editorial team.

type Recipient = { kind: 'contact' | 'author'; member: ReachableMember } | { kind: 'editors'; team: ReachableMember[] } | { kind: 'none' };

/** The contact member if reachable, else the author, else the editorial team (never nobody, if it exists). */
async function resolveRecipient(db: Database, practiceId: number): Promise<Recipient> {
  const people = await q.findPracticePeople(db, practiceId);
  const contact = people?.contact_user_id ? await findReachableMember(db, people.contact_user_id) : undefined;
  if (contact) return { kind: 'contact', member: contact };
  const author = people?.author_user_id ? await findReachableMember(db, people.author_user_id) : undefined;
  if (author) return { kind: 'author', member: author };
  const team = await listEditorialTeam(db);
  return team.length ? { kind: 'editors', team } : { kind: 'none' };
}

/** What the page may say about who receives a message: a name at most, never an address. */
export type ContactRecipient = { kind: 'contact' | 'author'; name: string; isViewer: boolean } | { kind: 'editors' } | { kind: 'none' };

export async function describeContactRecipient(db: Database, practiceId: number, viewerId: number | null): Promise<ContactRecipient> {
  const recipient = await resolveRecipient(db, practiceId);
  if (recipient.kind === 'contact' || recipient.kind === 'author') {
    return { kind: recipient.kind, name: recipient.member.name, isViewer: recipient.member.id === viewerId };
  }
  return { kind: recipient.kind };
}

export type PracticeForContact = Pick<Selectable<PracticesTable>, 'id' | 'slug' | 'contact_name' | 'contact_organisation'>;

export type SendResult = ContactRelayResult | { ok: false; reason: 'self' };

/** "Name, organisation" of a practice's contact, as the record gives it (imported practices). */
export const contactLabel = (p: Pick<PracticeForContact, 'contact_name' | 'contact_organisation'>, separator = ', ') =>
  [p.contact_name, p.contact_organisation].filter(Boolean).join(separator) || null;

/** Sends a member's message to the practice's recipient, in the recipient's language, and records who wrote to whom. */
export async function sendPracticeMessage(
  ctx: { db: Database; baseUrl: string },
  practice: PracticeForContact,
  sender: CurrentUser,
  form: ContactMessage,
): Promise<SendResult> {
  return ctx.db.transaction().execute(async (trx): Promise<SendResult> => {
    const recipient = await resolveRecipient(trx, practice.id);
    if (recipient.kind === 'none') return { ok: false, reason: 'unavailable' };
    if (recipient.kind !== 'editors' && recipient.member.id === sender.id) return { ok: false, reason: 'self' };
    const toEditors = recipient.kind === 'editors';
    const titles = new Map<Locale, string>();
    return relayContactMessage(trx, {
      sender,
      recipients: toEditors ? recipient.team : [recipient.member],
      recipientKey: toEditors ? 'editorial-team' : String(recipient.member.id),
      limits: {
        senderHour: PRACTICE_CONTACT_LIMITS.practiceContactPerSenderHour,
        senderDay: PRACTICE_CONTACT_LIMITS.practiceContactPerSenderDay,
        recipient: PRACTICE_CONTACT_LIMITS.practiceContactPerRecipient,
      },
      render: async ({ name, locale }) => {
        if (!titles.has(locale)) titles.set(locale, (await q.findPracticeTitle(trx, practice.id, locale)) ?? practice.slug);
        return renderPracticeContactMail(locale, {
          recipientName: name,
          senderName: sender.name,
          practiceTitle: titles.get(locale) ?? practice.slug,
          practiceUrl: `${ctx.baseUrl}/${locale}/practices/${practice.slug}`,
          subject: form.subject,
          message: form.message,
          to: toEditors ? 'editors' : 'member',
          passOnTo: contactLabel(practice),
        });
      },
      // The editorial team is recorded as no one in particular (recipient null): one row per message.
      record: () =>
        q.insertPracticeContact(trx, {
          practiceId: practice.id,
          senderUserId: sender.id,
          recipientUserId: toEditors ? null : recipient.member.id,
        }),
    });
  });
}
