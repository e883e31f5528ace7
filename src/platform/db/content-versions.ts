import { AsyncLocalStorage } from 'node:async_hooks';
import { type Database, writesSoFar } from './client.ts';
import { selectContentVersions } from './content-versions.queries.ts';

/** Every module's change counter at one moment: what a cached page or result was made from. */
export type ContentVersions = {
  /** The counters, one string: equal strings mean nothing public changed in between. */
  stamp: string;
  byModule: ReadonlyMap<string, number>;
  /** When the latest change was committed (a page's Last-Modified). */
  changedAt: Date;
};

type Reader = {
  inFlight?: Promise<ContentVersions>;
  queued?: Promise<ContentVersions>;
  /** PGlite: the last reading, and the number of writes before it began (see writesSoFar). */
  last?: { writes: number; versions: ContentVersions };
};
const readers = new WeakMap<Database, Reader>();

async function load(db: Database): Promise<ContentVersions> {
  const rows = (await selectContentVersions(db)).sort((a, b) => a.module.localeCompare(b.module));
  const changedAt = new Date(Math.max(0, ...rows.map((r) => r.changed_at.getTime())));
  return {
    stamp: rows.map((r) => `${r.module}:${r.version}`).join(','),
    byModule: new Map(rows.map((r) => [r.module, Number(r.version)])),
    changedAt,
  };
}

// Within one request the counters are read once: the page cache, the footer and the result caches a
// page draws from all see the same moment, the one just after the request arrived.
const requestScope = new AsyncLocalStorage<Map<Database, Promise<ContentVersions>>>();

/** Runs `work` (a request) with one reading of the counters for all it does. */
export function withOneReadingPerRequest<T>(work: () => T): T {
  return requestScope.run(new Map(), work);
}

/**
 * The counters as they are now: read by a query that started after this call (or, inside a request,
 * after the request arrived), so every change committed before it, in any process, is in the answer.
 */
export function currentContentVersions(db: Database): Promise<ContentVersions> {
  const scope = requestScope.getStore();
  if (!scope) return readShared(db);
  let reading = scope.get(db);
  if (!reading) {
    reading = readShared(db);
    scope.set(db, reading);
    reading.catch(() => scope.delete(db));
  }
  return reading;
}

/**
 * Calls that arrive together share one query: while one is in flight, later callers wait for the next,
 * which starts when it ends. Under load that is one small query per round trip, whatever the number of
 * requests.
 */
function readShared(db: Database): Promise<ContentVersions> {
  let reader = readers.get(db);
  if (!reader) {
    reader = {};
    readers.set(db, reader);
  }
  const state = reader;
  const writes = writesSoFar(db);
  if (writes !== undefined && state.last?.writes === writes) return Promise.resolve(state.last.versions);
  if (state.queued) return state.queued;
  const start = () => {
    const before = writesSoFar(db);
    const read: Promise<ContentVersions> = load(db)
      .then((versions) => {
        if (before !== undefined) state.last = { writes: before, versions };
        return versions;
      })
      .finally(() => {
        if (state.inFlight === read) state.inFlight = undefined;
      });
    state.inFlight = read;
    return read;
  };
  if (!state.inFlight) return start();
  // The read in flight may have started before this call: wait for it to end, then read again.
  const queued = state.inFlight
    .catch(() => undefined)
    .then(() => {
      state.queued = undefined;
      return start();
    });
  state.queued = queued;
  return queued;
}
