import type { Database } from './client.ts';

// Recent results of an expensive read (a search with facet counts), per database, for pages opened again
// and again (a browse page, a shared link). Kept until the data changes in this process — writers call
// `clear()`, inside their transaction and again after commit — and for at most `ttlMs`, which bounds
// how stale a page can be after a change made by another process (a CLI import, a second server).

type Entry = { at: number; generation: number; value: unknown };

export type ResultCache = {
  /** The cached value for `key`, or the result of `compute`, kept for next time (least recently used goes). */
  get<T>(db: Database, key: string, compute: () => Promise<T>, now?: number): Promise<T>;
  /** Forgets every cached result (of every database: a change runs on a transaction object). */
  clear(): void;
};

export function createResultCache(options: { ttlMs: number; maxEntries: number }): ResultCache {
  const caches = new WeakMap<Database, Map<string, Entry>>();
  let generation = 0;
  const cacheOf = (db: Database) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new Map();
      caches.set(db, cache);
    }
    return cache;
  };
  return {
    async get<T>(db: Database, key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
      const cache = cacheOf(db);
      const hit = cache.get(key);
      if (hit && hit.generation === generation && now - hit.at < options.ttlMs) {
        cache.delete(key);
        cache.set(key, hit);
        return hit.value as T;
      }
      const started = generation;
      const value = await compute();
      // A change that landed while computing may not be in the result: do not keep it.
      if (started === generation) cache.set(key, { at: now, generation, value });
      if (cache.size > options.maxEntries) cache.delete(cache.keys().next().value as string);
      return value;
    },
    clear() {
      generation++;
    },
  };
}
