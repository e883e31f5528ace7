import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { defaultBatchSize } from '../src/features/newsletter/sending/sender.service.ts';
import { migrations } from '../src/modules.ts';
import { type DatabaseHandle, type Engine, openDatabase } from '../src/platform/db/client.ts';
import { connectDatabase } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { seedDatabase } from '../src/seed.ts';
import { generateSubscribers, insertReadyEdition } from '../tests/helpers/newsletter-sending.ts';
import { writeResults } from './lib.ts';

// The newsletter's send (issue 14): BENCH_SUBSCRIBERS (100,000) confirmed subscribers in five
// languages, sent by `npm run cli -- newsletter send` in a child process to a real SMTP server on
// 127.0.0.1 that counts what arrives by Message-ID (one per delivery). Reports messages per second and
// the sender's peak RSS; then a second edition whose send is killed with SIGKILL halfway and resumed:
// duplicates must be 0, and the missing ones uncertain and no more than the in-flight window.

const COUNT = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const RATE = Number(process.env.BENCH_NEWSLETTER_RATE ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_NEWSLETTER_CONNECTIONS ?? 10);
const ROOT = new URL('../', import.meta.url).pathname;

type Arrivals = { copies: Map<string, number>; first: number; last: number };

async function countingSmtp() {
  const byEdition = new Map<number, Arrivals>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*<newsletter-(\d+)-(\d+)@/im.exec(head);
        if (id) {
          const edition = Number(id[1]);
          const arrivals = byEdition.get(edition) ?? { copies: new Map(), first: performance.now(), last: 0 };
          arrivals.copies.set(id[2] as string, (arrivals.copies.get(id[2] as string) ?? 0) + 1);
          arrivals.last = performance.now();
          byEdition.set(edition, arrivals);
        }
        callback();
      });
    },
  });
  // The killed sender's connections end with a reset: a receiver's ordinary day, not a reason to stop.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    arrivals: (edition: number) => byEdition.get(edition) ?? { copies: new Map<string, number>(), first: 0, last: 0 },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The peak resident memory of a process (Linux: VmHWM), polled until it exits. */
function peakRssMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

type Run = { child: ChildProcess; done: Promise<{ code: number | null; summary: Record<string, number> | null; peakMb: number }> };

function sendInChild(number: number, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'newsletter', 'send', String(number), '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(`  [send ${number}] ${c}`));
  let peakMb = 0;
  const poll = setInterval(() => {
    peakMb = Math.max(peakMb, peakRssMb(child.pid as number));
  }, 100);
  const done = new Promise<{ code: number | null; summary: Record<string, number> | null; peakMb: number }>((resolve) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      const last = out.trim().split('\n').at(-1) ?? '';
      let summary: Record<string, number> | null = null;
      try {
        summary = JSON.parse(last);
      } catch {}
      resolve({ code, summary, peakMb });
    });
  });
  return { child, done };
}

async function prepare(engine: Engine, dataDir: string | null): Promise<DatabaseHandle> {
  const handle =
    engine === 'postgres'
      ? await openDatabase({ engine: 'postgres', url: process.env.DATABASE_URL as string })
      : await connectDatabase({ DATA_DIR: dataDir as string, DATABASE_URL: undefined });
  await migrateToLatest(handle.db, migrations);
  await seedDatabase(handle.db, { demo: false });
  return handle;
}

export async function benchNewsletterSend(engine: Engine) {
  const dataDir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'peerpolis-bench-send-')) : null;
  const smtp = await countingSmtp();
  const env: Record<string, string> = {
    SMTP_URL: smtp.url,
    NEWSLETTER_RATE: String(RATE),
    NEWSLETTER_CONNECTIONS: String(CONNECTIONS),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    BASE_URL: 'http://bench.example',
    // PGlite in its own directory even when DATABASE_URL is set for the PostgreSQL run of the same bench.
    ...(dataDir ? { DATA_DIR: dataDir, DATABASE_URL: '' } : {}),
  };
  try {
    // Setup: the subscribers (set-based) and two ready editions in five languages, numbers of their own.
    let handle = await prepare(engine, dataDir);
    await sql`delete from newsletter_subscribers where email like '%@bench.example'`.execute(handle.db);
    await generateSubscribers(handle.db, COUNT, `r${Date.now()}`);
    const base = 900_000 + Math.floor(Math.random() * 90_000);
    const locales = ['en', 'de', 'fr', 'es', 'ar'];
    const fullId = await insertReadyEdition(handle.db, { number: base, locales });
    const killedId = await insertReadyEdition(handle.db, { number: base + 1, locales });
    if (engine === 'pglite') await handle.close(); // PGlite: one process at a time

    // 1. The whole send, start to end.
    const t0 = performance.now();
    const full = await sendInChild(base, env).done;
    const wallSeconds = (performance.now() - t0) / 1000;
    const arrived = smtp.arrivals(fullId);
    const received = [...arrived.copies.values()].reduce((a, b) => a + b, 0);
    const sendSeconds = (arrived.last - arrived.first) / 1000;

    // 2. Killed with SIGKILL halfway, then resumed by a second run.
    const killed = sendInChild(base + 1, env);
    // Halfway, and not at a batch's edge: the kill lands while mails are in flight.
    const half = Math.floor((full.summary?.recipients ?? COUNT) / 2) + 137;
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (smtp.arrivals(killedId).copies.size >= half) {
          clearInterval(check);
          killed.child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    const atKill = smtp.arrivals(killedId).copies.size;
    await killed.done;
    const resumed = await sendInChild(base + 1, env).done;

    if (engine === 'pglite') handle = await prepare(engine, dataDir);
    const rows = await sql<{ id: string; status: string }>`
      select id::text as id, status from newsletter_deliveries where edition_id = ${killedId}`.execute(handle.db);
    await handle.close();
    const copies = smtp.arrivals(killedId).copies;
    const uncertain = rows.rows.filter((r) => r.status === 'uncertain');
    const missing = rows.rows.filter((r) => !copies.has(r.id));
    const result = {
      engine,
      recipients: full.summary?.recipients ?? 0,
      received,
      sent: full.summary?.sent ?? 0,
      exitCode: full.code,
      messagesPerSecond: Math.round(received / sendSeconds),
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      peakRssMb: full.peakMb,
      rate: RATE,
      connections: CONNECTIONS,
      crash: {
        killedAfter: atKill,
        resumeExitCode: resumed.code,
        deliveries: rows.rows.length,
        duplicates: [...copies.values()].filter((n) => n > 1).length,
        missing: missing.length,
        uncertain: uncertain.length,
        missingAllUncertain: missing.every((m) => m.status === 'uncertain'),
        inFlightWindow: defaultBatchSize(RATE),
        resumeSummary: resumed.summary,
      },
    };
    console.table([{ ...result, crash: undefined }]);
    console.table([result.crash]);
    const ok =
      result.received === result.recipients &&
      result.crash.duplicates === 0 &&
      result.crash.missingAllUncertain &&
      result.crash.uncertain <= result.crash.inFlightWindow &&
      resumed.code === 0;
    if (!ok) throw new Error(`newsletter send failed its promise: ${JSON.stringify(result)}`);
    console.log(`written ${writeResults('newsletter-send', engine, result)}`);
    return result;
  } finally {
    await smtp.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
