import { subscriberLinks, TOKEN_SLOT } from '../newsletter.model.ts';

// Pure rules of sending: which SMTP errors are worth a retry, what a stored error may say, the
// headers of an edition mail, and the per-reader parts put into a version rendered once per language.

/** An edition rendered for one language, with TOKEN_SLOT where each reader's token goes. */
export type RenderedEdition = { subject: string; html: string; text: string; locale: string };

/** A transient failure is tried again this many times in all before the delivery counts as failed. */
export const MAX_ATTEMPTS = 5;

/** 1 min, 2 min, 4 min, 8 min … capped at one hour: a greylisting server asks for a few minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EPROTOCOL']);

/**
 * 4xx answers (a full mailbox, greylisting, a busy server) and broken connections pass; 5xx answers
 * (no such mailbox, refused) do not. Anything else (a message nodemailer cannot build) would fail
 * again the same way, so it is permanent too.
 */
export function isTransientSmtpError(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown } | null;
  if (typeof e?.responseCode === 'number') return e.responseCode >= 400 && e.responseCode < 500;
  return typeof e?.code === 'string' && CONNECTION_CODES.has(e.code);
}

/** SMTP phases (nodemailer's `err.command`) in which the message itself was on its way to the server. */
const MESSAGE_PHASES = new Set(['DATA', 'BDAT', 'MESSAGE']);

/**
 * What a failed send means for the delivery: 'retry' later, 'failed' for good, or 'uncertain' — the
 * connection broke without an answer while or after the message was transferred, so the server may
 * have accepted it, and a retry could deliver it twice. Before that (connecting, MAIL FROM, RCPT TO)
 * nothing was handed over and a retry is safe.
 */
export function smtpFailureKind(error: unknown): 'retry' | 'failed' | 'uncertain' {
  const e = error as { responseCode?: unknown; command?: unknown; messageSent?: unknown } | null;
  const noAnswer = typeof e?.responseCode !== 'number';
  // `messageSent`: the newsletter transport saw the message stream read (nodemailer says 'CONN' then).
  const inMessage = e?.messageSent === true || (typeof e?.command === 'string' && MESSAGE_PHASES.has(e.command.toUpperCase()));
  if (noAnswer && inMessage) return 'uncertain';
  return isTransientSmtpError(error) ? 'retry' : 'failed';
}

/**
 * What the delivery row keeps of an error: the server's answer without any address in it (a 550 often
 * quotes the recipient), one line, short.
 */
export function describeSmtpError(error: unknown): string {
  const e = error as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown } | null;
  const text = typeof e?.response === 'string' ? e.response : typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${text}`
    .replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[address]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export type MailHeaders = Record<string, string>;

/**
 * RFC 8058 one-click unsubscribe (plus the mailto: form when the network reads such a mailbox),
 * RFC 2919 List-Id, and Precedence: bulk so auto-responders stay quiet.
 */
export function editionHeaders(options: { baseUrl: string; locale: string; token: string; unsubscribeMailto?: string }): MailHeaders {
  const links = subscriberLinks(options.baseUrl, options.locale, options.token);
  const mailto = options.unsubscribeMailto ? `, <mailto:${options.unsubscribeMailto}?subject=unsubscribe>` : '';
  return {
    'List-Unsubscribe': `<${links.unsubscribe}>${mailto}`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `Newsletter <newsletter.${hostOf(options.baseUrl)}>`,
    Precedence: 'bulk',
  };
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** The reader's own mail: their token where the slot is (letters only, so no encoding changed it). */
export function personalize(rendered: RenderedEdition, token: string): RenderedEdition {
  const put = (s: string) => s.split(TOKEN_SLOT).join(token);
  return { subject: put(rendered.subject), html: put(rendered.html), text: put(rendered.text), locale: rendered.locale };
}

/**
 * A Message-ID made from the delivery: the same delivery always carries the same id, so a receiving
 * system (and the benchmark) can tell a second copy, and nothing in it names the reader.
 */
export function deliveryMessageId(editionId: number, deliveryId: string, baseUrl: string): string {
  return `<newsletter-${editionId}-${deliveryId}@${hostOf(baseUrl)}>`;
}
