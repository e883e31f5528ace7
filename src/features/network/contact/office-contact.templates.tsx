import type { RenderedMail } from '../../../core/mail/mail.templates.tsx';
import { renderRelayedMail } from '../../../core/mail/relayed.templates.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';

/** A message through the office's contact form; `region` is set when it goes to that region's coordinator. */
export type OfficeContactMail = {
  senderName: string;
  /** May be empty: the subject is optional. */
  subject: string;
  message: string;
  region: string | null;
  /** The partner organisation's name when the message goes to its contact person. */
  partner: string | null;
  pageUrl: string;
};

/** Who the message went to, as a sentence names them ("the network office"). */
function recipientOf(locale: Locale, region: string | null, partner: string | null): string {
  const { t } = getI18n(locale);
  if (partner !== null) return t('officeContact.recipient.partner', { partner });
  return region ? t('officeContact.recipient.coordinator', { region: t(`common.regions.${region}`) }) : t('officeContact.recipient.office');
}

/** The mail to the office or coordinator; they answer by replying (Reply-To = the sender). */
export function renderOfficeContactMail(locale: Locale, mail: OfficeContactMail & { confirmed: boolean }): RenderedMail {
  const { t } = getI18n(locale);
  const values = { sender: mail.senderName, recipient: recipientOf(locale, mail.region, mail.partner) };
  return renderRelayedMail(locale, {
    subject: mail.subject
      ? t('officeContact.mail.subjectWithTopic', { ...values, subject: mail.subject })
      : t('officeContact.mail.subject', values),
    greeting: t('officeContact.mail.greeting'),
    intro: t('officeContact.mail.intro', values),
    topic: mail.subject ? t('officeContact.mail.subjectLine', { subject: mail.subject }) : null,
    message: mail.message,
    // A visitor's address was typed, not confirmed: the office should know before it answers.
    reply: t(mail.confirmed ? 'officeContact.mail.replyMember' : 'officeContact.mail.replyVisitor', values),
    action: { label: t('officeContact.mail.action'), url: mail.pageUrl },
    signature: t('officeContact.mail.signature'),
    footer: t('officeContact.mail.footer'),
  });
}

/** The sender's copy: what they wrote, to whom, and that the answer comes to this address. */
export function renderOfficeContactCopy(locale: Locale, mail: OfficeContactMail): RenderedMail {
  const { t } = getI18n(locale);
  const values = { name: mail.senderName, recipient: recipientOf(locale, mail.region, mail.partner) };
  return renderRelayedMail(locale, {
    subject: t('officeContact.copy.subject', values),
    greeting: t('officeContact.copy.greeting', values),
    intro: t('officeContact.copy.intro', values),
    topic: mail.subject ? t('officeContact.mail.subjectLine', { subject: mail.subject }) : null,
    message: mail.message,
    reply: t('officeContact.copy.reply'),
    action: { label: t('officeContact.copy.action'), url: mail.pageUrl },
    signature: t('officeContact.mail.signature'),
    footer: t('officeContact.copy.footer'),
  });
}
