import { z } from 'zod';
import { enqueueJob } from '../../../core/jobs/jobs.service.ts';
import type { Config } from '../../../platform/config.ts';
import type { Database, Engine } from '../../../platform/db/client.ts';
import type { Extensions } from '../../../platform/extension.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { BackgroundContext, JobContribution } from '../../../platform/module.ts';
import { itemSourcesByKind } from '../item-sources.ts';
import { renderEditionMail } from '../render/edition-mail.service.ts';
import { createNewsletterTransport, type NewsletterTransport } from './newsletter-transport.service.ts';
import { type RenderEdition, runSender, type SenderOptions } from './sender.service.ts';
import { NEWSLETTER_SEND_JOB, NEWSLETTER_START_JOB, resumeStalledSends, startScheduledSending } from './sending.service.ts';

// The worker's part: `newsletter-send` runs the sender loop for a bounded time and queues itself again
// while work remains (so one long send never holds a worker for an hour, and a restart picks it up);
// `newsletter-start` starts a scheduled send. Several processes may run both at once.

/** How long one `newsletter-send` job sends before it makes room for other jobs. */
export const SEND_SLICE_MS = 30_000;

const sendPayload = z.object({ editionId: z.number().int().positive() });
const startPayload = z.object({ editionId: z.number().int().positive(), at: z.iso.datetime().transform((s) => new Date(s)) });

export const engineOf = (config: Config): Engine => (config.DATABASE_URL ? 'postgres' : 'pglite');

/** What every sender of this process shares: the pool, the renderer and the settings from the environment. */
export function senderSettings(
  ctx: { db: Database; config: Config; extensions: Extensions; engine: Engine; metrics?: Metrics },
  transport: NewsletterTransport,
  render: RenderEdition = renderEditionMail,
): Omit<SenderOptions, 'editionId'> {
  return {
    db: ctx.db,
    engine: ctx.engine,
    ...(ctx.metrics ? { metrics: ctx.metrics } : {}),
    transport,
    render,
    sources: itemSourcesByKind(ctx.extensions),
    baseUrl: ctx.config.BASE_URL,
    postalAddress: ctx.config.POSTAL_ADDRESS ?? '',
    ...(ctx.config.NEWSLETTER_UNSUBSCRIBE_MAILTO ? { unsubscribeMailto: ctx.config.NEWSLETTER_UNSUBSCRIBE_MAILTO } : {}),
    rate: ctx.config.NEWSLETTER_RATE,
    concurrency: ctx.config.NEWSLETTER_CONNECTIONS * 4,
  };
}

export function newsletterTransportFor(db: Database, config: Config): NewsletterTransport {
  return createNewsletterTransport({
    db,
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    connections: config.NEWSLETTER_CONNECTIONS,
    rate: config.NEWSLETTER_RATE,
  });
}

export function sendingJobs(ctx: BackgroundContext, render?: RenderEdition): JobContribution {
  const transport = newsletterTransportFor(ctx.db, ctx.config);
  const settings = senderSettings({ ...ctx, engine: engineOf(ctx.config) }, transport, render);
  return {
    handlers: {
      [NEWSLETTER_SEND_JOB]: async (payload) => {
        const { editionId } = sendPayload.parse(payload);
        const result = await runSender({ ...settings, editionId, until: Date.now() + SEND_SLICE_MS });
        if (result.outcome === 'time-up') await enqueueJob(ctx.db, NEWSLETTER_SEND_JOB, { editionId });
        // Retries not yet due, or deliveries in another sender's hands: look again when due (or soon).
        if (result.outcome === 'waiting') {
          const due = result.nextDueAt?.getTime() ?? Date.now() + 5000;
          await enqueueJob(ctx.db, NEWSLETTER_SEND_JOB, { editionId }, { runAt: new Date(Math.max(due, Date.now() + 1000)) });
        }
      },
      [NEWSLETTER_START_JOB]: async (payload) => {
        const { editionId, at } = startPayload.parse(payload);
        await startScheduledSending(ctx.db, editionId, at);
      },
    },
    describe: { newsletter: `${transport.kind}, ${ctx.config.NEWSLETTER_RATE}/s, ${ctx.config.NEWSLETTER_CONNECTIONS} connections` },
    close: () => transport.close(),
  };
}

/**
 * The worker's contribution, started: a send whose job died with the last worker (kill -9, or out of
 * attempts) goes on now, not ten minutes later when the dead job is released. In the background: the
 * worker need not wait for it, and the hourly housekeeping tries again if it fails.
 */
export function startedSendingJobs(ctx: BackgroundContext): JobContribution & { resumed: Promise<number[]> } {
  const resumed = resumeStalledSends(ctx.db).catch((err) => {
    ctx.logger.error({ err }, 'resuming stalled newsletter sends failed');
    return [];
  });
  return { ...sendingJobs(ctx), resumed };
}
