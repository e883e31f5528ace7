import { addSlot, removeSlot, SlotAllocator, type SlotSet, slotsOf, widened } from '../../../platform/lib/slot-sets.ts';
import { BUCKETS, bucketOf } from '../expert-visibility.model.ts';
import type { Availability, ExpertLanguage, ExpertVisibility } from '../experts.table.ts';
import type { IndexedExpertRow } from './expert-index.queries.ts';

// The directory index (ADR 007): every profile's visibility, name and facet values, held by each app
// process so that filters, facet counts, ordering by name and matching signals cost microseconds per
// profile instead of a database round of tens of thousands of rows. Kept current by
// expert-index.service.ts; this file is the structure and its arithmetic, without I/O.

export const FACETS = ['theme', 'topic', 'language', 'region', 'country', 'availability'] as const;
export type ExpertFacetName = (typeof FACETS)[number];

export type IndexedExpert = {
  id: number;
  slug: string;
  externalId: string | null;
  visibility: ExpertVisibility;
  suspended: boolean;
  name: string;
  /** Accents and case folded, so "Özdemir" sorts with "Ozdemir" in every language. */
  sortKey: string;
  nameWords: string[];
  countryCode: string | null;
  homeRegion: string | null;
  themes: string[];
  topics: string[];
  regions: string[];
  countries: string[];
  languages: ExpertLanguage[];
  availability: Availability[];
  /** Who may see it: visibility level × suspended (bucketOf), for array lookups instead of string tests. */
  bucket: number;
  /** Its place in the index's sets of profiles (platform/lib/slot-sets.ts), kept while it is indexed. */
  slot: number;
  /** Per facet (FACETS order) the number of values, then their codes in the index's dictionaries. */
  codes: number[];
};

/** The codes of one facet's values in `e.codes`. */
export function codesOf(e: IndexedExpert, facet: number): number[] {
  let at = 0;
  for (let f = 0; f < facet; f++) at += 1 + (e.codes[at] as number);
  return e.codes.slice(at + 1, at + 1 + (e.codes[at] as number));
}

