import { raw } from 'hono/html';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { directionOf, isLocale } from '../../../platform/i18n/locales.ts';
import type { RenderedItem } from '../newsletter.model.ts';
import { languageMarker, paragraphsOf } from './edition.views.tsx';
import type { RenderedEdition } from './edition-render.service.ts';

// The edition as an e-mail, HTML and plain text with the same content and links. Built for the mail
// programs the network's readers use (Outlook on Windows included): nested tables for layout, inline
// styles only (many clients drop <style>), no web fonts, no images, no script. Every element sets its own
// colours so clients that honour `color-scheme` keep them, and mid-tone colours survive the clients that
// invert them. Alignment is written as left/right per direction: Outlook knows no logical properties.
// No tracking: no pixel, and links are the pages' own addresses, the same for every reader.

export type EditionMailContent = {
  edition: RenderedEdition;
  /** The reader's language: the mail's own words (headings, footer) are in it. */
  i18n: I18n;
  links: { web: string; preferences: string; unsubscribe: string };
  /** The network's postal address; the line is left out when empty. */
  postalAddress: string;
  /** The partner organisations' names, in the reader's language. */
  partners: string[];
};

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = '#1c2430';
const MUTED = '#4a5565';
const LINK = '#0b5c8c';
const PAPER = '#ffffff';
const BACKDROP = '#eef2f6';
const RULE = '#d5dde6';

const dirOf = (locale: string): 'ltr' | 'rtl' => (isLocale(locale) ? directionOf(locale) : 'ltr');
const startOf = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? 'right' : 'left');

