import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSlot, occupiedWords, overlapSize, removeSlot, SlotAllocator, size, slotsOf, union } from '../../../platform/lib/slot-sets.ts';
import type { Availability, ExpertVisibility } from '../experts.table.ts';
import { type ExpertFilters, queryExperts } from './expert-facets.model.ts';
import { codesOf, compareNames, ExpertIndex, FACETS, type IndexedExpert } from './expert-index.model.ts';
import type { IndexedExpertRow } from './expert-index.queries.ts';

// The directory's filters and facets over sets of slots, checked against a plain walk over every profile
// (the definition: a facet counts the profiles passing every filter but its own), on enough profiles for
// the sets to grow several times, with profiles changed and removed in between.

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const THEMES = ['waste', 'water', 'mobility', 'housing'];
const TOPICS = ['recycling', 'floods', 'buses', 'rents', 'landfills', 'cycling'];
const LANGUAGES = ['en', 'de', 'fr', 'ar', 'es'];
const REGIONS = ['mena', 'europe', 'asia'];
const COUNTRIES = ['DE', 'JO', 'TN', 'VN', 'BR', 'KE'];
const AVAILABILITY: Availability[] = ['advice', 'missions', 'study-visits', 'speaking'];
const LEVELS: ExpertVisibility[] = ['public', 'members', 'hidden'];

function rowOf(id: number, next: () => number): IndexedExpertRow {
  const some = <T>(values: readonly T[]) => values.filter(() => next() < 0.35);
  const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)] as string;
  return {
    id,
    slug: `expert-${id}`,
    external_id: null,
    visibility: LEVELS[Math.floor(next() * 3)] as ExpertVisibility,
    suspended: next() < 0.1,
    display_name: `${['Özlem', 'anna', 'Karim', 'Lucía'][id % 4]} ${id}`,
    name_words: [],
    country_code: country,
    home_region: null,
    themes: some(THEMES),
    topics: some(TOPICS),
    regions: some(REGIONS),
    countries: some(COUNTRIES),
    languages: some(LANGUAGES).map((code) => ({ code, level: 'fluent' as const })),
    availability: some(AVAILABILITY),
    f_regions: some(REGIONS),
    f_countries: [...new Set([country, ...some(COUNTRIES)])],
  };
}

/** The definition, walked profile by profile. */
function walked(index: ExpertIndex, visible: ExpertVisibility[], filters: ExpertFilters, matches: Set<number> | null) {
  const valuesOf = (e: IndexedExpert, f: number) => codesOf(e, f).map((c) => index.dictionaries[f]?.values[c] as string);
  const seen = [...index.byId.values()].filter(
    (e) => visible.includes(e.visibility) && (!e.suspended || visible.includes('hidden')) && (!matches || matches.has(e.id)),
  );
  const passes = (e: IndexedExpert, skip: number) =>
    FACETS.every((facet, f) => f === skip || !filters[facet].length || valuesOf(e, f).some((v) => filters[facet].includes(v)));
  const facets = Object.fromEntries(
    FACETS.map((facet, f) => {
      const counts = new Map<string, number>();
      for (const e of seen) if (passes(e, f)) for (const v of valuesOf(e, f)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [
        facet,
        [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
      ];
    }),
  );
  const passing = seen.filter((e) => passes(e, -1)).sort(compareNames);
  return { total: passing.length, facets, names: passing.map((e) => e.slug) };
}

describe('sets of slots', () => {
  it('add, remove, count, intersect and list slots, and reuse a freed slot', () => {
    const slots = new SlotAllocator();
    let grown = 0;
    const taken = Array.from({ length: 3000 }, () => slots.take(() => grown++));
    assert.equal(grown, 1, '64 words hold 2,048 slots; the 2,049th doubles them');
    assert.equal(slots.words, 128);
    slots.give(taken[7] as number);
    assert.equal(
      slots.take(() => grown++),
      7,
    );
    const a = new Uint32Array(slots.words);
    const b = new Uint32Array(slots.words);
    for (const s of [0, 31, 32, 2047, 2999]) addSlot(a, s);
    for (const s of [31, 2999, 5]) addSlot(b, s);
    removeSlot(a, 0);
    assert.deepEqual([...slotsOf(a)], [31, 32, 2047, 2999]);
    assert.equal(size(a), 4);
    assert.equal(overlapSize(a, b, occupiedWords(b)), 2);
    assert.deepEqual([...slotsOf(union([a, b], slots.words))], [5, 31, 32, 2047, 2999]);
  });
});

describe('filters and facets over sets of slots', () => {
  it('agree with a walk over every profile, for any filters, readers and words, as profiles change', () => {
    const next = random(16);
    const index = new ExpertIndex();
    index.apply(
      [],
      Array.from({ length: 5000 }, (_, i) => rowOf(i + 1, next)),
    );
    // Some change, some leave: their slots are freed and taken again by newcomers.
    index.apply(
      Array.from({ length: 400 }, (_, i) => i * 7 + 1),
      Array.from({ length: 300 }, (_, i) => rowOf(i * 7 + 1, next)).concat(Array.from({ length: 250 }, (_, i) => rowOf(6000 + i, next))),
    );
    for (let round = 0; round < 40; round++) {
      const pick = (values: readonly string[]) => values.filter(() => next() < 0.25);
      const filters: ExpertFilters = {
        theme: pick(THEMES),
        topic: pick(TOPICS),
        language: pick(LANGUAGES),
        region: pick(REGIONS),
        country: round % 5 === 0 ? ['XX'] : pick(COUNTRIES),
        availability: pick(AVAILABILITY),
      };
      const visible = LEVELS.slice(0, 1 + (round % 3));
      const matches = round % 4 === 0 ? new Map([...index.byId.keys()].filter(() => next() < 0.2).map((id) => [id, next()])) : null;
      const offset = round % 2 ? 0 : 20 * (round % 7);
      const got = queryExperts(index, { visible, filters, matches, sort: 'name', limit: 20, offset });
      const want = walked(index, visible, filters, matches ? new Set(matches.keys()) : null);
      assert.equal(got.total, want.total, `round ${round}: total`);
      assert.deepEqual(got.facets, want.facets, `round ${round}: facets`);
      assert.deepEqual(
        got.page.map((p) => p.expert.slug),
        want.names.slice(offset, offset + 20),
        `round ${round}: page`,
      );
    }
  });

  it('list who works on a topic or theme, without those who left', () => {
    const next = random(3);
    const index = new ExpertIndex();
    index.apply(
      [],
      Array.from({ length: 3000 }, (_, i) => rowOf(i + 1, next)),
    );
    index.apply([1, 2, 3], []);
    const byTopic = [...index.workingOn('topic', 'buses')].sort((a, b) => a - b);
    const expected = [...index.byId.values()]
      .filter((e) => e.topics.includes('buses'))
      .map((e) => e.id)
      .sort((a, b) => a - b);
    assert.deepEqual(byTopic, expected);
    assert.ok(!byTopic.includes(1) && !byTopic.includes(2) && !byTopic.includes(3));
    assert.deepEqual([...index.workingOn('theme', 'unknown')], []);
  });
});
