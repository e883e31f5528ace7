import type { RenderedMail } from '../../../core/mail/mail.templates.tsx';
import { renderRelayedMail } from '../../../core/mail/relayed.templates.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';

/** A member's message to an expert, relayed by mail; the expert answers by replying (Reply-To = sender). */
export type ExpertContactMail = {
  recipientName: string;
  senderName: string;
  /** May be empty: the subject is optional. */
  subject: string;
  message: string;
  profileUrl: string;
  settingsUrl: string;
};

export function renderExpertContactMail(locale: Locale, mail: ExpertContactMail): RenderedMail {
  const { t } = getI18n(locale);
  const names = { sender: mail.senderName };
  return renderRelayedMail(locale, {
    subject: mail.subject
      ? t('expertProfile.mail.subjectWithTopic', { ...names, subject: mail.subject })
      : t('expertProfile.mail.subject', names),
    greeting: t('expertProfile.mail.greeting', { name: mail.recipientName }),
    intro: t('expertProfile.mail.intro', names),
    topic: mail.subject ? t('expertProfile.mail.subjectLine', { subject: mail.subject }) : null,
    message: mail.message,
    reply: t('expertProfile.mail.reply', names),
    action: { label: t('expertProfile.mail.action'), url: mail.profileUrl },
    secondary: { label: t('expertProfile.mail.settings'), url: mail.settingsUrl },
    signature: t('expertProfile.mail.signature'),
    footer: t('expertProfile.mail.footer'),
  });
}
