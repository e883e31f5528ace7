import { mkdirSync, writeFileSync } from 'node:fs';
import { type ServerType, serve } from '@hono/node-server';

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

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (n: number) => Math.round(n * 100) / 100;

/** A fixed number of requests from `concurrency` parallel clients on loopback (bounded in count). */
/** `url` may be a function of the request's number, to send every request somewhere else (no cache hits). */
export async function load(
  target: string,
  url: string | ((i: number, warmUp: boolean) => string),
  requests: number,
  concurrency: number,
): Promise<LoadResult> {
  const urlOf = typeof url === 'string' ? () => url : url;
  for (let i = 0; i < 20; i++) await (await fetch(urlOf(i, true))).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const t0 = performance.now();
      try {
        const res = await fetch(urlOf(i, false), { headers: { 'accept-encoding': 'br, gzip' } });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++; // a reset connection (a server too slow for the client's patience) is a result, not a crash
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
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
