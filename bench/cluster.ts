import { type ChildProcess, spawn } from 'node:child_process';
import { type LoadResult, listenStatic, load, writeResults } from './lib.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;
const WORDS = ['water', 'waste', 'housing', 'climate', 'mobility', 'youth', 'energy', 'health', 'market', 'budget', 'digital', 'city'];

/** `npm run start:cluster` with `processes` servers, on the database at DATABASE_URL; resolves when all listen. */
function startCluster(processes: number): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'src/cluster.ts'], {
    env: {
      ...process.env,
      WEB_CONCURRENCY: String(processes),
      PORT: String(PORT),
      HOST: '127.0.0.1',
      BASE_URL: BASE,
      NODE_ENV: 'production',
      SESSION_SECRET: 'bench-'.repeat(8),
      POSTAL_ADDRESS: 'Benchmark Street 1',
      LOG_LEVEL: 'info',
      DATA_DIR: `/tmp/peerpolis-bench-cluster-${processes}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let listening = 0;
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      listening += lines.filter((l) => l.includes('"msg":"listening"')).length;
      if (listening === processes) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the cluster ended with ${code} before listening`)));
  });
}

async function stopCluster(child: ChildProcess): Promise<void> {
  const ended = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await ended;
}

/**
 * `BENCH=cluster` (PostgreSQL only): the same pages with 1 and then 2 server processes behind one port,
 * against a static page served by this process in the same run. Kept pages, and the practice list with
 * no two requests alike (every request drawn: what a second process can help with).
 */
export async function benchCluster(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('BENCH=cluster needs DATABASE_URL (several processes on one PostgreSQL)');
  const results: LoadResult[] = [];
  for (const processes of [1, 2]) {
    const cluster = await startCluster(processes);
    try {
      const html = await (await fetch(`${BASE}/en/`)).text();
      const baseline = await listenStatic(html);
      results.push(await load(`${processes} process(es): static page, same size`, baseline.url, REQUESTS, CONCURRENCY));
      baseline.server.close();
      for (const path of ['/en/', '/de/events', '/en/practices']) {
        results.push(await load(`${processes} process(es): ${path}`, `${BASE}${path}`, REQUESTS, CONCURRENCY));
      }
      const varied = (i: number, warmUp: boolean) =>
        `${BASE}/en/practices?q=${WORDS[i % WORDS.length]}&page=${warmUp ? 1 : 2 + Math.floor(i / WORDS.length)}&n=${processes}`;
      results.push(
        await load(`${processes} process(es): /en/practices?q=<word>&page=<n>, no two alike`, varied, REQUESTS / 2, CONCURRENCY),
      );
    } finally {
      await stopCluster(cluster);
    }
  }
  console.table(results);
  console.log(`written ${writeResults('cluster', 'postgres', results)}`);
}
