import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { backoffSeconds, enqueueJob, listJobs, PermanentJobError, runDueJobs, startWorker } from './jobs.service.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
});
after(() => handle.close());

const job = (id: string) => handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('jobs', () => {
  it('runs a due job once and clears its payload', async () => {
    const seen: unknown[] = [];
    const id = await enqueueJob(handle.db, 'greet', { to: 'x' });
    const report = await runDueJobs(handle.db, { greet: async (p) => void seen.push(p) }, { workerId: 'w1' });
    assert.deepEqual(report, { done: 1, retried: 0, failed: 0 });
    assert.deepEqual(seen, [{ to: 'x' }]);
    const row = await job(id);
    assert.equal(row.status, 'done');
    assert.deepEqual(row.payload, {});
    assert.deepEqual(await runDueJobs(handle.db, { greet: async () => {} }, { workerId: 'w1' }), { done: 0, retried: 0, failed: 0 });
  });

  it('retries a failing job later with growing backoff, then fails it visibly', async () => {
    const id = await enqueueJob(handle.db, 'flaky', {}, { maxAttempts: 2 });
    const failing = { flaky: async () => Promise.reject(new Error('smtp down')) };
    // Each outcome is told (the server counts them for /metrics).
    const outcomes: string[] = [];
    const onOutcome = (kind: string, outcome: string) => void outcomes.push(`${kind}:${outcome}`);
    const first = await runDueJobs(handle.db, failing, { workerId: 'w1', onOutcome });
    assert.deepEqual(first, { done: 0, retried: 1, failed: 0 });
    let row = await job(id);
    assert.equal(row.status, 'pending');
    assert.equal(row.last_error, 'smtp down');
    assert.ok(row.run_at.getTime() > Date.now() + 20_000, 'not due again for ~30 s');
    await handle.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    const second = await runDueJobs(handle.db, failing, { workerId: 'w1', onOutcome });
    assert.deepEqual(second, { done: 0, retried: 0, failed: 1 });
    assert.deepEqual(outcomes, ['flaky:retried', 'flaky:failed']);
    row = await job(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 2);
    assert.ok((await listJobs(handle.db, 'failed')).some((j) => j.id === id));
    assert.deepEqual([1, 2, 3, 10].map(backoffSeconds), [30, 60, 120, 3600]);
  });

  it('fails at once on a permanent error or an unknown kind', async () => {
    const a = await enqueueJob(handle.db, 'broken', {});
    const b = await enqueueJob(handle.db, 'nobody-handles-this', {});
    await runDueJobs(handle.db, { broken: async () => Promise.reject(new PermanentJobError('bad payload')) }, { workerId: 'w1' });
    assert.equal((await job(a)).status, 'failed');
    assert.equal((await job(b)).status, 'failed');
    assert.match((await job(b)).last_error ?? '', /no handler/);
  });

  it('never gives one job to two workers running at the same time', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => enqueueJob(handle.db, 'count', { i })));
    const runs = new Map<number, number>();
    const handlers = {
      count: async (p: Record<string, unknown>) => {
        runs.set(p.i as number, (runs.get(p.i as number) ?? 0) + 1);
      },
    };
    const reports = await Promise.all([
      runDueJobs(handle.db, handlers, { workerId: 'a', limit: 20 }),
      runDueJobs(handle.db, handlers, { workerId: 'b', limit: 20 }),
      runDueJobs(handle.db, handlers, { workerId: 'c', limit: 20 }),
    ]);
    assert.equal(
      reports.reduce((n, r) => n + r.done, 0),
      20,
    );
    assert.equal(runs.size, 20);
    assert.ok([...runs.values()].every((n) => n === 1));
    for (const id of ids) assert.equal((await job(id)).status, 'done');
  });

  it('runs in the background until stopped, picking up jobs as they come', async () => {
    const done: number[] = [];
    const worker = startWorker(
      handle.db,
      { tick: async (p) => void done.push(p.n as number) },
      { logger: pino({ level: 'silent' }), intervalMs: 20 },
    );
    await enqueueJob(handle.db, 'tick', { n: 1 });
    await enqueueJob(handle.db, 'tick', { n: 2 });
    for (let i = 0; i < 200 && done.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    assert.deepEqual(done.sort(), [1, 2]);
    await enqueueJob(handle.db, 'tick', { n: 3 });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(done.length, 2, 'a stopped worker takes no more jobs');
  });
});