function Paragraphs({ text, style }: { text: string; style: string }) {
  return (
    <>
      {paragraphsOf(text).map((lines) => (
        <p style={style}>{lines.flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
      ))}
    </>
  );
}

function MailItem({ i18n, item }: { i18n: I18n; item: RenderedItem }) {
  const dir = dirOf(item.locale);
  const marker = languageMarker(i18n, item.locale);
  const title = `margin:0 0 4px;font-size:17px;line-height:1.35;font-weight:700;color:${INK};${FONT}`;
  return (
    <tr>
      <td lang={item.locale} dir={dir} align={startOf(dir)} style={`padding:0 0 18px;text-align:${startOf(dir)};color:${INK};${FONT}`}>
        <h3 style={title}>
          {item.url ? (
            <a href={item.url} style={`color:${LINK};text-decoration:underline`}>
              {item.title}
            </a>
          ) : (
            item.title
          )}
          {marker ? (
            <span lang={i18n.locale} dir={i18n.dir} style={`font-weight:400;font-size:14px;color:${MUTED}`}>
              {` ${marker}`}
            </span>
          ) : null}
        </h3>
        {item.meta ? <p style={`margin:0 0 4px;font-size:14px;line-height:1.5;color:${MUTED};${FONT}`}>{item.meta}</p> : null}
        {item.text ? <p style={`margin:0;font-size:15px;line-height:1.6;color:${INK};${FONT}`}>{item.text}</p> : null}
      </td>
    </tr>
  );
}

export function editionMailHtml(mail: EditionMailContent): string {
  const { edition, i18n, links } = mail;
  const { t } = i18n;
  const dir = i18n.dir;
  const start = startOf(dir);
  const textDir = dirOf(edition.locale);
  const cellIn = (d: 'ltr' | 'rtl') => `padding:0 24px;text-align:${startOf(d)};color:${INK};background-color:${PAPER};${FONT}`;
  const cell = cellIn(dir);
  const small = `margin:0 0 8px;font-size:13px;line-height:1.5;color:${MUTED};${FONT}`;
  const smallLink = `color:${LINK};text-decoration:underline`;
  const html = (
    <>
      {raw('<!doctype html>')}
      <html lang={i18n.locale} dir={dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <meta name="supported-color-schemes" content="light dark" />
          <meta name="x-apple-disable-message-reformatting" />
          <title>{edition.subject}</title>
        </head>
        <body style={`margin:0;padding:0;background-color:${BACKDROP};color:${INK}`}>
          {edition.preheader ? (
            <div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;mso-hide:all">
              {edition.preheader}
              {/* Filler: keeps the mail program's preview to the preheader instead of the text after it. */}
              {raw('&#847;&zwnj;&nbsp;'.repeat(40))}
            </div>
          ) : null}
          <table
            role="presentation"
            width="100%"
            cellpadding="0"
            cellspacing="0"
            border={0}
            bgcolor={BACKDROP}
            lang={i18n.locale}
            dir={dir}
            style={`background-color:${BACKDROP}`}
          >
            <tr>
              <td align="center" style="padding:16px 8px">
                {raw('<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->')}
                <table
                  role="presentation"
                  width="100%"
                  cellpadding="0"
                  cellspacing="0"
                  border={0}
                  bgcolor={PAPER}
                  lang={i18n.locale}
                  dir={dir}
                  style={`max-width:600px;background-color:${PAPER};border:1px solid ${RULE}`}
                >
                  <tr>
                    <td style={`padding:16px 24px 8px;text-align:${start};background-color:${PAPER};${FONT}`}>
                      <p style={small}>
                        <strong style={`color:${INK}`}>{t('newsletter.mail.masthead', { site: t('common.siteName') })}</strong>
                        {' · '}
                        {t('newsletter.edition.number', { number: edition.number })} · {i18n.formatDate(edition.date)}
                      </p>
                      <p style={small}>
                        <a href={links.web} style={smallLink}>
                          {t('newsletter.mail.webVersion')}
                        </a>
                      </p>
                    </td>
                  </tr>
                  <tr>
                    <td lang={edition.locale} dir={textDir} align={startOf(textDir)} style={cellIn(textDir)}>
                      <h1 style={`margin:8px 0 12px;font-size:24px;line-height:1.3;color:${INK};${FONT}`}>{edition.subject}</h1>
                      <Paragraphs text={edition.editorial} style={`margin:0 0 14px;font-size:16px;line-height:1.6;color:${INK};${FONT}`} />
                    </td>
                  </tr>
                  {edition.fellBack ? (
                    <tr>
                      <td style={cell}>
                        <p style={`${small};font-style:italic`}>
                          {t('common.fallbackNotice', {
                            language: i18n.languageName(i18n.locale),
                            original: i18n.languageName(edition.locale),
                          })}
                        </p>
                      </td>
                    </tr>
                  ) : null}
                  {edition.sections.map((section) => (
                    <tr>
                      <td style={`${cell};padding-top:8px`}>
                        <h2
                          style={`margin:8px 0 12px;padding-top:12px;border-top:2px solid ${RULE};font-size:20px;line-height:1.3;color:${LINK};${FONT}`}
                        >
                          {t(`newsletter.sections.${section.kind}`)}
                        </h2>
                        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border={0}>
                          {section.items.map((item) => (
                            <MailItem i18n={i18n} item={item} />
                          ))}
                        </table>
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <td
                      style={`padding:16px 24px 20px;text-align:${start};background-color:${BACKDROP};border-top:1px solid ${RULE};${FONT}`}
                    >
                      <p style={small}>
                        <strong style={`color:${INK}`}>{t('common.footer.partnersTitle')}:</strong>{' '}
                        {mail.partners.join(t('common.listSeparator'))}
                      </p>
                      {mail.postalAddress ? <p style={small}>{mail.postalAddress}</p> : null}
                      <p style={small}>{t('newsletter.mail.why', { site: t('common.siteName') })}</p>
                      <p style={small}>
                        <a href={links.preferences} style={smallLink}>
                          {t('newsletter.mail.preferences')}
                        </a>
                        {' · '}
                        <a href={links.unsubscribe} style={smallLink}>
                          {t('newsletter.mail.unsubscribe')}
                        </a>
                      </p>
                    </td>
                  </tr>
                </table>
                {raw('<!--[if mso]></td></tr></table><![endif]-->')}
              </td>
            </tr>
          </table>
        </body>
      </html>
    </>
  );
  return String(html);
}

/** A heading of the plain-text part, underlined so it stands out without markup. */
const heading = (text: string) => [text, '-'.repeat(Math.min(60, Math.max(3, [...text].length)))];

/** The same content as the HTML, as plain text: every link written out, no markup. */
export function editionMailText(mail: EditionMailContent): string {
  const { edition, i18n, links } = mail;
  const { t } = i18n;
  const lines: string[] = [
    `${t('newsletter.mail.masthead', { site: t('common.siteName') })} · ${t('newsletter.edition.number', { number: edition.number })} · ${i18n.formatDate(edition.date)}`,
    `${t('newsletter.mail.webVersion')}: ${links.web}`,
    '',
    ...heading(edition.subject),
    '',
  ];
  if (edition.fellBack) {
    lines.push(t('common.fallbackNotice', { language: i18n.languageName(i18n.locale), original: i18n.languageName(edition.locale) }), '');
  }
  for (const paragraph of paragraphsOf(edition.editorial)) lines.push(...paragraph, '');
  for (const section of edition.sections) {
    lines.push('', ...heading(t(`newsletter.sections.${section.kind}`)), '');
    for (const item of section.items) {
      const marker = languageMarker(i18n, item.locale);
      lines.push(`* ${item.title}${marker ? ` ${marker}` : ''}`);
      if (item.meta) lines.push(`  ${item.meta}`);
      if (item.text) lines.push(...item.text.split('\n').map((line) => `  ${line.trim()}`));
      if (item.url) lines.push(`  ${item.url}`);
      lines.push('');
    }
  }
  lines.push('-- ', `${t('common.footer.partnersTitle')}: ${mail.partners.join(t('common.listSeparator'))}`);
  if (mail.postalAddress) lines.push(mail.postalAddress);
  lines.push(
    t('newsletter.mail.why', { site: t('common.siteName') }),
    `${t('newsletter.mail.preferences')}: ${links.preferences}`,
    `${t('newsletter.mail.unsubscribe')}: ${links.unsubscribe}`,
  );
  return lines.join('\n');
}
