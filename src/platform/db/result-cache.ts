import type { Database } from './client.ts';
import { currentContentVersions } from './content-versions.ts';

// Recent results of an expensive read (a search with facet counts), per database, for pages opened again
// and again (a browse page, a shared link). A result is served again only while no module's change
// counter has moved since its computation began (ADR 015), so a change made through any process (a
// route, the CLI import, a second server) shows on the next read; `ttlMs` only bounds what changes with
// the clock.

type Entry = { at: number; stamp: string; value: unknown };

export type ResultCache = {
  /** The cached value for `key`, or the result of `compute`, kept for next time (least recently used goes). */
  get<T>(db: Database, key: string, compute: () => Promise<T>, now?: number): Promise<T>;
};

export function createResultCache(options: { ttlMs: number; maxEntries: number }): ResultCache {
  const caches = new WeakMap<Database, Map<string, Entry>>();
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
      // Read before computing: a change committed while computing moves the counter past this stamp.
      const { stamp } = await currentContentVersions(db);
      const hit = cache.get(key);
      if (hit && hit.stamp === stamp && now - hit.at < options.ttlMs) {
        cache.delete(key);
        cache.set(key, hit);
        return hit.value as T;
      }
      const value = await compute();
      cache.set(key, { at: now, stamp, value });
      if (cache.size > options.maxEntries) cache.delete(cache.keys().next().value as string);
      return value;
    },
  };
}
