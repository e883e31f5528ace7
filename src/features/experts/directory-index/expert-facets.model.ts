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
  const wanted = FACETS.map((facet, f) => wantedCodes(index, f, query.filters[facet]));
  const active = wanted.flatMap((w, f) => (w ? [f] : []));
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

  const counts = FACETS.map((_, f) => new Int32Array(size(f)));
  const passing: IndexedExpert[] = [];
  const consider = (e: IndexedExpert) => {
    if (!visible[e.bucket]) return;
    let missed = -1;
    for (let i = 0; i < active.length; i++) {
      const f = active[i] as number;
      if (!overlaps(e.codes[f] as number[], wanted[f] as Uint8Array)) {
        if (missed >= 0) return;
        missed = f;
      }
    }
    if (missed < 0) {
      passing.push(e);
      for (let f = 0; f < FACETS.length; f++) add(counts[f] as Int32Array, e.codes[f] as number[]);
    } else add(counts[missed] as Int32Array, e.codes[missed] as number[]);
  };

  const ranks = query.matches;
  if (ranks) {
    for (const id of ranks.keys()) {
      const e = index.byId.get(id);
      if (e) consider(e);
    }
    const rank = (e: IndexedExpert) => ranks.get(e.id) ?? 0;
    if (query.sort === 'relevance') passing.sort((a, b) => rank(b) - rank(a) || compareNames(a, b));
    else passing.sort(compareNames);
    const page = passing.slice(query.offset, query.offset + query.limit).map((e) => ({ expert: e, rank: rank(e) }));
    return { total: passing.length, facets: facetsOf(counts), page };
  }
  // Already in name order.
  for (const e of index.sorted) consider(e);
  const page = passing.slice(query.offset, query.offset + query.limit).map((e) => ({ expert: e, rank: 0 }));
  return { total: passing.length, facets: facetsOf(counts), page };
}

function wantedCodes(index: ExpertIndex, f: number, values: string[]): Uint8Array | null {
  if (!values.length) return null;
  const dictionary = index.dictionaries[f];
  const flags = new Uint8Array(dictionary?.values.length ?? 0);
  for (const v of values) {
    const code = dictionary?.find(v);
    if (code !== undefined) flags[code] = 1;
  }
  return flags;
}

function overlaps(codes: number[], flags: Uint8Array): boolean {
  for (let i = 0; i < codes.length; i++) if (flags[codes[i] as number]) return true;
  return false;
}

function add(counts: Int32Array, codes: number[]): void {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    counts[code] = (counts[code] as number) + 1;
  }
}

/** Values with a count, most first (ties by value). */
function facetList(values: string[], counts: ArrayLike<number>): ExpertFacetCount[] {
  const list: ExpertFacetCount[] = [];
  for (let code = 0; code < counts.length; code++) {
    const count = counts[code] as number;
    if (count > 0) list.push({ value: values[code] as string, count });
  }
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
