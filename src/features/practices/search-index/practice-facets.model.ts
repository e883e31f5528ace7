import { hasSlot, intersect, occupiedWords, overlapSize, type SlotSet, size, union } from '../../../platform/lib/slot-sets.ts';
import type { FacetCount, FacetName, PracticeFilters } from '../search/practice-search.queries.ts';
import type { Facet, PracticeIndex } from './practice-index.model.ts';

// Filters and facet counts over the practice search index (ADR 016), with the rules of the SQL statement
// they replace (ADR 005): OR within a facet, AND across facets, and each facet counted over the matches
// of every filter but its own. A region is the set of its countries' practices.

const FACETS: readonly FacetName[] = ['theme', 'topic', 'region', 'country', 'sdg'];

/** Each filter in use as the set of practices it lets through. */
function filterSets(index: PracticeIndex, filters: PracticeFilters, regionOf: ReadonlyMap<string, string>): Map<FacetName, SlotSet> {
  const words = index.words;
  const values = (facet: Facet, chosen: string[]) => chosen.flatMap((v) => index.valueSet(facet, v) ?? []);
  const sets = new Map<FacetName, SlotSet>();
  if (filters.themes.length) sets.set('theme', union(values('theme', filters.themes), words));
  if (filters.topics.length) sets.set('topic', union(values('topic', filters.topics), words));
  if (filters.regions.length) {
    const countries = [...regionOf].filter(([, region]) => filters.regions.includes(region)).map(([country]) => country);
    sets.set('region', union(values('country', countries), words));
  }
  if (filters.countries.length) sets.set('country', union(values('country', filters.countries), words));
  if (filters.sdgs.length) sets.set('sdg', union(values('sdg', filters.sdgs.map(String)), words));
  return sets;
}

/** `matches` through every filter but `except`'s own. */
function through(matches: SlotSet, sets: Map<FacetName, SlotSet>, except?: FacetName): SlotSet {
  const out = matches.slice();
  for (const [facet, set] of sets) if (facet !== except) intersect(out, set);
  return out;
}

/** Up to this many practices, counting walks them; beyond, it goes value by value over sets of bits. */
const WALK_AT_MOST = 2000;

/** Counts of `facet`'s values within a set of practices, computed as suits the set's size. */
type Counter = (facet: Facet) => FacetCount[];

function counter(index: PracticeIndex, within: SlotSet, walkAtMost: number): Counter {
  const occupied = occupiedWords(within);
  if (!occupied.length) return () => [];
  if (size(within, occupied) <= walkAtMost) {
    // One walk over the practices counts every facet at once.
    const tally = index.tally(within, occupied);
    return (facet) => {
      const out: FacetCount[] = [];
      for (let code = 0; code < tally.length; code++) {
        const [kind, value] = index.valueOfCode[code] as [string, string];
        if (kind === facet && (tally[code] as number) > 0) out.push({ value, count: tally[code] as number });
      }
      return out;
    };
  }
  return (facet) => {
    const out: FacetCount[] = [];
    // Over the fewer words: a country's practices fill a few dozen words, a common word's matches all.
    for (const [value, set, words] of index.values(facet)) {
      const count = words.length < occupied.length ? overlapSize(within, set, words) : overlapSize(set, within, occupied);
      if (count > 0) out.push({ value, count });
    }
    return out;
  };
}

export type Filtered = { found: SlotSet; total: number; facets: Record<FacetName, FacetCount[]> };

/** The matches that pass every filter, how many they are, and the five facets' counts. */
export function filterAndCount(
  index: PracticeIndex,
  matches: SlotSet,
  filters: PracticeFilters,
  regionOf: ReadonlyMap<string, string>,
  walkAtMost = WALK_AT_MOST,
): Filtered {
  const sets = filterSets(index, filters, regionOf);
  const found = through(matches, sets);
  // A facet without a filter of its own counts over `found`; the others over the matches of every other filter.
  // Countries are counted for regions and for themselves: without a region or country filter, over the same set once.
  const counters = new Map<FacetName | null, Counter>();
  const counted = new Map<string, FacetCount[]>();
  const countOver = (facet: Facet, except: FacetName) => {
    const key = sets.has(except) ? except : null;
    let count = counters.get(key);
    if (!count) {
      count = counter(index, key ? through(matches, sets, key) : found, walkAtMost);
      counters.set(key, count);
    }
    const done = counted.get(`${key}:${facet}`) ?? count(facet);
    counted.set(`${key}:${facet}`, done);
    return done;
  };
  const byRegion = new Map<string, number>();
  for (const { value, count } of countOver('country', 'region')) {
    const region = regionOf.get(value);
    if (region) byRegion.set(region, (byRegion.get(region) ?? 0) + count);
  }
  const facets: Record<FacetName, FacetCount[]> = {
    theme: countOver('theme', 'theme'),
    topic: countOver('topic', 'topic'),
    region: [...byRegion].map(([value, count]) => ({ value, count })),
    country: countOver('country', 'country'),
    sdg: countOver('sdg', 'sdg'),
  };
  // As the statement returns them: most practices first, then by value.
  for (const facet of FACETS) facets[facet].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { found, total: size(found), facets };
}

/** Counts of one facet over the matches of every other filter (the map's countries). */
export function countOneFacet(
  index: PracticeIndex,
  matches: SlotSet,
  filters: PracticeFilters,
  regionOf: ReadonlyMap<string, string>,
  facet: Facet,
): FacetCount[] {
  const within = through(matches, filterSets(index, filters, regionOf), facet);
  return counter(index, within, WALK_AT_MOST)(facet).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/**
 * The practices of `found` in the date order, from `offset`, at most `limit`; with `first` (title and
 * summary hits), those go before the rest, each part in the date order (ADR 005's pre-order).
 */
export function inDateOrder(index: PracticeIndex, found: SlotSet, offset: number, limit: number, first?: SlotSet): number[] {
  const order = index.dateOrder();
  const out: number[] = [];
  let skip = offset;
  const passes = first ? [true, false] : [null];
  for (const pass of passes) {
    for (let i = 0; i < order.length && out.length < limit; i++) {
      const slot = order[i] as number;
      if (!hasSlot(found, slot)) continue;
      if (pass !== null && first && hasSlot(first, slot) !== pass) continue;
      if (skip > 0) skip--;
      else out.push(index.idAt(slot));
    }
  }
  return out;
}
