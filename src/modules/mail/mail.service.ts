import type { Database } from '../../db/client.ts';
import type { Locale } from '../../i18n/locales.ts';
import { enqueueJob, type JobHandlers, PermanentJobError } from '../jobs/jobs.service.ts';
import { findOutboxMessage, listOutbox } from './mail.queries.ts';
import { type AccountMailTemplate, type AccountMailValues, renderAccountMail } from './mail.templates.tsx';
import type { MailTransport } from './mail.transport.ts';

export const SEND_MAIL_JOB = 'send-mail';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** For newsletters: one-click unsubscribe (RFC 8058), shown by mail clients next to the sender. */
  unsubscribeUrl?: string;
};

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
  await enqueueJob(db, SEND_MAIL_JOB, { to: message.to, subject: message.subject, text: message.text, html: message.html, headers });
}

export function queueAccountMail(db: Database, to: string, locale: Locale, template: AccountMailTemplate, values: AccountMailValues) {
  return queueMail(db, { to, ...renderAccountMail(locale, template, values) });
}

/** The jobs this module runs, for the worker. */
export function mailJobHandlers(transport: MailTransport): JobHandlers {
  return {
    [SEND_MAIL_JOB]: async (payload) => {
      const { to, subject, text, html, headers } = payload as Record<string, unknown>;
      if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string' || typeof html !== 'string') {
        throw new PermanentJobError('malformed send-mail payload');
      }
      await transport.send({ to, subject, text, html, headers: (headers as Record<string, string>) ?? {} });
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
