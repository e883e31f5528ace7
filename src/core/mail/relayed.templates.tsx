import { raw } from 'hono/html';
import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { BODY, BUTTON, CARD, type RenderedMail } from './mail.templates.tsx';

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

const QUOTE = 'margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #0b5c8c;background:#f2f5f8;white-space:pre-wrap';

export function renderRelayedMail(locale: Locale, mail: RelayedMail): RenderedMail {
  const { dir } = getI18n(locale);
  // One line, whatever the texts hold: a line break would end the header.
  const subject = mail.subject.replace(/\s+/g, ' ');
  const text = [
    mail.greeting,
    '',
    mail.intro,
    '',
    ...(mail.topic ? [mail.topic, ''] : []),
    ...mail.message.split('\n').map((l) => `> ${l}`),
    '',
    mail.reply,
    '',
    `${mail.action.label}: ${mail.action.url}`,
    ...(mail.secondary ? [`${mail.secondary.label}: ${mail.secondary.url}`] : []),
    '',
    mail.signature,
    '',
    '--',
    mail.footer,
  ].join('\n');
  const html = (
    <>
      {raw('<!doctype html>')}
      <html lang={locale} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{subject}</title>
        </head>
        <body style={BODY}>
          <div style={CARD}>
            <p>{mail.greeting}</p>
            <p>{mail.intro}</p>
            {mail.topic ? (
              <p dir="auto">
                <strong>{mail.topic}</strong>
              </p>
            ) : null}
            <blockquote dir="auto" style={QUOTE}>
              {mail.message}
            </blockquote>
            <p>{mail.reply}</p>
            <p>
              <a href={mail.action.url} style={BUTTON}>
                {mail.action.label}
              </a>
            </p>
            {mail.secondary ? (
              <p>
                <a href={mail.secondary.url}>{mail.secondary.label}</a>
              </p>
            ) : null}
            <p>{mail.signature}</p>
          </div>
          <p style="max-width:36rem;margin:16px auto 0;font-size:13px;color:#4a5565">{mail.footer}</p>
        </body>
      </html>
    </>
  );
  return { subject, text, html: String(html) };
}
