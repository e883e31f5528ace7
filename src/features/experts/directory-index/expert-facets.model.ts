import {
  addSlot,
  hasSlot,
  intersect,
  occupiedWords,
  overlapSize,
  type SlotSet,
  size as sizeOf,
  slotsOf,
  union,
} from '../../../platform/lib/slot-sets.ts';
import { BUCKETS, visibleBuckets } from '../expert-visibility.model.ts';
import type { ExpertVisibility } from '../experts.table.ts';
import { compareNames, type ExpertFacetName, type ExpertIndex, FACETS, type IndexedExpert } from './expert-index.model.ts';

export type ExpertFacetCount = { value: string; count: number };
export type ExpertFilters = Record<ExpertFacetName, string[]>;

export type FacetedQuery = {
  /** The visibility levels the reader may see (expert-visibility.model.ts): applied before anything is counted. */
  visible: ExpertVisibility[];
  filters: ExpertFilters;
  /** Profiles matching the words, with their relevance; null: every profile. */
  matches: Map<number, number> | null;
  sort: 'relevance' | 'name';
  limit: number;
  offset: number;
};

export type FacetedResult = {
  total: number;
  facets: Record<ExpertFacetName, ExpertFacetCount[]>;
  page: Array<{ expert: IndexedExpert; rank: number }>;
};

/**
 * Filters, counts and orders the profiles a reader may see. Each facet is counted over the profiles
 * that pass every filter but its own (choosing "Arabic" still shows how many speak French), so a
 * profile counts in all facets when it passes every filter, and only in the one facet whose filter it
 * misses when it misses exactly one. Invisible profiles are skipped before anything is counted.
 */
export function queryExperts(index: ExpertIndex, query: FacetedQuery): FacetedResult {
  const visible = visibleBuckets(query.visible);
  const active = FACETS.filter((facet) => query.filters[facet].length > 0);
  const size = (f: number) => index.dictionaries[f]?.values.length ?? 0;
  const facetsOf = (counts: ArrayLike<number>[]) =>
    Object.fromEntries(
      FACETS.map((facet, f) => [facet, facetList(index.dictionaries[f]?.values ?? [], counts[f] as ArrayLike<number>)]),
    ) as Record<ExpertFacetName, ExpertFacetCount[]>;

  if (!query.matches && !active.length) {
    // Browsing: the counts are kept per visibility bucket by the index; only the page is walked to.
    const counts = FACETS.map((_, f) => new Int32Array(size(f)));
    let total = 0;
    for (let b = 0; b < BUCKETS; b++) {
      if (!visible[b]) continue;
      total += index.bucketSizes[b] ?? 0;
      (index.bucketCounts[b] as number[][]).forEach((perValue, f) => {
        const into = counts[f] as Int32Array;
        perValue.forEach((n, code) => {
          into[code] = (into[code] as number) + n;
        });
      });
    }
    const page: FacetedResult['page'] = [];
    let skip = query.offset;
    for (const e of index.sorted) {
      if (!visible[e.bucket]) continue;
      if (skip > 0) skip--;
      else if (page.push({ expert: e, rank: 0 }) >= query.limit) break;
    }
    return { total, facets: facetsOf(counts), page };
  }

  // Filtered or searched: sets of slots (platform/lib/slot-sets.ts), so that every step reads memory in order.
  const words = index.words;
  const base = union(
    index.bucketSets.filter((_, b) => visible[b]),
    words,
  );
  const ranks = query.matches;
  if (ranks) {
    const matched = new Uint32Array(words);
    for (const id of ranks.keys()) {
      const e = index.byId.get(id);
      if (e) addSlot(matched, e.slot);
    }
    intersect(base, matched);
  }
  const facetSets = FACETS.map((facet, f) => {
    const values = query.filters[facet];
    if (!values.length) return null;
    return union(
      values.flatMap((v) => index.valueSet(f, v) ?? []),
      words,
    );
  });
  const passing = base.slice();
  for (const set of facetSets) if (set) intersect(passing, set);
  const counts = FACETS.map((_, g) => {
    // Each facet is counted over the profiles that pass every filter but its own.
    let scope = passing;
    if (facetSets[g]) {
      scope = base.slice();
      facetSets.forEach((set, f) => {
        if (set && f !== g) intersect(scope, set);
      });
    }
    const occupied = occupiedWords(scope);
    const perValue = new Int32Array(size(g));
    (index.valueSets[g] as SlotSet[]).forEach((set, code) => {
      perValue[code] = overlapSize(set, scope, occupied);
    });
    return perValue;
  });
  const total = sizeOf(passing);
  const end = query.offset + query.limit;
  let page: IndexedExpert[];
  if (ranks) {
    const found: IndexedExpert[] = [];
    for (const id of ranks.keys()) {
      const e = index.byId.get(id);
      if (e && hasSlot(passing, e.slot)) found.push(e);
    }
    const rank = (e: IndexedExpert) => ranks.get(e.id) ?? 0;
    if (query.sort === 'relevance') found.sort((a, b) => rank(b) - rank(a) || compareNames(a, b));
    else found.sort(compareNames);
    page = found.slice(query.offset, end);
  } else if ((end * index.sorted.length) / Math.max(total, 1) <= NAME_ORDER_WALK) {
    // Many pass: walking the name order to the page is short.
    page = [];
    let skip = query.offset;
    for (const e of index.sorted) {
      if (!hasSlot(passing, e.slot)) continue;
      if (skip > 0) skip--;
      else if (page.push(e) >= query.limit) break;
    }
  } else {
    // Few pass: sorting them is cheaper than walking past everyone else.
    const found: IndexedExpert[] = [];
    for (const slot of slotsOf(passing)) {
      const e = index.bySlot[slot];
      if (e) found.push(e);
    }
    page = found.sort(compareNames).slice(query.offset, end);
  }
  return { total, facets: facetsOf(counts), page: page.map((expert) => ({ expert, rank: ranks?.get(expert.id) ?? 0 })) };
}

/** How many profiles the name order may be walked past to fill a page before sorting the few instead. */
const NAME_ORDER_WALK = 20_000;

/** Values with a count, most first (ties by value). */
function facetList(values: string[], counts: ArrayLike<number>): ExpertFacetCount[] {
  const list: ExpertFacetCount[] = [];
  for (let code = 0; code < counts.length; code++) {
    const count = counts[code] as number;
    if (count > 0) list.push({ value: values[code] as string, count });
  }
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
