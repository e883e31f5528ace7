import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database, Engine } from '../../../platform/db/client.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import { findEditionById } from '../editions/editions.queries.ts';
import { type Edition, loadEditionById } from '../editions/editions.service.ts';
import { type NewsletterItemSource, TOKEN_SLOT } from '../newsletter.model.ts';
import * as q from './deliveries.queries.ts';
import {
  deliveryMessageId,
  describeSmtpError,
  editionHeaders,
  MAX_ATTEMPTS,
  personalize,
  type RenderedEdition,
  retryDelaySeconds,
  smtpFailureKind,
} from './delivery.model.ts';
import type { NewsletterTransport } from './newsletter-transport.service.ts';
import { finishSending } from './sending.service.ts';

// The sender loop: claims a batch of deliveries, hands each mail to the SMTP pool with `concurrency`
// in flight, and marks them sent in small groups. A delivery is 'sending' from its claim until it is
// marked; if the process dies in between, the next sender finds it held by a dead sender and marks it
// 'uncertain' instead of sending it again. So nobody gets an edition twice by itself, and the mails
// that may be missing are at most one batch plus one unflushed group.

export type RenderEdition = (
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  edition: Edition,
  readerLocale: string,
  options: { baseUrl: string; postalAddress: string; token: string },
) => Promise<RenderedEdition>;

export type SenderOptions = {
  db: Database;
  engine: Engine;
  /** The serving process's counters (/metrics): each delivery counted as sent or failed. */
  metrics?: Metrics;
  transport: NewsletterTransport;
  render: RenderEdition;
  sources: Map<string, NewsletterItemSource>;
  baseUrl: string;
  postalAddress: string;
  unsubscribeMailto?: string;
  editionId: number;
  /** Deliveries claimed at once (default: about one second of mail at `rate`, 10 to 500). */
  batchSize?: number;
  /** Messages handed to the transport at once (default 20). */
  concurrency?: number;
  rate?: number;
  /** Stop claiming after this time (epoch ms): the job's bounded run. */
  until?: number;
  /** Wait for retries that are not yet due and for other senders (the CLI); else return 'waiting'. */
  waitForRetries?: boolean;
  /** A sender whose heartbeat is older than this is dead (PostgreSQL; default 30). */
  staleSeconds?: number;
  retryDelay?: (attempts: number) => number;
  maxAttempts?: number;
  signal?: AbortSignal;
};

export type SenderResult = { outcome: 'done' | 'paused' | 'cancelled' | 'time-up' | 'waiting' | 'stopped'; nextDueAt: Date | null };

/** The senders running in this process: on PGlite (one process only) every other sender is dead. */
const aliveHere = new Set<string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * About one second of mail (10 to 500): a pause takes effect within a second or so, and a crash leaves
 * at most this many deliveries uncertain (the in-flight window).
 */
export function defaultBatchSize(rate: number): number {
  return Math.max(10, Math.min(500, Math.round(rate)));
}

export function newSenderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Groups of sent deliveries written at once: every `size` marks or `ms` milliseconds. */
export function sentMarker(markSent: (ids: string[]) => Promise<void>, size = 100, ms = 100) {
  let pending: string[] = [];
  let chain: Promise<void> = Promise.resolve();
  // One write at a time, each taking what is pending when its turn comes. A failed write is reported
  // to its caller (the timer's is not), and its ids go back to the list for the next flush: dropped,
  // they would stay 'sending' under a live sender for ever (never uncertain, never sent).
  const flush = (): Promise<void> => {
    const write = chain.then(async () => {
      if (pending.length === 0) return;
      const ids = pending;
      pending = [];
      try {
        await markSent(ids);
      } catch (error) {
        pending.push(...ids);
        throw error;
      }
    });
    chain = write.catch(() => {});
    return write;
  };
  const timer = setInterval(() => void flush().catch(() => {}), ms);
  return {
    add: (id: string) => {
      pending.push(id);
      if (pending.length >= size) void flush().catch(() => {});
    },
    flush,
    close: async () => {
      clearInterval(timer);
      // Also writes what failed before; what still fails now is the caller's error.
      await flush();
    },
  };
}

