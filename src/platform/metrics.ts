import { Counter, Gauge, Histogram, Registry } from 'prom-client';

// What an operator's Prometheus scrapes from each process at /metrics (docs/operations.md): requests by
// route (the route's pattern, never the address typed, so the label set stays small and no query or
// token reaches it), their latency, the job queue, and mail sent or failed. One registry per app, not
// prom-client's global one: tests build many apps in one process, and each must count only its own.

export type MailChannel = 'single' | 'newsletter';
export type JobOutcome = 'done' | 'retried' | 'failed';
/** What the anonymous page cache did with a request (ADR 015). */
export type PageCacheOutcome = 'hit' | 'miss' | 'not-modified' | 'uncacheable';

/** The queue as the jobs table shows it when scraped: jobs due and waiting, scheduled, running, failed. */
export type QueueSnapshot = { due: number; scheduled: number; running: number; failed: number; oldestDueSeconds: number | null };

export type Metrics = {
  registry: Registry;
  observeRequest: (request: { method: string; route: string; status: number; seconds: number }) => void;
  countMail: (channel: MailChannel, outcome: 'sent' | 'failed', n?: number) => void;
  countJob: (kind: string, outcome: JobOutcome) => void;
  countPageCache: (outcome: PageCacheOutcome) => void;
  /** The Prometheus text exposition of everything above, with the job queue as read just now (null: unreadable). */
  render: (queue: QueueSnapshot | null) => Promise<string>;
  /**
   * Under the cluster: how to get every process's counters summed (metrics-cluster.ts). The render then
   * reports the cluster, with the queue as this process read it.
   */
  sumOverProcesses: (ask: () => Promise<string>) => void;
};

/** Latency buckets in seconds: a page should take milliseconds; a second is already far too slow. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'peerpolis_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'peerpolis_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (until the response starts), by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const mail = new Counter({
    name: 'peerpolis_mail_total',
    help: 'Mail handed to the transport (sent) or refused by it (failed, once per attempt), by channel: single messages or newsletter deliveries.',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'peerpolis_jobs_total',
    help: 'Background jobs run by this process, by kind and outcome (retried: failed this time, will run again).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const pageCache = new Counter({
    name: 'peerpolis_page_cache_total',
    help: 'Anonymous page views by what the page cache did: hit, miss (drawn and kept), not-modified (304), uncacheable (drawn, not kept).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const queued = new Gauge({
    name: 'peerpolis_jobs_queued',
    help: 'Jobs in the queue by state: due (waiting for a worker), scheduled (later), running, failed (given up, kept for inspection).',
    labelNames: ['state'] as const,
    registers: [registry],
    // The database's queue, the same for every process: never summed over a cluster's processes.
    aggregator: 'omit',
  });
  const oldestDue = new Gauge({
    name: 'peerpolis_jobs_oldest_due_seconds',
    help: 'How long the oldest due job has waited for a worker (0 when none is due).',
    registers: [registry],
    aggregator: 'omit',
  });
  let sumOverProcesses: (() => Promise<string>) | null = null;
  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) => {
      requests.inc({ method, route, status: `${Math.floor(status / 100)}xx` });
      latency.observe({ method, route }, seconds);
    },
    countMail: (channel, outcome, n = 1) => mail.inc({ channel, outcome }, n),
    countJob: (kind, outcome) => jobs.inc({ kind, outcome }),
    countPageCache: (outcome) => pageCache.inc({ outcome }),
    render: async (queue) => {
      // The queue is the database's, the same for every process: read at scrape time, left out if unreadable.
      queued.reset();
      oldestDue.reset();
      if (queue) {
        for (const state of ['due', 'scheduled', 'running', 'failed'] as const) queued.set({ state }, queue[state]);
        oldestDue.set(queue.oldestDueSeconds ?? 0);
      }
      if (!sumOverProcesses) return registry.metrics();
      const [processes, queueNow, waited] = await Promise.all([
        sumOverProcesses(),
        registry.getSingleMetricAsString('peerpolis_jobs_queued'),
        registry.getSingleMetricAsString('peerpolis_jobs_oldest_due_seconds'),
      ]);
      return `${processes.trimEnd()}\n\n${queue ? `${queueNow}\n\n${waited}\n` : ''}`;
    },
    sumOverProcesses: (ask) => {
      sumOverProcesses = ask;
    },
  };
}
