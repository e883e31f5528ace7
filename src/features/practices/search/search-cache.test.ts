import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../../../platform/db/client.ts';
import { cachedSearch, clearSearchCache } from './search-cache.service.ts';

const db = {} as Database;
const other = {} as Database;

describe('search cache', () => {
  it('serves a repeated search from memory, per database, for at most 30 seconds', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    assert.equal(await cachedSearch(db, 'en|q=water', compute, 1_000), 1);
    assert.equal(await cachedSearch(db, 'en|q=water', compute, 20_000), 1);
    assert.equal(await cachedSearch(other, 'en|q=water', compute, 20_000), 2, 'another database has its own results');
    assert.equal(await cachedSearch(db, 'en|q=water', compute, 31_001), 3, 'expired');
  });

  it('forgets everything when the library changes, including a result computed during the change', async () => {
    let runs = 0;
    assert.equal(await cachedSearch(db, 'de|q=abfall', async () => ++runs, 0), 1);
    clearSearchCache();
    assert.equal(await cachedSearch(db, 'de|q=abfall', async () => ++runs, 1), 2);
    // A change lands while the next search runs: its (possibly old) result is returned but not kept.
    await cachedSearch(
      db,
      'de|q=wasser',
      async () => {
        clearSearchCache();
        return ++runs;
      },
      2,
    );
    assert.equal(await cachedSearch(db, 'de|q=wasser', async () => ++runs, 3), 4);
  });
});
