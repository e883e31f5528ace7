import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { cachedSearch } from './search-cache.service.ts';

let handle: DatabaseHandle;
let other: DatabaseHandle;
before(async () => {
  [handle, other] = await Promise.all([createTestDatabase({ seed: 'taxonomy' }), createTestDatabase({ seed: 'taxonomy' })]);
});
after(() => Promise.all([handle.close(), other.close()]));

/** A committed change to a public table of the practices module (its counter moves at commit). */
const changePractices = (db: DatabaseHandle['db']) => sql`delete from practices where false`.execute(db);

describe('search cache', () => {
  it('serves a repeated search from memory, per database, for at most 30 seconds', async () => {
    let runs = 0;
    const compute = async () => ++runs;
    assert.equal(await cachedSearch(handle.db, 'en|q=water', compute, 1_000), 1);
    assert.equal(await cachedSearch(handle.db, 'en|q=water', compute, 20_000), 1);
    assert.equal(await cachedSearch(other.db, 'en|q=water', compute, 20_000), 2, 'another database has its own results');
    assert.equal(await cachedSearch(handle.db, 'en|q=water', compute, 31_001), 3, 'expired');
  });

  it('computes again after any committed change, including one that lands while a search runs', async () => {
    let runs = 0;
    assert.equal(await cachedSearch(handle.db, 'de|q=abfall', async () => ++runs, 0), 1);
    await changePractices(handle.db);
    assert.equal(await cachedSearch(handle.db, 'de|q=abfall', async () => ++runs, 1), 2);
    assert.equal(await cachedSearch(handle.db, 'de|q=abfall', async () => ++runs, 2), 2, 'kept again');
    // A change lands while the next search runs: its (possibly old) result is not served again.
    await cachedSearch(
      handle.db,
      'de|q=wasser',
      async () => {
        await changePractices(handle.db);
        return ++runs;
      },
      3,
    );
    assert.equal(await cachedSearch(handle.db, 'de|q=wasser', async () => ++runs, 4), 4);
  });

  it('keeps results through a transaction that changed nothing public, or was rolled back', async () => {
    let runs = 0;
    assert.equal(await cachedSearch(handle.db, 'fr|q=eau', async () => ++runs, 0), 1);
    await sql`delete from rate_limits where false`.execute(handle.db);
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await changePractices(trx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    assert.equal(await cachedSearch(handle.db, 'fr|q=eau', async () => ++runs, 1), 1);
  });
});
