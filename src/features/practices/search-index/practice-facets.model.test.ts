import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FacetName, PracticeFilters } from '../search/practice-search.queries.ts';
import { filterAndCount, inDateOrder } from './practice-facets.model.ts';
import { PracticeIndex } from './practice-index.model.ts';
import type { IndexedPracticeRow } from './practice-index.queries.ts';

// Filters, facet counts and the date order over the index, both ways of counting (walking the matches,
// or value by value over sets of bits), checked against a plain walk over every practice: 3,000
// practices, then 300 removed or changed and 200 added, so freed slots are reused.

let seed = 7;
const next = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const THEMES = ['water', 'mobility', 'governance', 'economy'];
const TOPICS = Array.from({ length: 12 }, (_, i) => `topic-${i}`);
const COUNTRIES = ['DE', 'MA', 'TN', 'JO', 'BR', 'GH', 'RS', 'ID'];
const REGION_OF = new Map([
  ['DE', 'europe'],
  ['RS', 'europe'],
  ['MA', 'mena'],
  ['TN', 'mena'],
  ['JO', 'mena'],
  ['GH', 'africa'],
  ['BR', 'latin-america'],
]);

function row(id: number): IndexedPracticeRow {
  const few = <T>(list: T[]) => [...new Set(Array.from({ length: next(3) }, () => list[next(list.length)] as T))];
  return {
    id,
    stamp: String(next(1000)),
    country_code: next(6) ? (COUNTRIES[next(COUNTRIES.length)] as string) : null,
    sdgs: few([1, 6, 11, 13]),
    start_year: next(4) ? 2000 + next(20) : null,
    end_year: next(3) ? 2010 + next(15) : null,
    themes: few(THEMES),
    topics: few(TOPICS),
    texts: [{ locale: 'en', words: [], weights: [], head: [] }],
  };
}

function randomFilters(): PracticeFilters {
  const maybe = <T>(list: T[]) => (next(3) === 0 ? [list[next(list.length)] as T] : []);
  return {
    themes: maybe(THEMES),
    topics: maybe(TOPICS),
    regions: maybe(['europe', 'mena', 'africa']),
    countries: maybe(COUNTRIES),
    sdgs: maybe([1, 6, 13]),
  };
}

/** The same by walking every practice. */
function bruteForce(rows: Map<number, IndexedPracticeRow>, matches: Set<number>, filters: PracticeFilters) {
  const passes = (r: IndexedPracticeRow, except?: FacetName) =>
    (except === 'theme' || !filters.themes.length || r.themes.some((t) => filters.themes.includes(t))) &&
    (except === 'topic' || !filters.topics.length || r.topics.some((t) => filters.topics.includes(t))) &&
    (except === 'region' || !filters.regions.length || filters.regions.includes(REGION_OF.get(r.country_code ?? '') ?? '')) &&
    (except === 'country' || !filters.countries.length || filters.countries.includes(r.country_code ?? '')) &&
    (except === 'sdg' || !filters.sdgs.length || r.sdgs.some((s) => filters.sdgs.includes(s)));
  const tally = (except: FacetName, valuesOf: (r: IndexedPracticeRow) => string[]) => {
    const counts = new Map<string, number>();
    for (const id of matches) {
      const r = rows.get(id) as IndexedPracticeRow;
      if (passes(r, except)) for (const v of valuesOf(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count }));
  };
  const found = [...matches].filter((id) => passes(rows.get(id) as IndexedPracticeRow));
  const order = (ids: number[]) =>
    ids
      .map((id) => rows.get(id) as IndexedPracticeRow)
      .sort((a, b) => (b.end_year ?? 9999) - (a.end_year ?? 9999) || (b.start_year ?? 0) - (a.start_year ?? 0) || b.id - a.id)
      .map((r) => r.id);
  return {
    total: found.length,
    newest: order(found).slice(5, 25),
    facets: {
      theme: tally('theme', (r) => r.themes),
      topic: tally('topic', (r) => r.topics),
      region: tally('region', (r) => (r.country_code && REGION_OF.has(r.country_code) ? [REGION_OF.get(r.country_code) as string] : [])),
      country: tally('country', (r) => (r.country_code ? [r.country_code] : [])),
      sdg: tally('sdg', (r) => r.sdgs.map(String)),
    },
  };
}

const byValue = (facets: Record<string, Array<{ value: string; count: number }>>) =>
  Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, [...v].sort((a, b) => (a.value < b.value ? -1 : 1))]));

describe('practice facets over the index', () => {
  it('counts and orders as a walk over every practice, both ways, also after changes', () => {
    const index = new PracticeIndex();
    const rows = new Map<number, IndexedPracticeRow>();
    const put = (list: IndexedPracticeRow[], removed: number[] = []) => {
      for (const id of removed) rows.delete(id);
      for (const r of list) rows.set(r.id, r);
      index.apply(removed, list);
    };
    put(Array.from({ length: 3000 }, (_, i) => row(i + 1)));
    const check = () => {
      for (let round = 0; round < 25; round++) {
        const ids = [...rows.keys()].filter(() => next(4) !== 0 || round % 2 === 0);
        const matches = index.setOfIds(ids);
        const filters = randomFilters();
        const expected = bruteForce(rows, new Set(ids), filters);
        for (const walkAtMost of [0, Number.POSITIVE_INFINITY]) {
          const got = filterAndCount(index, matches, filters, REGION_OF, walkAtMost);
          assert.equal(got.total, expected.total);
          assert.deepEqual(byValue(got.facets), byValue(expected.facets), JSON.stringify(filters));
        }
        const { found } = filterAndCount(index, matches, filters, REGION_OF);
        assert.deepEqual(inDateOrder(index, found, 5, 20), expected.newest);
      }
    };
    check();
    const changed = [...rows.keys()].filter(() => next(10) === 0);
    put(
      changed.filter((id) => id % 2).map((id) => row(id)),
      changed.filter((id) => id % 2 === 0),
    );
    put(Array.from({ length: 200 }, (_, i) => row(5000 + i)));
    assert.equal(index.size, rows.size);
    check();
  });
});
