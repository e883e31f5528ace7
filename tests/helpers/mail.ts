import { runDueJobs } from '../../src/core/jobs/jobs.service.ts';
import { mailJobHandlers } from '../../src/core/mail/mail.service.ts';
import { createMailTransport } from '../../src/core/mail/mail-transport.service.ts';
import type { Database } from '../../src/platform/db/client.ts';

/** Runs the queued jobs once, delivering mail into the outbox, as the worker would. */
export async function deliverQueuedMail(db: Database): Promise<void> {
  const transport = createMailTransport({ db, from: 'Peerpolis <no-reply@localhost>' });
  await runDueJobs(db, mailJobHandlers(transport), { workerId: 'test', limit: 100 });
}

/** The newest outbox message to an address, after delivering what is queued. */
export async function lastMailTo(db: Database, to: string) {
  await deliverQueuedMail(db);
  return db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirst();
}

export function linkIn(text: string | undefined, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  const url = new URL(match[0]);
  return url.pathname + url.search;
}

/** Every outbox message to an address, after delivering what is queued (delivery order is not queue order on PostgreSQL). */
export async function mailsTo(db: Database, to: string) {
  await deliverQueuedMail(db);
  return db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();
}
