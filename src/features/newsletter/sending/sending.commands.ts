import { z } from 'zod';
import { loadConfig } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CliCommand } from '../../../platform/module.ts';
import { findEditionByNumber } from '../editions/editions.queries.ts';
import type { DeliveryCounts } from './deliveries.queries.ts';
import { runSender } from './sender.service.ts';
import { countEditionDeliveries, resumeSending, startSending } from './sending.service.ts';
import { newsletterTransportFor, senderSettings } from './sending-jobs.service.ts';

// `npm run cli -- newsletter send NUMBER [--json]`: sends an edition from this process (starts it if
// ready, or resumes an interrupted send), with a progress bar on standard error. Exit 0 when every
// delivery is sent, failed or uncertain; the last line with --json is the summary for scripts.

const USAGE = 'npm run cli -- newsletter send NUMBER [--json]';
const sendArgs = z.tuple([z.literal('send'), z.coerce.number().int().positive()]);

function bar(counts: DeliveryCounts, startedAt: number, sentAtStart: number): string {
  const done = counts.sent + counts.failed + counts.uncertain + counts.cancelled;
  const share = counts.total ? done / counts.total : 1;
  const width = 30;
  const filled = Math.round(share * width);
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? (counts.sent - sentAtStart) / seconds : 0;
  const left = rate > 0 ? `, ${Math.ceil((counts.queued + counts.sending) / rate)} s left` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done}/${counts.total} · ${Math.round(rate)}/s · ${counts.failed} failed, ${counts.uncertain} uncertain${left}`;
}

/** Redraws one line on a terminal; elsewhere (a log file) a line every few seconds. */
function progressReporter(db: Database, editionId: number) {
  const tty = process.stderr.isTTY;
  const startedAt = Date.now();
  let sentAtStart: number | null = null;
  let busy = false;
  const draw = async (final = false) => {
    if (busy && !final) return;
    busy = true;
    try {
      const counts = await countEditionDeliveries(db, editionId);
      sentAtStart ??= counts.sent;
      const line = bar(counts, startedAt, sentAtStart);
      process.stderr.write(tty ? `\r${line}\u001b[K${final ? '\n' : ''}` : `${line}\n`);
    } catch {
      // The display must never stop the send.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void draw(), tty ? 250 : 5000);
  return {
    stop: async () => {
      clearInterval(timer);
      await draw(true);
    },
  };
}

export const newsletterCommand: CliCommand = {
  summary: `send an edition (or resume its interrupted send) with SMTP_URL: ${USAGE}`,
  run: async (args, ctx) => {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
    const parsed = sendArgs.safeParse(args.filter((a) => !a.startsWith('--')));
    if (unknown.length || !parsed.success) throw new Error(`usage: ${USAGE}`);
    const number = parsed.data[1];
    const config = loadConfig();
    await ctx.withDatabase(async (db, engine) => {
      const edition = await findEditionByNumber(db, number);
      if (!edition) throw new Error(`there is no edition No. ${number}`);
      if (edition.status === 'ready' || edition.status === 'scheduled') {
        const started = await startSending(db, edition.id);
        if (!started.ok) throw new Error(`edition No. ${number} is not ready to send (see its page in the editor)`);
        console.error(`Edition No. ${number}: ${started.recipients} recipients.`);
      } else if (edition.status === 'paused') {
        await resumeSending(db, edition.id);
        console.error(`Edition No. ${number} was paused: resumed.`);
      } else if (edition.status === 'draft' || edition.status === 'cancelled') {
        throw new Error(`edition No. ${number} is ${edition.status === 'draft' ? 'a draft, not ready to send' : 'cancelled'}`);
      }
      const transport = newsletterTransportFor(db, config);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const progress = progressReporter(db, edition.id);
      let outcome: string;
      try {
        const settings = senderSettings(
          { db, config, extensions: ctx.extensions, engine: engine === 'postgres' ? 'postgres' : 'pglite' },
          transport,
        );
        const run =
          edition.status === 'sent'
            ? null
            : await runSender({ ...settings, editionId: edition.id, waitForRetries: true, signal: stop.signal });
        outcome = run?.outcome ?? 'done';
      } finally {
        await progress.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        transport.close();
      }
      const counts = await countEditionDeliveries(db, edition.id);
      const summary = { edition: number, recipients: counts.total, sent: counts.sent, failed: counts.failed, uncertain: counts.uncertain };
      console.log(
        `Edition No. ${number}: ${summary.sent} sent, ${summary.failed} failed, ${summary.uncertain} uncertain of ${summary.recipients}.`,
      );
      if (outcome !== 'done') {
        console.error(`The send stopped before the end (${outcome}); run the command again to resume it.`);
        process.exitCode = 1;
      }
      if (json) console.log(JSON.stringify(summary));
    });
  },
};
