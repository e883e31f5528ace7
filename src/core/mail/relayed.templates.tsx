import type { Locale } from '../../platform/i18n/locales.ts';
import { type MailBlock, type RenderedMail, renderMail } from './mail-layout.templates.tsx';

/**
 * A member's message relayed by the platform (a practice's contact form, an expert's): the caller's
 * translated lines around the sender's own text, quoted as typed. Recipients answer by replying.
 */
export type RelayedMail = {
  subject: string;
  greeting: string;
  intro: string;
  /** The sender's subject line, when they gave one. */
  topic: string | null;
  message: string;
  reply: string;
  action: { label: string; url: string };
  /** A plain second link (e.g. the recipient's settings). */
  secondary?: { label: string; url: string };
  signature: string;
  footer: string;
};

export function renderRelayedMail(locale: Locale, mail: RelayedMail): RenderedMail {
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: mail.greeting },
    { kind: 'paragraph', text: mail.intro },
    ...(mail.topic ? [{ kind: 'strong' as const, text: mail.topic }] : []),
    { kind: 'quote', text: mail.message },
    { kind: 'paragraph', text: mail.reply },
    { kind: 'action', label: mail.action.label, url: mail.action.url },
    ...(mail.secondary ? [{ kind: 'link' as const, ...mail.secondary }] : []),
    { kind: 'paragraph', text: mail.signature },
  ];
  return renderMail(locale, { subject: mail.subject, blocks, footer: mail.footer });
}
