import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type RenderedMail, renderMail } from './mail-layout.templates.tsx';

/**
 * A notice about something that happened on the platform (a review decision, a submission waiting):
 * already-translated subject and paragraphs, an optional quoted comment from a person, one link.
 */
export type Notice = {
  subject: string;
  name: string;
  paragraphs: string[];
  quote?: string;
  link: string;
  action: string;
  /** Why the reader gets this mail; the editorial-work sentence when not given. */
  footer?: string;
};

export function renderNoticeMail(locale: Locale, notice: Notice): RenderedMail {
  const { t } = getI18n(locale);
  return renderMail(locale, {
    subject: notice.subject,
    blocks: [
      { kind: 'paragraph', text: t('mail.greeting', { name: notice.name }) },
      ...notice.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(notice.quote ? [{ kind: 'quote' as const, text: notice.quote }] : []),
      { kind: 'action', label: notice.action, url: notice.link, fallback: true },
      { kind: 'paragraph', text: t('mail.signature') },
    ],
    footer: notice.footer ?? t('mail.noticeFooter'),
  });
}
