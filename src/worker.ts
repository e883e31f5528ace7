import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './log.ts';
import { pruneAccountData } from './modules/accounts/housekeeping.ts';
import { sendEventReminders } from './modules/events/event-registration.service.ts';
import { pruneExpertChanges } from './modules/experts/expert-index.ts';
import { startWorker, type Worker } from './modules/jobs/jobs.service.ts';
import { mailJobHandlers } from './modules/mail/mail.service.ts';
import { createMailTransport } from './modules/mail/mail.transport.ts';
import { pruneRateLimits } from './modules/rate-limits/rate-limits.service.ts';
import { pruneUploads } from './modules/uploads/uploads.housekeeping.ts';
import { uploadsDir } from './modules/uploads/uploads.service.ts';

/** The background worker: every module's job handlers, plus hourly housekeeping. */
export function startBackgroundWorker(db: Database, config: Config, logger: Logger, intervalMs = 1000): Worker & { transport: string } {
  const transport = createMailTransport({ db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const worker = startWorker(
    db,
    { ...mailJobHandlers(transport) },
    {
      logger,
      intervalMs,
      housekeeping: async () => {
        await pruneAccountData(db);
        await pruneRateLimits(db);
        await pruneUploads(db, uploadsDir(config));
        await pruneExpertChanges(db);
        await sendEventReminders({ db, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
      },
    },
  );
  return {
    transport: transport.kind,
    stop: async () => {
      await worker.stop();
      transport.close();
    },
  };
}
