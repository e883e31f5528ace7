import { describeQueue } from '../../core/jobs/jobs.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { readDemoCalls } from '../calls/index.ts';
import { getNetworkNumbers, type NetworkNumbers } from '../impact/index.ts';
import { listAppliedMigrations, pingDatabase } from './site.queries.ts';

// The home page's figures are the impact page's, counted by one definition in the impact module.
export { getNetworkNumbers, type NetworkNumbers };

export type HealthReport = {
  /** 'unavailable' (HTTP 503) when the database does not answer or lacks migrations this code needs. */
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  /** Migrations of this code the database has not applied: a process started on an older schema. */
  migrations?: { pending: string[] };
  /** The job queue: due jobs waiting for a worker, and how long the oldest has waited (seconds). */
  jobs?: { due: number; oldestDueSeconds: number | null };
};

/**
 * Whether this process can serve: the database answers within `timeoutMs`, and every migration this code
 * knows is applied. The queue is reported, not judged: a long one is worth an alert, not taking the
 * process out of a load balancer.
 */
export async function checkHealth(db: Database, migrationNames: string[], timeoutMs = 2000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
  });
  try {
    const [, applied, queue] = await Promise.race([Promise.all([pingDatabase(db), listAppliedMigrations(db), describeQueue(db)]), timeout]);
    const done = new Set(applied);
    const pending = migrationNames.filter((name) => !done.has(name));
    return {
      status: pending.length ? 'unavailable' : 'ok',
      database: 'ok',
      migrations: { pending },
      jobs: { due: queue.due, oldestDueSeconds: queue.oldestDueSeconds },
    };
  } catch {
    return { status: 'unavailable', database: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

export type CallHighlight = { title: string; summary: string; contentLocale: string; deadline: string };

/**
 * The December 2020 newsletter's outlook (its call), straight from the calls' demo file: the edition is a
 * historical document until the newsletter module keeps editions of its own. The home page shows the
 * calls that are open now (calls.service.ts).
 */
export function getCallHighlights(locale: Locale): CallHighlight[] {
  return readDemoCalls().map((call) => {
    const contentLocale = call.translations[locale] ? locale : 'en';
    const text = call.translations[contentLocale] ?? call.translations.en;
    return { title: text?.title ?? '', summary: text?.summary ?? '', contentLocale, deadline: call.deadline };
  });
}
