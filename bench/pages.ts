import { createApp } from '../src/app.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import { createDeps } from '../src/platform/deps.ts';
import { baselineAround, type LoadResult, listen, listenStatic, load, writeResults } from './lib.ts';
import { benchConfig } from './setup.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32); // issue 16's aims are at 32 connections
const PATHS = ['/en/', '/ar/', '/de/events', '/fr/themes', '/en/practices', '/es/experts'];

type PageResult = { page: LoadResult; drawn: LoadResult; baseline: LoadResult };

/**
 * Page latency and throughput under concurrent load, each page against a static copy of itself measured
 * in the same run around it (absolute times vary between machines; docs/performance.md, "The baseline, corrected"): the
 * same bytes served as the app serves its static files. Each page twice: as anonymous visitors get it
 * (the page cache, ADR 015), then drawn for every request.
 */
export async function benchPages(handle: DatabaseHandle): Promise<void> {
  const app = createApp(createDeps(benchConfig(), handle, { persistSecret: false }));
  const platform = await listen(app.fetch);
  // The same pages drawn for every request (PAGE_CACHE_MB=0): what a page costs when the cache cannot help.
  const drawn = await listen(createApp(createDeps(benchConfig({ PAGE_CACHE_MB: '0' }), handle, { persistSecret: false })).fetch);
  const results: Record<string, PageResult> = {};
  for (const path of PATHS) {
    const copy = await listenStatic(await (await app.request(path)).text());
    const { baseline, results: page } = await baselineAround(
      () => load(`static copy of ${path}`, copy.url, REQUESTS, CONCURRENCY, { warmUp: 2 * REQUESTS }),
      async () => ({
        page: await load(`${handle.engine} ${path}`, `${platform.base}${path}`, REQUESTS, CONCURRENCY),
        drawn: await load(`${handle.engine} ${path}, drawn every time`, `${drawn.base}${path}`, REQUESTS / 4, CONCURRENCY),
      }),
    );
    copy.server.close();
    results[path] = { ...page, baseline };
  }
  const ratio = (r: LoadResult, base: LoadResult) => Number((r.rps / base.rps).toFixed(2));
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([path, r]) => [
        path,
        {
          'static req/s': r.baseline.rps,
          'page req/s': r.page.rps,
          ratio: ratio(r.page, r.baseline),
          'p99 ms': r.page.p99Ms,
          'drawn req/s': r.drawn.rps,
          'drawn ratio': ratio(r.drawn, r.baseline),
          'drawn p99 ms': r.drawn.p99Ms,
          'aim (≥ 0.5×, p99 ≤ 100 ms)': ratio(r.page, r.baseline) >= 0.5 && r.page.p99Ms <= 100 ? 'met' : 'missed',
        },
      ]),
    ),
  );
  console.log(`written ${writeResults('pages', handle.engine, results)}`);
  platform.server.close();
  drawn.server.close();
}
