import type { Database } from '../../../platform/db/client.ts';
import { currentContentVersions } from '../../../platform/db/content-versions.ts';
import { PracticeIndex } from './practice-index.model.ts';
import * as q from './practice-index.queries.ts';

// Keeps each process's practice search index (ADR 016) equal to the database at every search. The
// practices module's content counter (ADR 015), read once per request anyway, says whether anything
// changed; when it moved, one read of every published practice's row version (migration 0022) names the
// practices to read again. Reading all of them takes seconds at tens of thousands, so that happens in
// the background, and searches are answered by the SQL statement until it is done.

/** Read in statements of this many practices, so other queries (PGlite has one connection) get their turn. */
const BATCH = 1000;
/** More changed practices than this (an import) are read in the background, like a first load. */
const CHANGES_READ_AT_ONCE = 500;

type State = { index: PracticeIndex | null; loading: Promise<void> | null; queue: Promise<unknown> };
const states = new WeakMap<Database, State>();

function stateOf(db: Database): State {
  let state = states.get(db);
  if (!state) {
    state = { index: null, loading: null, queue: Promise.resolve() };
    states.set(db, state);
  }
  return state;
}

async function readPractices(db: Database, ids: number[]): Promise<q.IndexedPracticeRow[]> {
  const rows: q.IndexedPracticeRow[] = [];
  for (let i = 0; i < ids.length; i += BATCH) rows.push(...(await q.findIndexedPractices(db, ids.slice(i, i + BATCH))));
  return rows;
}

/** The changes since `index` was checked, applied to it; false when they are too many to read now. */
async function catchUp(db: Database, index: PracticeIndex, version: number, readAll: boolean): Promise<boolean> {
  const stamps = await q.listPublishedStamps(db);
  const published = new Set<number>();
  const changed: number[] = [];
  for (const { id, stamp } of stamps) {
    published.add(id);
    if (index.stampOf(id) !== stamp) changed.push(id);
  }
  if (changed.length > CHANGES_READ_AT_ONCE && !readAll) return false;
  const gone = [...index.ids()].filter((id) => !published.has(id));
  index.apply([...gone, ...changed], await readPractices(db, changed));
  index.checkedAt = version;
  return true;
}

/** Reads everything into a new index in the background; the current one (if any) serves until then. */
function loadInBackground(db: Database, state: State, version: number): void {
  if (state.loading) return;
  state.loading = (async () => {
    const fresh = new PracticeIndex();
    await catchUp(db, fresh, version, true);
    state.index = fresh;
  })()
    // A failed read (the database gone for a moment) is tried again by the next search; the SQL
    // statement answers meanwhile.
    .catch(() => undefined)
    .finally(() => {
      state.loading = null;
    });
}

/**
 * The practice search index of `db`, equal to the database as of this request, or null while it is
 * being read (the caller then searches with SQL). Checks run one after another per process.
 */
export async function readyPracticeIndex(db: Database): Promise<PracticeIndex | null> {
  const version = (await currentContentVersions(db)).byModule.get('practices') ?? 0;
  const state = stateOf(db);
  const index = state.index;
  if (!index) {
    loadInBackground(db, state, version);
    return null;
  }
  if (index.checkedAt !== null && index.checkedAt >= version) return index;
  if (state.loading) return null;
  const run = state.queue.then(async () => {
    if (index.checkedAt !== null && index.checkedAt >= version) return index;
    if (await catchUp(db, index, version, false)) return index;
    loadInBackground(db, state, version);
    return null;
  });
  state.queue = run.catch(() => undefined);
  return run;
}

/** Waits until the index of `db` is read (tests, the benchmark). */
export async function loadPracticeIndex(db: Database): Promise<PracticeIndex> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const index = await readyPracticeIndex(db);
    if (index) return index;
    await stateOf(db).loading;
  }
  throw new Error('the practice search index could not be read');
}
