import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ndcgAt, recallAt } from '../../bench/metrics.ts';

describe('ranking metrics', () => {
  const judged = { a: 3, b: 2, c: 1 };
  it('gives nDCG 1 for the ideal order and less for worse ones', () => {
    assert.equal(ndcgAt(5, ['a', 'b', 'c'], judged), 1);
    const swapped = ndcgAt(5, ['c', 'b', 'a'], judged);
    assert.ok(swapped < 1 && swapped > 0);
    assert.equal(ndcgAt(5, ['x', 'y'], judged), 0);
    // 7/log2(2)=7 vs ideal 7 + 3/log2(3) + 1/2: only "a" found at rank 1.
    assert.equal(Math.round(ndcgAt(5, ['a'], judged) * 1000) / 1000, Math.round((7 / (7 + 3 / Math.log2(3) + 0.5)) * 1000) / 1000);
  });
  it('counts recall over the judged experts at a minimum grade', () => {
    assert.equal(recallAt(10, ['a', 'x', 'c'], judged), 2 / 3);
    assert.equal(recallAt(10, ['a', 'x', 'c'], judged, 2), 1 / 2);
    assert.equal(recallAt(1, ['b', 'a'], judged), 1 / 3);
  });
});
