import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import { createDeps } from '../src/platform/deps.ts';
import { type LoadResult, listen, load, writeResults } from './lib.ts';
import { benchConfig } from './setup.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

/**
 * Page latency and throughput under concurrent load, against a baseline measured in the same run: the
 * same HTTP stack answering a static page of the same size (absolute times vary between machines).
 */
export async function benchPages(handle: DatabaseHandle): Promise<void> {
  const app = createApp(createDeps(benchConfig(), handle, { persistSecret: false }));
  const platform = await listen(app.fetch);
  const html = await (await app.request('/en/')).text();
  const baselineApp = new Hono();
  baselineApp.get('/', (c) => c.html(html));
  const baseline = await listen(baselineApp.fetch);

  const results: LoadResult[] = [await load('baseline: static page, same size', `${baseline.base}/`, REQUESTS, CONCURRENCY)];
  for (const path of ['/en/', '/ar/', '/de/events', '/fr/themes']) {
    results.push(await load(`${handle.engine} ${path}`, `${platform.base}${path}`, REQUESTS, CONCURRENCY));
  }
  console.table(results);
  const base = results[0] as LoadResult;
  for (const r of results.slice(1)) {
    console.log(`${r.target}: ${(r.rps / base.rps).toFixed(2)}× baseline throughput, p99 ${r.p99Ms} ms vs ${base.p99Ms} ms`);
  }
  console.log(`written ${writeResults('pages', handle.engine, results)}`);
  platform.server.close();
  baseline.server.close();
}