export async function runSender(options: SenderOptions): Promise<SenderResult> {
  const { db, editionId } = options;
  const senderId = newSenderId();
  const concurrency = options.concurrency ?? 20;
  const batchSize = options.batchSize ?? defaultBatchSize(options.rate ?? 100);
  const retryDelay = options.retryDelay ?? retryDelaySeconds;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  aliveHere.add(senderId);
  await q.upsertSenderHeartbeat(db, senderId);
  const heartbeat = setInterval(() => void q.upsertSenderHeartbeat(db, senderId).catch(() => {}), 5000);
  const marker = sentMarker((ids) => q.markDeliveriesSent(db, senderId, ids));
  const versions = new Map<string, Promise<RenderedEdition>>();
  try {
    const edition = await loadEditionById(db, editionId);
    if (!edition) return { outcome: 'stopped', nextDueAt: null };
    // Each language is rendered once per run; the readers' tokens go into copies of it.
    const versionIn = (locale: string) => {
      let version = versions.get(locale);
      if (!version) {
        version = options.render(db, options.sources, edition, locale, {
          baseUrl: options.baseUrl,
          postalAddress: options.postalAddress,
          token: TOKEN_SLOT,
        });
        versions.set(locale, version);
      }
      return version;
    };
    const sendOne = async (d: q.ClaimedDelivery) => {
      let version: RenderedEdition;
      try {
        version = personalize(await versionIn(d.locale), d.token);
      } catch (error) {
        // Not sent: back to the queue, and the run stops (a renderer that fails once fails for all).
        await q.releaseDeliveries(db, senderId, [d.id]);
        throw error;
      }
      try {
        await options.transport.send({
          to: d.email,
          subject: version.subject,
          html: version.html,
          text: version.text,
          headers: editionHeaders({
            baseUrl: options.baseUrl,
            locale: d.locale,
            token: d.token,
            unsubscribeMailto: options.unsubscribeMailto,
          }),
          messageId: deliveryMessageId(editionId, d.id, options.baseUrl),
        });
        marker.add(d.id);
        options.metrics?.countMail('newsletter', 'sent');
      } catch (error) {
        options.metrics?.countMail('newsletter', 'failed');
        const message = describeSmtpError(error);
        const kind = smtpFailureKind(error);
        if (kind === 'uncertain') await q.markDeliveryUncertain(db, senderId, d.id, message);
        else if (kind === 'retry' && d.attempts + 1 < maxAttempts) {
          await q.requeueDeliveryLater(db, senderId, d.id, message, retryDelay(d.attempts + 1));
        } else await q.markDeliveryFailed(db, senderId, d.id, message);
      }
    };
    while (true) {
      await q.markOrphansUncertain(db, editionId, {
        staleSeconds: options.staleSeconds ?? 30,
        ...(options.engine === 'pglite' ? { aliveOnly: [...aliveHere] } : {}),
      });
      const status = (await findEditionById(db, editionId))?.status;
      if (status === 'cancelled') {
        await q.cancelQueuedDeliveries(db, editionId);
        return { outcome: 'cancelled', nextDueAt: null };
      }
      if (status !== 'sending') return { outcome: status === 'paused' ? 'paused' : 'stopped', nextDueAt: null };
      if (options.signal?.aborted) return { outcome: 'stopped', nextDueAt: null };
      if (options.until !== undefined && Date.now() >= options.until) return { outcome: 'time-up', nextDueAt: null };
      const batch = await q.claimDeliveries(db, editionId, senderId, batchSize);
      if (batch.length === 0) {
        await marker.flush();
        if (await finishSending(db, editionId)) return { outcome: 'done', nextDueAt: null };
        if (!(await q.hasOpenDeliveries(db, editionId))) continue;
        const pace = await q.sendingPace(db, editionId, 1);
        if (!options.waitForRetries) return { outcome: 'waiting', nextDueAt: pace.next_due };
        const wait = pace.next_due ? pace.next_due.getTime() - Date.now() : 1000;
        await sleep(Math.max(50, Math.min(1000, wait)));
        continue;
      }
      await sendBatch(batch, concurrency, sendOne, options.signal, (rest) => q.releaseDeliveries(db, senderId, rest));
      // Marked before the next claim: what a crash can leave uncertain is never more than one batch.
      await marker.flush();
    }
  } finally {
    clearInterval(heartbeat);
    try {
      await marker.close();
    } finally {
      aliveHere.delete(senderId);
      await q.deleteSender(db, senderId);
    }
  }
}

/** `concurrency` mails at a time; on abort or error, what was not handed over yet is released unsent. */
async function sendBatch(
  batch: q.ClaimedDelivery[],
  concurrency: number,
  sendOne: (d: q.ClaimedDelivery) => Promise<void>,
  signal: AbortSignal | undefined,
  release: (ids: string[]) => Promise<void>,
) {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (next < batch.length && !signal?.aborted && !failure) {
      const delivery = batch[next++] as q.ClaimedDelivery;
      try {
        await sendOne(delivery);
      } catch (error) {
        failure = { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
  if (next < batch.length) await release(batch.slice(next).map((d) => d.id));
  if (failure) throw (failure as { error: unknown }).error;
}
