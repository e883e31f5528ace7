import type { Database } from '../../db/client.ts';

// Recent search results, per database, for repeated list pages (the browse page, a shared link, a
// newsletter's search link opened by hundreds of readers). Good practices change a few times a day,
// so results are kept until the library changes in this process (every write of the live record
// clears them) and at most TTL_MS, which bounds how stale a page can be after a change made by another
// process (a CLI import, a second server).

const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

type Entry<T> = { at: number; generation: number; value: T };
const caches = new WeakMap<Database, Map<string, Entry<unknown>>>();
/** Bumped by every change of the live record; entries of an older generation are misses. Global, since a
 * change runs in a transaction object, not on the database the pages read from. */
let generation = 0;

function cacheOf(db: Database): Map<string, Entry<unknown>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The cached value for `key`, or the result of `compute`, kept for next time (least recently used goes). */
export async function cachedSearch<T>(db: Database, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit && hit.generation === generation && now - hit.at < TTL_MS) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const started = generation;
  const value = await compute();
  // A change that landed while computing may not be in the result: do not keep it.
  if (started === generation) cache.set(key, { at: now, generation, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Forgets every cached result: called whenever the live record changes (and again after it commits). */
export function clearSearchCache(): void {
  generation++;
}
