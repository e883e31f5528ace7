import { raw } from 'hono/html';
import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

/** Every mail the platform sends about an account: one intro and one action each. */
export type AccountMailTemplate = 'verifyEmail' | 'accountExists' | 'resetPassword' | 'changeEmail';

export type RenderedMail = { subject: string; text: string; html: string };

export type AccountMailValues = { name: string; link: string; hours?: number };

// Light, accessible HTML: one column, system fonts, real text (no images), a link that is also written
// out, lang/dir for Arabic. Inline styles only, since many mail clients drop <style>.
export const BODY =
  'margin:0;padding:24px;background:#f2f5f8;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1c2430;line-height:1.6';
export const CARD = 'max-width:36rem;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px';
export const BUTTON =
  'display:inline-block;padding:12px 20px;background:#0b5c8c;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600';

export function renderAccountMail(locale: Locale, template: AccountMailTemplate, values: AccountMailValues): RenderedMail {
  const { t, dir } = getI18n(locale);
  const subject = t(`mail.${template}.subject`);
  const lines = {
    greeting: t('mail.greeting', { name: values.name }),
    intro: t(`mail.${template}.intro`),
    action: t(`mail.${template}.action`),
    fallback: t('mail.linkFallback'),
    expires: values.hours ? t('mail.expires', { hours: values.hours }) : null,
    ignore: t('mail.ignore'),
    signature: t('mail.signature'),
    footer: t('mail.footer'),
  };
  const text = [
    lines.greeting,
    '',
    lines.intro,
    '',
    `${lines.action}: ${values.link}`,
    ...(lines.expires ? ['', lines.expires] : []),
    '',
    lines.ignore,
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
            <p>{lines.intro}</p>
            <p>
              <a href={values.link} style={BUTTON}>
                {lines.action}
              </a>
            </p>
            <p style="font-size:14px;color:#4a5565">
              {lines.fallback}
              <br />
              <a href={values.link} style="color:#0b5c8c;word-break:break-all">
                {values.link}
              </a>
            </p>
            {lines.expires ? <p>{lines.expires}</p> : null}
            <p>{lines.ignore}</p>
            <p>{lines.signature}</p>
          </div>
          <p style="max-width:36rem;margin:16px auto 0;font-size:13px;color:#4a5565">{lines.footer}</p>
        </body>
      </html>
    </>
  );
  return { subject, text, html: String(html) };
}
