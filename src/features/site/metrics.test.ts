import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { createApp } from '../../app.ts';
import { enqueueJob } from '../../core/jobs/jobs.service.ts';
import { mailJobHandlers } from '../../core/mail/mail.service.ts';
import { loadConfig } from '../../platform/config.ts';
import { createDeps } from '../../platform/deps.ts';
import { createMetrics } from '../../platform/metrics.ts';

// /metrics for operators and /healthz for load balancers: what they report, and who may read /metrics.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(() => t.close());

/** The value of one sample line (`name{labels} value`), or undefined when the line is absent. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

/** Another app on the same database, with its own configuration (a production server, say). */
function appWith(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.dataDir, ...env });
  return createApp(createDeps(config, t.database, { persistSecret: false }));
}

describe('/metrics', () => {
  it('counts requests by route pattern and status class, and times them', async () => {
    for (const path of ['/en/themes', '/de/themes', '/en/no-such-page/at/all']) await t.request(path);
    const res = await t.request('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();
    assert.equal(sample(text, 'peerpolis_http_requests_total{method="GET",route="/:locale/themes",status="2xx"}'), 2);
    // An address no route answers is counted under one label, whatever was typed.
    assert.equal(sample(text, 'peerpolis_http_requests_total{method="GET",route="unmatched",status="4xx"}'), 1);
    assert.doesNotMatch(text, /no-such-page/);
    assert.equal(sample(text, 'peerpolis_http_request_duration_seconds_count{method="GET",route="/:locale/themes"}'), 2);
    assert.ok((sample(text, 'peerpolis_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/:locale/themes"}') ?? 0) === 2);
  });

  it('reports the job queue as the database holds it', async () => {
    await enqueueJob(t.database.db, 'send-mail', { to: 'someone@example.org' });
    await enqueueJob(t.database.db, 'send-mail', { to: 'later@example.org' }, { runAt: new Date(Date.now() + 3600_000) });
    await sql`update jobs set run_at = now() - interval '90 seconds' where payload->>'to' = 'someone@example.org'`.execute(t.database.db);
    const text = await (await t.request('/metrics')).text();
    assert.equal(sample(text, 'peerpolis_jobs_queued{state="due"}'), 1);
    assert.equal(sample(text, 'peerpolis_jobs_queued{state="scheduled"}'), 1);
    const waited = sample(text, 'peerpolis_jobs_oldest_due_seconds') ?? 0;
    assert.ok(waited >= 90 && waited < 600, `oldest due job waited ${waited} s`);
    // No address from a payload ever reaches the text.
    assert.doesNotMatch(text, /example\.org/);
  });

  it('answers only this machine without a proxy in development, only the token holder with METRICS_TOKEN, nobody else in production', async () => {
    assert.equal((await t.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 404);
    const production = appWith({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), POSTAL_ADDRESS: 'Somewhere 1' });
    assert.equal((await production.request('/metrics')).status, 404);
    const token = 'metrics-token-of-the-operator-0123';
    const guarded = appWith({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      POSTAL_ADDRESS: 'Somewhere 1',
      METRICS_TOKEN: token,
    });
    assert.equal((await guarded.request('/metrics')).status, 404);
    assert.equal((await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong-token-of-the-same-length' } })).status, 404);
    const ok = await guarded.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /# TYPE peerpolis_http_requests_total counter/);
  });

  it('answers 503, not one process’s counters, when the cluster’s sum cannot be made', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.dataDir });
    const deps = createDeps(config, t.database, { persistSecret: false });
    deps.metrics.sumOverProcesses(() => Promise.reject(new Error('process 2 did not answer')));
    const res = await createApp(deps).request('/metrics');
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.doesNotMatch(await res.text(), /peerpolis_http_requests_total/);
  });

  it('counts mail handed to the transport as sent, and refused attempts as failed', async () => {
    const metrics = createMetrics();
    let refuse = false;
    const transport = {
      kind: 'smtp' as const,
      send: async () => {
        if (refuse) throw new Error('421 try again later');
        return { messageId: '<1@test>' };
      },
      close: () => {},
    };
    const send = mailJobHandlers(transport, metrics)['send-mail'];
    assert.ok(send);
    const payload = { to: 'a@example.org', subject: 'Hello', text: 'Hi', html: '<p>Hi</p>', headers: {} };
    await send(payload);
    await send(payload);
    refuse = true;
    await assert.rejects(send(payload), /421/);
    const text = await metrics.render(null);
    assert.equal(sample(text, 'peerpolis_mail_total{channel="single",outcome="sent"}'), 2);
    assert.equal(sample(text, 'peerpolis_mail_total{channel="single",outcome="failed"}'), 1);
    // Without a readable queue, its gauges are left out rather than reported as zero.
    assert.equal(sample(text, 'peerpolis_jobs_queued{state="due"}'), undefined);
  });
});

describe('/healthz', () => {
  it('reports the database, no pending migration and the queue', async () => {
    const res = await t.request('/healthz');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; database: string; migrations: { pending: string[] }; jobs: { due: number } };
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'ok');
    assert.deepEqual(body.migrations.pending, []);
    assert.equal(typeof body.jobs.due, 'number');
  });

  it('says 503 and names them when the database lacks a migration this code needs', async () => {
    const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(t.database.db);
    const name = last.rows[0]?.name ?? '';
    await sql`delete from kysely_migration where name = ${name}`.execute(t.database.db);
    try {
      const res = await t.request('/healthz');
      assert.equal(res.status, 503);
      const body = (await res.json()) as { status: string; migrations: { pending: string[] } };
      assert.deepEqual([body.status, body.migrations.pending], ['unavailable', [name]]);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(t.database.db);
    }
  });
});
