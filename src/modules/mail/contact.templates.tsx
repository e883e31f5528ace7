import { raw } from 'hono/html';
import { getI18n } from '../../i18n/i18n.ts';
import type { Locale } from '../../i18n/locales.ts';
import { BODY, BUTTON, CARD, type RenderedMail } from './mail.templates.tsx';

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
  const { t, dir } = getI18n(locale);
  const names = { sender: mail.senderName, practice: mail.practiceTitle };
  // One line, whatever the titles hold: a line break would end the header.
  const subject = (
    mail.subject ? t('contact.mail.subjectWithTopic', { ...names, subject: mail.subject }) : t('contact.mail.subject', names)
  ).replace(/\s+/g, ' ');
  const intro =
    mail.to === 'member'
      ? t('contact.mail.introMember', names)
      : mail.passOnTo
        ? t('contact.mail.introEditorsPassOn', { ...names, contact: mail.passOnTo })
        : t('contact.mail.introEditors', names);
  const lines = {
    greeting: t('contact.mail.greeting', { name: mail.recipientName }),
    topic: mail.subject ? t('contact.mail.subjectLine', { subject: mail.subject }) : null,
    reply: t('contact.mail.reply', names),
    action: t('contact.mail.action'),
    signature: t('contact.mail.signature'),
    footer: t(mail.to === 'member' ? 'contact.mail.footerMember' : 'contact.mail.footerEditors'),
  };
  const text = [
    lines.greeting,
    '',
    intro,
    '',
    ...(lines.topic ? [lines.topic, ''] : []),
    ...mail.message.split('\n').map((l) => `> ${l}`),
    '',
    lines.reply,
    '',
    `${lines.action}: ${mail.practiceUrl}`,
    '',
    lines.signature,
    '',
    '--',
    lines.footer,
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
            <p>{lines.greeting}</p>
            <p>{intro}</p>
            {lines.topic ? (
              <p dir="auto">
                <strong>{lines.topic}</strong>
              </p>
            ) : null}
            <blockquote
              dir="auto"
              style="margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #0b5c8c;background:#f2f5f8;white-space:pre-wrap"
            >
              {mail.message}
            </blockquote>
            <p>{lines.reply}</p>
            <p>
              <a href={mail.practiceUrl} style={BUTTON}>
                {lines.action}
              </a>
            </p>
            <p>{lines.signature}</p>
          </div>
          <p style="max-width:36rem;margin:16px auto 0;font-size:13px;color:#4a5565">{lines.footer}</p>
        </body>
      </html>
    </>
  );
  return { subject, text, html: String(html) };
}
