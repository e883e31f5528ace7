import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type RenderedMail, renderMail } from './mail-layout.templates.tsx';

export type { RenderedMail };

/** Every mail the platform sends about an account: one intro and one action each. */
export type AccountMailTemplate = 'verifyEmail' | 'accountExists' | 'resetPassword' | 'changeEmail';

export type AccountMailValues = { name: string; link: string; hours?: number };

export function renderAccountMail(locale: Locale, template: AccountMailTemplate, values: AccountMailValues): RenderedMail {
  const { t } = getI18n(locale);
  return renderMail(locale, {
    subject: t(`mail.${template}.subject`),
    blocks: [
      { kind: 'paragraph', text: t('mail.greeting', { name: values.name }) },
      { kind: 'paragraph', text: t(`mail.${template}.intro`) },
      { kind: 'action', label: t(`mail.${template}.action`), url: values.link, fallback: true },
      ...(values.hours ? [{ kind: 'paragraph' as const, text: t('mail.expires', { hours: values.hours }) }] : []),
      { kind: 'paragraph', text: t('mail.ignore') },
      { kind: 'paragraph', text: t('mail.signature') },
    ],
    footer: t('mail.footer'),
  });
}
