import { type ContactRelayResult, type RelaySender, relayContactMessage } from '../../../core/mail/contact-relay.service.ts';
import { countCountriesByRegion } from '../../../core/taxonomy/taxonomy.service.ts';
import type { RegionalCoordinator } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import type { OfficeContactMessage } from './office-contact.forms.ts';
import { renderOfficeContactCopy, renderOfficeContactMail } from './office-contact.templates.tsx';

/** What the office's form mails: per sender (a member, or a visitor's IP address and typed address) and per recipient. */
export const OFFICE_CONTACT_LIMITS = {
  // Tighter than between members: a visitor is anonymous, and each message also mails a copy to the
  // address they typed, so these limits are what bounds mail to an address that was never confirmed.
  officeContactPerSenderHour: { name: 'office-contact:sender:hour', limit: 3, windowSeconds: 60 * 60 },
  officeContactPerSenderDay: { name: 'office-contact:sender:day', limit: 10, windowSeconds: 24 * 60 * 60 },
  officeContactPerRecipient: { name: 'office-contact:recipient', limit: 200, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** Who can be written to: the office, then each regional coordinator (`key` = the region's slug). Addresses never reach a page. */
export type OfficeRecipient = { key: 'office' | string; region: string | null; email: string };

/** The office and the configured coordinators whose region the taxonomy knows (a mistyped region names nobody). */
export async function listOfficeRecipients(
  db: Database,
  config: { OFFICE_EMAIL: string; REGIONAL_COORDINATORS: RegionalCoordinator[] },
): Promise<OfficeRecipient[]> {
  const known = new Set((await countCountriesByRegion(db)).map((r) => r.region_slug));
  return [
    { key: 'office', region: null, email: config.OFFICE_EMAIL },
    ...config.REGIONAL_COORDINATORS.filter((c) => known.has(c.region)).map((c) => ({ key: c.region, region: c.region, email: c.email })),
  ];
}

/** Relays a message to the office or a coordinator, with Reply-To = the sender and a copy to the sender. Nothing is stored. */
export async function sendOfficeMessage(
  ctx: { db: Database; baseUrl: string },
  recipients: OfficeRecipient[],
  sender: RelaySender,
  form: OfficeContactMessage,
): Promise<ContactRelayResult | { ok: false; reason: 'not-found' }> {
  const recipient = recipients.find((r) => r.key === form.to);
  if (!recipient) return { ok: false, reason: 'not-found' };
  const contactUrl = (locale: Locale) => `${ctx.baseUrl}/${locale}/contact`;
  const mail = { senderName: sender.name, subject: form.subject, message: form.message, region: recipient.region };
  return ctx.db.transaction().execute((trx) =>
    relayContactMessage(trx, {
      sender,
      // The office reads in English, the network's working language; the copy is in the sender's.
      recipients: [{ name: '', email: recipient.email, locale: 'en' }],
      recipientKey: recipient.key,
      limits: {
        senderHour: OFFICE_CONTACT_LIMITS.officeContactPerSenderHour,
        senderDay: OFFICE_CONTACT_LIMITS.officeContactPerSenderDay,
        recipient: OFFICE_CONTACT_LIMITS.officeContactPerRecipient,
      },
      render: ({ locale }) => renderOfficeContactMail(locale, { ...mail, confirmed: !('email' in sender), pageUrl: contactUrl(locale) }),
      copy: ({ name, locale }) => renderOfficeContactCopy(locale, { ...mail, senderName: name, pageUrl: contactUrl(locale) }),
    }),
  );
}
