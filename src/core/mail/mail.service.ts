import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { cleanLine } from '../../platform/ui/line-field.ts';
import { enqueueJob, type JobHandlers, PermanentJobError } from '../jobs/jobs.service.ts';
import { findOutboxMessage, listOutbox, type OutboxMessage } from './mail.queries.ts';
import { type AccountMailTemplate, type AccountMailValues, renderAccountMail } from './mail.templates.tsx';
import type { MailTransport } from './mail-transport.service.ts';

export const SEND_MAIL_JOB = 'send-mail';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** For newsletters: one-click unsubscribe (RFC 8058), shown by mail clients next to the sender. */
  unsubscribeUrl?: string;
  /** Where answers go (a member's address, so only the recipient learns it); the sender stays MAIL_FROM. */
  replyTo?: { name: string; address: string };
  /** An event as an iCalendar invitation (or its cancellation), for calendar programs to add. */
  calendar?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
};

/**
 * `"Name" <address>` for a header: line breaks dropped and quotes escaped, so a member's name can
 * neither add a header nor a second address.
 */
export function formatMailbox(name: string, address: string): string {
  const display = cleanLine(name).replace(/["\\]/g, '\\$&');
  const mailbox = address.replace(/[\s<>"]/g, '');
  return display ? `"${display}" <${mailbox}>` : mailbox;
}

/**
 * Queues a message: mail leaves through the jobs worker, never inside the web request, so a slow or
 * failing SMTP server neither delays a page nor loses the message (it is retried with backoff).
 */
export async function queueMail(db: Database, message: MailMessage): Promise<void> {
  const headers: Record<string, string> = {};
  if (message.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  if (message.replyTo) headers['Reply-To'] = formatMailbox(message.replyTo.name, message.replyTo.address);
  await enqueueJob(db, SEND_MAIL_JOB, {
    to: message.to,
    // Forms clean one-line fields already; a subject built from imported text must not start a header.
    subject: cleanLine(message.subject),
    text: message.text,
    html: message.html,
    headers,
    ...(message.calendar ? { calendar: message.calendar } : {}),
  });
}

export function queueAccountMail(db: Database, to: string, locale: Locale, template: AccountMailTemplate, values: AccountMailValues) {
  return queueMail(db, { to, ...renderAccountMail(locale, template, values) });
}

/** The jobs this module runs, for the worker; each send counted as sent or failed for /metrics. */
export function mailJobHandlers(transport: MailTransport, metrics?: Metrics): JobHandlers {
  return {
    [SEND_MAIL_JOB]: async (payload) => {
      const { to, subject, text, html, headers, calendar } = payload as Record<string, unknown>;
      if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string' || typeof html !== 'string') {
        throw new PermanentJobError('malformed send-mail payload');
      }
      try {
        await transport.send({
          to,
          subject,
          text,
          html,
          headers: (headers as Record<string, string>) ?? {},
          calendar: calendar as OutboxMessage['calendar'],
        });
      } catch (error) {
        // A refused attempt; the queue retries it (peerpolis_jobs_total tells retried from given up).
        metrics?.countMail('single', 'failed');
        throw error;
      }
      metrics?.countMail('single', 'sent');
    },
  };
}

export function listOutboxMessages(db: Database, limit = 50) {
  return listOutbox(db, limit);
}

export function getOutboxMessage(db: Database, id: string) {
  if (!/^\d{1,18}$/.test(id)) return Promise.resolve(undefined);
  return findOutboxMessage(db, id);
}
