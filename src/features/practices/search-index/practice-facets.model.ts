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

function counts(index: PracticeIndex, facet: Facet, within: SlotSet, walkAtMost = WALK_AT_MOST): FacetCount[] {
  const occupied = occupiedWords(within);
  if (!occupied.length) return [];
  if (size(within, occupied) <= walkAtMost) {
    const tally = new Map<string, number>();
    for (let k = 0; k < occupied.length; k++) {
      const i = occupied[k] as number;
      let word = within[i] as number;
      while (word !== 0) {
        const low = word & -word;
        for (const [kind, value] of index.valuesAt(i * 32 + (31 - Math.clz32(low)))) {
          if (kind === facet) tally.set(value, (tally.get(value) ?? 0) + 1);
        }
        word ^= low;
      }
    }
    return Array.from(tally, ([value, count]) => ({ value, count }));
  }
  const out: FacetCount[] = [];
  // Over the fewer words: a country's practices fill a few dozen words, a common word's matches all.
  for (const [value, set, words] of index.values(facet)) {
    const count = words.length < occupied.length ? overlapSize(within, set, words) : overlapSize(set, within, occupied);
    if (count > 0) out.push({ value, count });
  }
  return out;
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
  // A facet without a filter of its own counts over `found`; counted once per distinct set.
  const counted = new Map<string, FacetCount[]>();
  const countOver = (facet: Facet, except: FacetName) => {
    const key = `${facet}:${sets.has(except) ? except : ''}`;
    let result = counted.get(key);
    if (!result) {
      result = counts(index, facet, sets.has(except) ? through(matches, sets, except) : found, walkAtMost);
      counted.set(key, result);
    }
    return result;
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
    country: [...countOver('country', 'country')],
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
  return counts(index, facet, within).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
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
