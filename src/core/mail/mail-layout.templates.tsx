import { raw } from 'hono/html';
import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';

// Every mail the platform sends is built here: one frame, and one way to write each kind of block in
// both parts (plain text for the clients that show it, HTML for the rest). Light, accessible HTML: one
// column, system fonts, real text (no images), links also written out, lang/dir for Arabic. Inline
// styles only, since many mail clients drop <style>.

export type RenderedMail = { subject: string; text: string; html: string };

const BODY =
  'margin:0;padding:24px;background:#f2f5f8;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1c2430;line-height:1.6';
const CARD = 'max-width:36rem;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px';
const BUTTON =
  'display:inline-block;padding:12px 20px;background:#0b5c8c;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600';
const QUOTE = 'margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #0b5c8c;background:#f2f5f8;white-space:pre-wrap';
const FOOTER = 'max-width:36rem;margin:16px auto 0;font-size:13px;color:#4a5565';

/** A part of a mail's body, in reading order. */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** Text someone typed (a comment, a relayed message): quoted as typed, its direction its own. */
  | { kind: 'quote'; text: string }
  /** A line in bold whose direction is its own (the sender's subject line). */
  | { kind: 'strong'; text: string }
  /** The mail's one button; `fallback` writes the address out under it for clients that hide buttons. */
  | { kind: 'action'; label: string; url: string; fallback?: boolean }
  | { kind: 'link'; label: string; url: string };

export function renderMail(locale: Locale, mail: { subject: string; blocks: MailBlock[]; footer: string }): RenderedMail {
  const { t, dir } = getI18n(locale);
  // One line, whatever the texts hold: a line break would end the header.
  const subject = mail.subject.replace(/\s+/g, ' ');
  const text = [...mail.blocks.flatMap(textOf), '--', mail.footer].join('\n');
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
          <div style={CARD}>{mail.blocks.map((b) => htmlOf(b, t('mail.linkFallback')))}</div>
          <p style={FOOTER}>{mail.footer}</p>
        </body>
      </html>
    </>
  );
  return { subject, text, html: String(html) };
}

/** The block's lines in the plain-text part, each block followed by an empty line. */
function textOf(block: MailBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'strong':
      return [block.text, ''];
    case 'quote':
      return [...block.text.split('\n').map((l) => `> ${l}`), ''];
    case 'action':
    case 'link':
      return [`${block.label}: ${block.url}`, ''];
  }
}

function htmlOf(block: MailBlock, fallback: string) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'strong':
      return (
        <p dir="auto">
          <strong>{block.text}</strong>
        </p>
      );
    case 'quote':
      return (
        <blockquote dir="auto" style={QUOTE}>
          {block.text}
        </blockquote>
      );
    case 'action':
      return (
        <>
          <p>
            <a href={block.url} style={BUTTON}>
              {block.label}
            </a>
          </p>
          {block.fallback ? (
            <p style="font-size:14px;color:#4a5565">
              {fallback}
              <br />
              <a href={block.url} style="color:#0b5c8c;word-break:break-all">
                {block.url}
              </a>
            </p>
          ) : null}
        </>
      );
    case 'link':
      return (
        <p>
          <a href={block.url}>{block.label}</a>
        </p>
      );
  }
}
