import { mkdirSync, writeFileSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDatabase } from '../src/db/seed/seed.ts';
import { createDeps } from '../src/deps.ts';

// `npm run bench`: page latency and throughput under concurrent load on loopback, against a baseline
// measured in the same run — the same HTTP stack answering a static page of the same size — because
// absolute times vary between machines. Bounded: a fixed number of requests per target.
// Engine: embedded PGlite in memory, or the PostgreSQL at DATABASE_URL (it is migrated and seeded).

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

type Result = {
  target: string;
  requests: number;
  concurrency: number;
  rps: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
};

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, base: `http://127.0.0.1:${info.port}` }));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(target: string, url: string): Promise<Result> {
  for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const t0 = performance.now();
      const res = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    target,
    requests: latencies.length,
    concurrency: CONCURRENCY,
    rps: Math.round(latencies.length / seconds),
    medianMs: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openDatabase({ engine: 'postgres', url }) : await openDatabase({ engine: 'pglite' });
  await migrateToLatest(handle.db);
  await seedDatabase(handle.db, { demo: true });
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-'.repeat(8), LOG_LEVEL: 'silent' });
  const app = createApp(createDeps(config, handle, { persistSecret: false }));
  const platform = await listen(app.fetch);

  // Baseline: the same framework, compression and headers, answering the home page's HTML from memory.
  const html = await (await app.request('/en/')).text();
  const baselineApp = new Hono();
  baselineApp.get('/', (c) => c.html(html));
  const baseline = await listen(baselineApp.fetch);

  const results: Result[] = [];
  results.push(await load('baseline: static page, same size', `${baseline.base}/`));
  for (const path of ['/en/', '/ar/', '/de/events', '/fr/themes'])
    results.push(await load(`${handle.engine} ${path}`, `${platform.base}${path}`));

  console.table(results);
  const base = results[0] as Result;
  for (const r of results.slice(1))
    console.log(`${r.target}: ${(r.rps / base.rps).toFixed(2)}× baseline throughput, p99 ${r.p99Ms} ms vs ${base.p99Ms} ms`);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/pages-${handle.engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, engine: handle.engine, results }, null, 2)}\n`,
  );
  console.log(`written ${file.pathname}`);
  platform.server.close();
  baseline.server.close();
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
