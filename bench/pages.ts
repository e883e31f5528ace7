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
 * same HTTP stack answering a static page of the same size (absolute times vary between machines). Each
 * page twice: as anonymous visitors get it (the page cache, ADR 015), then drawn for every request.
 */
export async function benchPages(handle: DatabaseHandle): Promise<void> {
  const app = createApp(createDeps(benchConfig(), handle, { persistSecret: false }));
  const platform = await listen(app.fetch);
  // The same pages drawn for every request (PAGE_CACHE_MB=0): what a page costs when the cache cannot help.
  const drawn = await listen(createApp(createDeps(benchConfig({ PAGE_CACHE_MB: '0' }), handle, { persistSecret: false })).fetch);
  const html = await (await app.request('/en/')).text();
  const baselineApp = new Hono();
  baselineApp.get('/', (c) => c.html(html));
  const baseline = await listen(baselineApp.fetch);

  const results: LoadResult[] = [await load('baseline: static page, same size', `${baseline.base}/`, REQUESTS, CONCURRENCY)];
  const paths = ['/en/', '/ar/', '/de/events', '/fr/themes', '/en/practices', '/es/experts'];
  for (const path of paths) results.push(await load(`${handle.engine} ${path}`, `${platform.base}${path}`, REQUESTS, CONCURRENCY));
  for (const path of paths) {
    results.push(await load(`${handle.engine} ${path}, drawn every time`, `${drawn.base}${path}`, REQUESTS / 4, CONCURRENCY));
  }
  console.table(results);
  const base = results[0] as LoadResult;
  for (const r of results.slice(1)) {
    console.log(`${r.target}: ${(r.rps / base.rps).toFixed(2)}× baseline throughput, p99 ${r.p99Ms} ms vs ${base.p99Ms} ms`);
  }
  console.log(`written ${writeResults('pages', handle.engine, results)}`);
  platform.server.close();
  drawn.server.close();
  baseline.server.close();
}
