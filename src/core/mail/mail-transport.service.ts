import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '../../platform/db/client.ts';
import { insertOutboxMessage, type OutboxMessage } from './mail.queries.ts';

export type MailTransport = {
  kind: 'outbox' | 'smtp';
  send: (message: OutboxMessage) => Promise<{ messageId: string }>;
  close: () => void;
};

/**
 * Where mail goes: through SMTP when SMTP_URL is set, else into the database outbox (shown at /dev/mail
 * outside production). The outbox keeps bodies; SMTP delivery keeps nothing beyond the job record.
 */
export function createMailTransport(options: { db: Database; smtpUrl?: string; from: string }): MailTransport {
  if (!options.smtpUrl) {
    return {
      kind: 'outbox',
      send: async (message) => {
        const messageId = `<${randomUUID()}@peerpolis.outbox>`;
        await insertOutboxMessage(options.db, message, 'outbox', messageId);
        return { messageId };
      },
      close: () => {},
    };
  }
  const transporter = nodemailer.createTransport(options.smtpUrl);
  return {
    kind: 'smtp',
    send: async (message) => {
      // Reply-To goes through nodemailer's own option, which parses and encodes the address (a raw
      // header would be passed on as it is).
      const { 'Reply-To': replyTo, ...headers } = message.headers;
      const info = await transporter.sendMail({
        from: options.from,
        to: message.to,
        replyTo,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers,
        // Sent as the text/calendar alternative calendar programs recognise as an invitation.
        ...(message.calendar
          ? { icalEvent: { method: message.calendar.method, content: message.calendar.content, filename: 'event.ics' } }
          : {}),
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
