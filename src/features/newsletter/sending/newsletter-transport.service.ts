import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { createMailTransport } from '../../../core/mail/mail-transport.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { MailHeaders } from './delivery.model.ts';
import { composeEditionMail, parseMailbox } from './edition-mime.model.ts';

// How edition mails leave: a pool of SMTP connections held open for the whole send (a new connection
// per message would cost a TLS handshake each), at most `rate` messages a second; or, without
// SMTP_URL (development), the database outbox shown at /dev/mail.

export type EditionMail = { to: string; subject: string; html: string; text: string; headers: MailHeaders; messageId: string };

export type NewsletterTransport = {
  kind: 'smtp' | 'outbox';
  send: (mail: EditionMail) => Promise<void>;
  close: () => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces messages out to `perSecond`: each takes the next free slot. Slots shorter than a timer tick
 * are not waited for one by one; the debt is paid once it adds up to a millisecond or more.
 */
export function rateLimiter(perSecond: number): () => Promise<void> {
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = performance.now();
    const slot = Math.max(now, next);
    next = slot + interval;
    if (slot - now >= 1) await sleep(slot - now);
  };
}

export function createNewsletterTransport(options: {
  db: Database;
  smtpUrl?: string;
  from: string;
  connections: number;
  rate: number;
}): NewsletterTransport {
  if (!options.smtpUrl) {
    const outbox = createMailTransport({ db: options.db, from: options.from });
    return {
      kind: 'outbox',
      send: async (mail) => {
        await outbox.send({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers });
      },
      close: () => outbox.close(),
    };
  }
  const pool = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.connections,
    // Servers close long sessions; a fresh connection every thousand messages stays under their limits.
    maxMessages: 1000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  // nodemailer reports a connection lost during DATA like one lost before it (command 'CONN'). The pool
  // reads the message stream only once the server said 354, so a stream already read tells that the
  // message was on its way: that failure is tagged `messageSent` (uncertain, see smtpFailureKind).
  pool.use('stream', (mail, done) => {
    const watch = (mail.data as { watchMessage?: (stream: Readable) => void }).watchMessage;
    const message = mail.message as unknown as { createReadStream: () => Readable } | undefined;
    if (watch && message) {
      const create = message.createReadStream.bind(message);
      message.createReadStream = () => {
        const stream = create();
        watch(stream);
        return stream;
      };
    }
    done();
  });
  const slot = rateLimiter(options.rate);
  const from = parseMailbox(options.from);
  return {
    kind: 'smtp',
    send: async (mail) => {
      await slot();
      const composed = composeEditionMail({ ...mail, from });
      let stream: Readable | undefined;
      try {
        await pool.sendMail({
          envelope: composed.envelope,
          raw: composed.raw,
          watchMessage: (s: Readable) => {
            stream = s;
          },
        } as Parameters<typeof pool.sendMail>[0]);
      } catch (error) {
        if (stream?.readableDidRead && error instanceof Error) Object.assign(error, { messageSent: true });
        throw error;
      }
    },
    close: () => pool.close(),
  };
}
