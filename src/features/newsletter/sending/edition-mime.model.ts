import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import type { MailHeaders } from './delivery.model.ts';

// An edition mail as the bytes SMTP carries (RFC 5322 + MIME), composed here rather than by nodemailer's
// composer: that one re-parses and quoted-printable-encodes the same HTML for every reader in
// JavaScript (about 350 mails a second on one core), while the only per-reader part is the token.
// Bodies are base64 (Node's native encoder), headers encoded and folded with nodemailer's own
// functions, so non-ASCII subjects and names (Arabic, German) come out as its composer would write them.

export type ComposedMail = { envelope: { from: string; to: string[] }; raw: string };

const CRLF = '\r\n';

/** A header line: non-ASCII as RFC 2047 encoded words, folded at 76 characters, no line break smuggled in. */
function header(name: string, value: string, encode = true): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  return foldLines(`${name}: ${encode ? encodeWords(clean, 'B', 52) : clean}`, 76);
}

/** "Name <address>" of MAIL_FROM: the name encoded when it needs it, the address as it is. */
export function parseMailbox(mailbox: string): { name: string; address: string } {
  const first = addressparser(mailbox)[0] as { name?: string; address?: string } | undefined;
  return { name: first?.name ?? '', address: first?.address ?? mailbox.trim() };
}

function formatMailbox(mailbox: { name: string; address: string }): string {
  if (!mailbox.name) return mailbox.address;
  const name = /^[\x20-\x7e]*$/.test(mailbox.name) ? `"${mailbox.name.replace(/["\\]/g, '\\$&')}"` : encodeWords(mailbox.name, 'B', 52);
  return `${name} <${mailbox.address}>`;
}

function base64Lines(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('base64')
    .replace(/.{76}(?=.)/g, `$&${CRLF}`);
}

/** RFC 5322 date in UTC ("Fri, 04 Dec 2026 23:52:26 +0000"). */
function mailDate(now: Date): string {
  return now.toUTCString().replace(/GMT$/, '+0000');
}

export function composeEditionMail(mail: {
  from: { name: string; address: string };
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: MailHeaders;
  messageId: string;
  now?: Date;
}): ComposedMail {
  const boundary = `----=_peerpolis_${randomBytes(12).toString('hex')}`;
  const lines = [
    header('From', formatMailbox(mail.from), false),
    header('To', mail.to, false),
    header('Subject', mail.subject),
    header('Date', mailDate(mail.now ?? new Date()), false),
    header('Message-ID', mail.messageId, false),
    ...Object.entries(mail.headers).map(([name, value]) => header(name, value)),
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative;',
    ` boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.html),
    `--${boundary}--`,
    '',
  ];
  return { envelope: { from: mail.from.address, to: [mail.to] }, raw: lines.join(CRLF) };
}
