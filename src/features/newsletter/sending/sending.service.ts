import { enqueueJob } from '../../../core/jobs/jobs.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { changeEditionStatus, findEditionById, updateEdition } from '../editions/editions.queries.ts';
import { editionProblems, loadEditionById } from '../editions/editions.service.ts';
import * as q from './deliveries.queries.ts';

// The editors' (and the CLI's) use cases of a send: start now or at a time, pause, resume, cancel,
// and send the uncertain deliveries deliberately. Each is one transaction; the mails themselves leave
// through the sender loop (sender.service.ts), run by the `newsletter-send` job or the CLI.

export const NEWSLETTER_SEND_JOB = 'newsletter-send';
export const NEWSLETTER_START_JOB = 'newsletter-start';

export type StartOutcome = { ok: true; recipients: number } | { ok: false; reason: 'not-found' | 'not-ready' };

class Refused extends Error {}

/**
 * Starts the send of a ready (or scheduled) edition: 'sending', and one queued delivery per reader of
 * the audience, all in one transaction, so every row exists before the first mail leaves and a crash
 * can neither leave anyone out nor half-start the send.
 */
export async function startSending(db: Database, editionId: number, now = new Date()): Promise<StartOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      // The status change first: it locks the edition, so an editor's last change and this start queue up.
      const moved = await changeEditionStatus(trx, editionId, ['ready', 'scheduled'], 'sending', { sendingStartedAt: now });
      if (!moved) throw new Refused((await findEditionById(trx, editionId)) ? 'not-ready' : 'not-found');
      const edition = await loadEditionById(trx, editionId);
      if (!edition || editionProblems(edition).length > 0) throw new Refused('not-ready');
      const recipients = await q.insertAudienceDeliveries(trx, editionId, edition.audience);
      await enqueueJob(trx, NEWSLETTER_SEND_JOB, { editionId });
      return { ok: true as const, recipients };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message as 'not-found' | 'not-ready' };
    throw error;
  }
}

/** A ready edition goes out at `at` (a job starts it then, if it is still scheduled for that time). */
export async function scheduleSending(db: Database, editionId: number, at: Date, timeZone: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const edition = await loadEditionById(trx, editionId);
    if (!edition || editionProblems(edition).length > 0) return false;
    if (!(await changeEditionStatus(trx, editionId, ['ready', 'scheduled'], 'scheduled', { scheduledAt: at }))) return false;
    await updateEdition(trx, editionId, { timeZone });
    await enqueueJob(trx, NEWSLETTER_START_JOB, { editionId, at: at.toISOString() }, { runAt: at });
    return true;
  });
}

/** Back to ready: the job scheduled for it finds it no longer scheduled and does nothing. */
export function unscheduleSending(db: Database, editionId: number): Promise<boolean> {
  return db.transaction().execute((trx) => changeEditionStatus(trx, editionId, ['scheduled'], 'ready', { scheduledAt: null }));
}

/**
 * A ready edition that already went out elsewhere (a past edition migrated with `import`, or one sent
 * with another tool) joins the public archive as sent on its own date, without a single mail.
 */
export async function archiveWithoutSending(db: Database, editionId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const edition = await findEditionById(trx, editionId);
    if (!edition) return false;
    return changeEditionStatus(trx, editionId, ['ready'], 'sent', { sentAt: new Date(`${edition.edition_date}T12:00:00Z`) });
  });
}

/** The `newsletter-start` job: starts the send if the edition is still scheduled for this very time. */
export async function startScheduledSending(db: Database, editionId: number, at: Date, now = new Date()) {
  const edition = await findEditionById(db, editionId);
  if (edition?.status !== 'scheduled' || edition.scheduled_at?.getTime() !== at.getTime()) return null;
  return startSending(db, editionId, now);
}

/** Senders take no new deliveries; the mails already handed to SMTP finish. */
export function pauseSending(db: Database, editionId: number): Promise<boolean> {
  return db.transaction().execute((trx) => changeEditionStatus(trx, editionId, ['sending'], 'paused'));
}

export function resumeSending(db: Database, editionId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await changeEditionStatus(trx, editionId, ['paused'], 'sending'))) return false;
    await enqueueJob(trx, NEWSLETTER_SEND_JOB, { editionId });
    return true;
  });
}

/** Nobody else gets it: what is still queued is cancelled (what a sender holds finishes or is released as cancelled). */
export function cancelSending(db: Database, editionId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await changeEditionStatus(trx, editionId, ['sending', 'paused'], 'cancelled'))) return false;
    await q.cancelQueuedDeliveries(trx, editionId);
    return true;
  });
}

/**
 * The editor's button: the uncertain deliveries (a sender died while they were in flight) are sent,
 * knowing some readers may get the edition twice. A finished send is under way again until they are out.
 */
export function resendUncertain(db: Database, editionId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const edition = await findEditionById(trx, editionId);
    if (!edition || !['sending', 'paused', 'sent'].includes(edition.status)) return 0;
    const count = await q.requeueUncertain(trx, editionId);
    if (count === 0) return 0;
    if (edition.status === 'sent') await changeEditionStatus(trx, editionId, ['sent'], 'sending');
    if (edition.status !== 'paused') await enqueueJob(trx, NEWSLETTER_SEND_JOB, { editionId });
    return count;
  });
}

/**
 * A send no job carries on any more (its worker was killed, or the job ran out of attempts) is queued
 * again: at worker start and hourly. Without it the edition would wait ten minutes for the dead job's
 * release, or stay 'sending' for ever. Returns the editions picked up.
 */
export function resumeStalledSends(db: Database): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    // A job slice lasts 30 s; a running one claimed two minutes ago is a dead worker's.
    const ids = await q.lockSendingEditionsWithoutJob(trx, NEWSLETTER_SEND_JOB, 120);
    for (const editionId of ids) await enqueueJob(trx, NEWSLETTER_SEND_JOB, { editionId });
    return ids;
  });
}

/** The send is over when nothing is queued or in a sender's hands: the edition is sent. */
export function finishSending(db: Database, editionId: number, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (await q.hasOpenDeliveries(trx, editionId)) return false;
    return changeEditionStatus(trx, editionId, ['sending'], 'sent', { sentAt: now });
  });
}

export type SendingProgress = q.DeliveryCounts & {
  /** Mails a second over the last minute. */
  ratePerSecond: number;
  /** Seconds until the queue is empty at that rate; null when nothing moves. */
  secondsLeft: number | null;
};

export async function sendingProgress(db: Database, editionId: number): Promise<SendingProgress> {
  const [counts, pace] = await Promise.all([q.countDeliveries(db, editionId), q.sendingPace(db, editionId, 60)]);
  const ratePerSecond = Math.round((pace.recent / 60) * 10) / 10;
  const left = counts.queued + counts.sending;
  return { ...counts, ratePerSecond, secondsLeft: left > 0 && ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : null };
}

export function countEditionDeliveries(db: Database, editionId: number) {
  return q.countDeliveries(db, editionId);
}
