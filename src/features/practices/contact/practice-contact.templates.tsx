import type { RenderedMail } from '../../../core/mail/mail.templates.tsx';
import { renderRelayedMail } from '../../../core/mail/relayed.templates.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';

/** A member's message through a practice's contact form, to its contact member, author or the editors. */
export type PracticeContactMail = {
  recipientName: string;
  senderName: string;
  practiceTitle: string;
  practiceUrl: string;
  /** May be empty: the subject is optional. */
  subject: string;
  message: string;
  /** `editors` when no member looks after the practice; `passOnTo` names its (offline) contact then. */
  to: 'member' | 'editors';
  passOnTo?: string | null;
};

export function renderPracticeContactMail(locale: Locale, mail: PracticeContactMail): RenderedMail {
  const { t } = getI18n(locale);
  const names = { sender: mail.senderName, practice: mail.practiceTitle };
  return renderRelayedMail(locale, {
    subject: mail.subject ? t('contact.mail.subjectWithTopic', { ...names, subject: mail.subject }) : t('contact.mail.subject', names),
    greeting: t('contact.mail.greeting', { name: mail.recipientName }),
    intro:
      mail.to === 'member'
        ? t('contact.mail.introMember', names)
        : mail.passOnTo
          ? t('contact.mail.introEditorsPassOn', { ...names, contact: mail.passOnTo })
          : t('contact.mail.introEditors', names),
    topic: mail.subject ? t('contact.mail.subjectLine', { subject: mail.subject }) : null,
    message: mail.message,
    reply: t('contact.mail.reply', names),
    action: { label: t('contact.mail.action'), url: mail.practiceUrl },
    signature: t('contact.mail.signature'),
    footer: t(mail.to === 'member' ? 'contact.mail.footerMember' : 'contact.mail.footerEditors'),
  });
}
