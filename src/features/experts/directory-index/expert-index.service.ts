import type { Database } from '../../../platform/db/client.ts';
import { ExpertIndex } from './expert-index.model.ts';
import * as q from './expert-index.queries.ts';

// Keeps each process's directory index (expert-index.model.ts) current. It is never trusted stale:
// before every use it reads the database's change counter (one tiny query) and applies the profiles
// changed since (migration 0008), so a profile saved a moment ago, by this process or any other, is there.

type State = { index: ExpertIndex | null; queue: Promise<unknown> };
const states = new WeakMap<Database, State>();

/** Brings the state's index up to the database's latest committed change. */
async function sync(db: Database, state: State): Promise<ExpertIndex> {
  const latest = await q.readChangeVersion(db);
  const index = state.index;
  if (index && latest === index.version) return index;
  const ids = index ? await q.findChangedExpertIds(db, index.version, latest) : null;
  if (!index || ids === null) {
    // First use, or changes pruned since this process last looked: read every profile.
    const fresh = new ExpertIndex();
    fresh.apply([], await q.findIndexedExperts(db, null));
    fresh.version = latest;
    state.index = fresh;
    return fresh;
  }
  if (ids.length) index.apply(ids, await q.findIndexedExperts(db, ids));
  index.version = latest;
  return index;
}

/**
 * The index of `db`'s profiles, current as of this call. Calls are checked one after another (each a
 * single cheap query when nothing changed), so a caller never gets a view older than its own request.
 */
export function currentExpertIndex(db: Database): Promise<ExpertIndex> {
  let state = states.get(db);
  if (!state) {
    state = { index: null, queue: Promise.resolve() };
    states.set(db, state);
  }
  const current = state;
  const run = current.queue.then(() => sync(db, current));
  current.queue = run.catch(() => undefined);
  return run;
}

/** Housekeeping: forgets changes older than a day (a process that missed them reads everything again). */
export function pruneExpertChanges(db: Database): Promise<number> {
  return q.deleteOldExpertChanges(db);
}
