import { raw } from 'hono/html';
import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { BODY, BUTTON, CARD, type RenderedMail } from './mail.templates.tsx';

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
  const { t, dir } = getI18n(locale);
  const greeting = t('mail.greeting', { name: notice.name });
  const quoteLines = notice.quote ? notice.quote.split('\n').map((l) => `> ${l}`) : [];
  const text = [
    greeting,
    '',
    ...notice.paragraphs.flatMap((p) => [p, '']),
    ...(quoteLines.length ? [...quoteLines, ''] : []),
    `${notice.action}: ${notice.link}`,
    '',
    t('mail.signature'),
    '',
    '--',
    notice.footer ?? t('mail.noticeFooter'),
  ].join('\n');
  const html = (
    <>
      {raw('<!doctype html>')}
      <html lang={locale} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{notice.subject}</title>
        </head>
        <body style={BODY}>
          <div style={CARD}>
            <p>{greeting}</p>
            {notice.paragraphs.map((p) => (
              <p>{p}</p>
            ))}
            {notice.quote ? (
              <blockquote style="margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #0b5c8c;background:#f2f5f8;white-space:pre-wrap">
                {notice.quote}
              </blockquote>
            ) : null}
            <p>
              <a href={notice.link} style={BUTTON}>
                {notice.action}
              </a>
            </p>
            <p style="font-size:14px;color:#4a5565">
              {t('mail.linkFallback')}
              <br />
              <a href={notice.link} style="color:#0b5c8c;word-break:break-all">
                {notice.link}
              </a>
            </p>
            <p>{t('mail.signature')}</p>
          </div>
          <p style="max-width:36rem;margin:16px auto 0;font-size:13px;color:#4a5565">{notice.footer ?? t('mail.noticeFooter')}</p>
        </body>
      </html>
    </>
  );
  return { subject: notice.subject, text, html: String(html) };
}
