import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadAssets } from '../src/platform/http/assets.ts';
import type { AppEnv } from '../src/platform/http/context.ts';
import { serveAsset } from '../src/platform/http/static.ts';

// Shared by the benchmarks: a loopback server, a bounded load generator, percentiles, result files.

export type LoadResult = {
  target: string;
  requests: number;
  concurrency: number;
  rps: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
};

export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, base: `http://127.0.0.1:${info.port}` }));
  });
}

/**
 * The baseline every page is compared with: a static file of the page's bytes, served as the app serves
 * its own static files (public/ through `serveAsset`: compressed once, brotli or gzip as the client
 * accepts). The client then decompresses the baseline as it decompresses the pages.
 */
export async function listenStatic(body: string): Promise<{ server: ServerType; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'peerpolis-bench-static-'));
  writeFileSync(join(dir, 'page.txt'), body);
  const assets = loadAssets(dir);
  rmSync(dir, { recursive: true, force: true });
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { assets } as AppEnv['Variables']['deps']);
    await next();
  });
  app.get('*', serveAsset);
  const { server, base } = await listen(app.fetch);
  return { server, url: `${base}${assets.url('page.txt')}` };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A fixed number of requests from `concurrency` parallel clients on loopback (bounded in count), after as
 * many unmeasured ones at the same concurrency. The warm-up matters: V8 optimises the HTTP stack (client
 * and server, shared by every target) over the first few thousand requests, and a static page measured
 * cold answered 1,000 requests a second where warm it answers 3,000 (docs/performance.md, "The baseline, corrected").
 * `url` may be a function of the request's number, to send every request somewhere else (no cache hits);
 * warm-up requests get `warmUp` true, so they can go where the measured ones never do.
 */
export async function load(
  target: string,
  url: string | ((i: number, warmUp: boolean) => string),
  requests: number,
  concurrency: number,
  options: { warmUp?: number } = {},
): Promise<LoadResult> {
  const urlOf = typeof url === 'string' ? () => url : url;
  await run(options.warmUp ?? requests, concurrency, (i) => urlOf(i, true));
  const started = performance.now();
  const { latencies, errors } = await run(requests, concurrency, (i) => urlOf(i, false));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    target,
    requests: latencies.length,
    concurrency,
    rps: Math.round((latencies.length - errors) / seconds), // successful responses only
    medianMs: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  };
}

async function run(requests: number, concurrency: number, urlOf: (i: number) => string) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const t0 = performance.now();
      try {
        const res = await fetch(urlOf(i), { headers: { 'accept-encoding': 'br, gzip' } });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++; // a reset connection (a server too slow for the client's patience) is a result, not a crash
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors };
}

/**
 * The static baseline, measured before and after the targets it is compared with: the better of the two
 * (the HTTP stack is the warmest at the end), so no ratio is flattered by a baseline measured cold.
 */
export async function baselineAround<T>(
  measure: () => Promise<LoadResult>,
  targets: () => Promise<T>,
): Promise<{ baseline: LoadResult; results: T }> {
  const first = await measure();
  const results = await targets();
  const last = await measure();
  return { baseline: last.rps >= first.rps ? last : first, results };
}

/** Median and p95 of an async operation run `runs` times in a row. */
export async function timeIt(runs: number, work: () => Promise<unknown>): Promise<{ medianMs: number; p95Ms: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

export function writeResults(name: string, engine: string, data: unknown): string {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`./results/${name}-${engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, engine, data }, null, 2)}\n`);
  return file.pathname;
}