/** Values ↔ small integers per facet, so counting is array arithmetic rather than string hashing. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

export function sortKeyOf(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

export function compareNames(a: IndexedExpert, b: IndexedExpert): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id - b.id;
}

export class ExpertIndex {
  version = 0;
  readonly byId = new Map<number, IndexedExpert>();
  readonly dictionaries = FACETS.map(() => new Dictionary());
  /** Every profile by name (then id): the directory's default order. */
  sorted: IndexedExpert[] = [];
  private readonly nameWords = new Map<string, Set<number>>();
  /** Per bucket: how many profiles, and per facet how many have each value (the unfiltered facets). */
  readonly bucketSizes = new Array<number>(BUCKETS).fill(0);
  readonly bucketCounts: number[][][] = Array.from({ length: BUCKETS }, () => FACETS.map(() => []));
  private readonly slots = new SlotAllocator();
  /** Who holds each slot. */
  readonly bySlot: Array<IndexedExpert | undefined> = [];
  /** Per bucket, the slots of its profiles. */
  bucketSets: SlotSet[] = Array.from({ length: BUCKETS }, () => new Uint32Array(this.slots.words));
  /** Per facet and value code, the slots of the profiles with that value (filters, facets, matching's candidates). */
  readonly valueSets: SlotSet[][] = FACETS.map(() => []);
  /** One copy of each short string many profiles share (a theme, a country code, a language level). */
  private readonly shared = new Map<string, string>();
  private readonly sharedLanguages = new Map<string, ExpertLanguage>();

  /** How long every set of slots is, in 32-bit words. */
  get words(): number {
    return this.slots.words;
  }

  /** The slots of the profiles with `value` in facet `f` (undefined: nobody has it). */
  valueSet(f: number, value: string): SlotSet | undefined {
    const code = this.dictionaries[f]?.find(value);
    return code === undefined ? undefined : this.valueSets[f]?.[code];
  }

  /** Replaces the listed profiles with `rows` (ids without a row were deleted). */
  apply(ids: Iterable<number>, rows: IndexedExpertRow[]): void {
    const changed = new Set(ids);
    for (const row of rows) changed.add(row.id);
    for (const id of changed) this.remove(id);
    const added = rows.map((row) => this.entryOf(row));
    for (const e of added) {
      this.byId.set(e.id, e);
      this.bySlot[e.slot] = e;
      this.count(e, 1);
      for (const w of e.nameWords) addTo(this.nameWords, w, e.id);
    }
    added.sort(compareNames);
    const kept = changed.size ? this.sorted.filter((e) => !changed.has(e.id)) : this.sorted;
    this.sorted = merge(kept, added);
  }

  /** The profiles whose name contains `word` (as split by SQL's expert_name_words_of). */
  withNameWord(word: string): Iterable<number> {
    return this.nameWords.get(word) ?? [];
  }

  /** The profiles working on a topic or a theme (matching's candidates). */
  *workingOn(kind: 'topic' | 'theme', slug: string): Iterable<number> {
    const set = this.valueSet(kind === 'topic' ? 1 : 0, slug);
    if (!set) return;
    for (const slot of slotsOf(set)) {
      const e = this.bySlot[slot];
      if (e) yield e.id;
    }
  }

  private remove(id: number): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    this.count(old, -1);
    for (const w of old.nameWords) this.nameWords.get(w)?.delete(id);
    this.bySlot[old.slot] = undefined;
    this.slots.give(old.slot);
  }

  private count(e: IndexedExpert, delta: 1 | -1): void {
    this.bucketSizes[e.bucket] = (this.bucketSizes[e.bucket] ?? 0) + delta;
    const perFacet = this.bucketCounts[e.bucket] as number[][];
    const mark = delta > 0 ? addSlot : removeSlot;
    mark(this.bucketSets[e.bucket] as SlotSet, e.slot);
    for (let f = 0; f < FACETS.length; f++) {
      const counts = perFacet[f] as number[];
      const sets = this.valueSets[f] as SlotSet[];
      for (const code of codesOf(e, f)) {
        counts[code] = (counts[code] ?? 0) + delta;
        sets[code] ??= new Uint32Array(this.slots.words);
        mark(sets[code], e.slot);
      }
    }
  }

  /** Every set made longer when the slots outgrow them. */
  private grow(words: number): void {
    this.bucketSets = this.bucketSets.map((set) => widened(set, words));
    for (const sets of this.valueSets)
      sets.forEach((set, code) => {
        sets[code] = widened(set, words);
      });
  }

  private share(value: string): string {
    const kept = this.shared.get(value);
    if (kept !== undefined) return kept;
    this.shared.set(value, value);
    return value;
  }

  private entryOf(r: IndexedExpertRow): IndexedExpert {
    const facetValues: string[][] = [r.themes, r.topics, r.languages.map((l) => l.code), r.f_regions, r.f_countries, r.availability];
    const codes: number[] = [];
    facetValues.forEach((values, f) => {
      codes.push(values.length);
      for (const v of values) codes.push((this.dictionaries[f] as Dictionary).code(v));
    });
    const share = (values: string[]) => values.map((v) => this.share(v));
    const name = r.display_name;
    const sortKey = sortKeyOf(name);
    return {
      id: r.id,
      slug: r.slug,
      externalId: r.external_id,
      visibility: this.share(r.visibility) as ExpertVisibility,
      suspended: r.suspended,
      name,
      // Most names sort as they are written, lower-cased: keep one string, not two.
      sortKey: sortKey === name ? name : sortKey,
      nameWords: r.name_words,
      countryCode: r.country_code === null ? null : this.share(r.country_code),
      homeRegion: r.home_region === null ? null : this.share(r.home_region),
      themes: share(r.themes),
      topics: share(r.topics),
      regions: share(r.regions),
      countries: share(r.countries),
      languages: r.languages.map((l) => this.languageOf(l)),
      availability: share(r.availability) as Availability[],
      bucket: bucketOf(r.visibility, r.suspended),
      slot: this.slots.take((words) => this.grow(words)),
      codes,
    };
  }

  private languageOf(l: ExpertLanguage): ExpertLanguage {
    const key = `${l.code}:${l.level}`;
    let kept = this.sharedLanguages.get(key);
    if (!kept) {
      kept = { code: this.share(l.code), level: l.level };
      this.sharedLanguages.set(key, kept);
    }
    return kept;
  }
}

function addTo(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function merge(a: IndexedExpert[], b: IndexedExpert[]): IndexedExpert[] {
  if (!b.length) return a;
  const out: IndexedExpert[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compareNames(a[i] as IndexedExpert, b[j] as IndexedExpert) <= 0 ? (a[i++] as IndexedExpert) : (b[j++] as IndexedExpert);
  while (i < a.length) out[k++] = a[i++] as IndexedExpert;
  while (j < b.length) out[k++] = b[j++] as IndexedExpert;
  return out;
}
