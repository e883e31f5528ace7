import { type ContactRelayResult, type RelaySender, relayContactMessage } from '../../../core/mail/contact-relay.service.ts';
import { countCountriesByRegion } from '../../../core/taxonomy/taxonomy.service.ts';
import type { RegionalCoordinator } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { RateLimitRule } from '../../../platform/module.ts';
import { partnerRecipientKey, pickText } from '../network.model.ts';
import { selectPartners } from '../partners.queries.ts';
import { selectRegionalNetworks } from '../regions.queries.ts';
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

/**
 * Who can be written to: the office, each regional coordinator (`key` = the region's slug), and each
 * partner organisation's contact person (`partner-<slug>`, with the partner's names). Addresses never reach a page.
 */
export type OfficeRecipient = {
  key: 'office' | string;
  region: string | null;
  partner: Array<{ locale: string; name: string }> | null;
  email: string;
};

/**
 * The office; the coordinators of the published regional networks, and those configured
 * (REGIONAL_COORDINATORS) for regions without a regional network whose region the taxonomy knows (a
 * mistyped region names nobody); then the published partners' contact persons.
 */
export async function listOfficeRecipients(
  db: Database,
  config: { OFFICE_EMAIL: string; REGIONAL_COORDINATORS: RegionalCoordinator[] },
): Promise<OfficeRecipient[]> {
  const [regions, networks, partners] = await Promise.all([
    countCountriesByRegion(db),
    selectRegionalNetworks(db, { published: true }),
    selectPartners(db, { published: true }),
  ]);
  const known = new Set(regions.map((r) => r.region_slug));
  const coordinators = networks.filter((n) => n.coordinatorEmail).map((n) => ({ region: n.regionSlug, email: n.coordinatorEmail }));
  const covered = new Set(networks.map((n) => n.regionSlug));
  for (const c of config.REGIONAL_COORDINATORS) if (known.has(c.region) && !covered.has(c.region)) coordinators.push(c);
  return [
    { key: 'office', region: null, partner: null, email: config.OFFICE_EMAIL },
    ...coordinators.map((c) => ({ key: c.region, region: c.region, partner: null, email: c.email })),
    ...partners
      .filter((p) => p.contactEmail)
      .map((p) => ({
        key: partnerRecipientKey(p.slug),
        region: null,
        partner: p.texts.map((t) => ({ locale: t.locale, name: t.name })),
        email: p.contactEmail,
      })),
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
  const partnerName = (locale: Locale) => (recipient.partner ? (pickText(recipient.partner, locale)?.name ?? '') : null);
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
      render: ({ locale }) =>
        renderOfficeContactMail(locale, {
          ...mail,
          partner: partnerName(locale),
          confirmed: !('email' in sender),
          pageUrl: contactUrl(locale),
        }),
      copy: ({ name, locale }) =>
        renderOfficeContactCopy(locale, { ...mail, partner: partnerName(locale), senderName: name, pageUrl: contactUrl(locale) }),
    }),
  );
}
