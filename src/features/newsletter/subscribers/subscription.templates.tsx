import { type RenderedMail, renderMail } from '../../../core/mail/mail-layout.templates.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { PENDING_DAYS } from '../newsletter.model.ts';

// The subscription's mails, in the language chosen for the newsletter (the subscriber reads that one).

/** The double opt-in: a link to the page with the Confirm button (opening the link alone confirms nothing). */
export function renderConfirmationMail(locale: Locale, links: { confirm: string }): RenderedMail {
  const { t } = getI18n(locale);
  return renderMail(locale, {
    subject: t('subscription.confirmMail.subject'),
    blocks: [
      { kind: 'paragraph', text: t('subscription.confirmMail.greeting') },
      { kind: 'paragraph', text: t('subscription.confirmMail.intro') },
      { kind: 'action', label: t('subscription.confirmMail.action'), url: links.confirm, fallback: true },
      { kind: 'paragraph', text: t('subscription.confirmMail.ignore', { days: PENDING_DAYS }) },
      { kind: 'paragraph', text: t('subscription.mail.signature') },
    ],
    footer: t('subscription.confirmMail.footer'),
  });
}

/**
 * Someone asked to subscribe an address that is subscribed already. The page said only "check your
 * inbox"; this mail tells the owner, and where to change the subscription if they want to.
 */
export function renderAlreadySubscribedMail(locale: Locale, links: { preferences: string }): RenderedMail {
  const { t } = getI18n(locale);
  return renderMail(locale, {
    subject: t('subscription.alreadyMail.subject'),
    blocks: [
      { kind: 'paragraph', text: t('subscription.confirmMail.greeting') },
      { kind: 'paragraph', text: t('subscription.alreadyMail.intro') },
      { kind: 'action', label: t('subscription.alreadyMail.action'), url: links.preferences, fallback: true },
      { kind: 'paragraph', text: t('subscription.alreadyMail.ignore') },
      { kind: 'paragraph', text: t('subscription.mail.signature') },
    ],
    footer: t('subscription.alreadyMail.footer'),
  });
}
