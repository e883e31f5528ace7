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
  /** Per facet (FACETS order), the codes of the profile's values in the index's dictionaries. */
  codes: number[][];
};

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
  /** Who works on each topic and theme (matching's candidates). */
  private readonly workers = new Map<string, Set<number>>();
  /** Per bucket: how many profiles, and per facet how many have each value (the unfiltered facets). */
  readonly bucketSizes = new Array<number>(BUCKETS).fill(0);
  readonly bucketCounts: number[][][] = Array.from({ length: BUCKETS }, () => FACETS.map(() => []));

  /** Replaces the listed profiles with `rows` (ids without a row were deleted). */
  apply(ids: Iterable<number>, rows: IndexedExpertRow[]): void {
    const changed = new Set(ids);
    for (const row of rows) changed.add(row.id);
    for (const id of changed) this.remove(id);
    const added = rows.map((row) => this.entryOf(row));
    for (const e of added) {
      this.byId.set(e.id, e);
      this.count(e, 1);
      for (const w of e.nameWords) addTo(this.nameWords, w, e.id);
      for (const key of workKeys(e)) addTo(this.workers, key, e.id);
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
  workingOn(kind: 'topic' | 'theme', slug: string): Iterable<number> {
    return this.workers.get(`${kind}:${slug}`) ?? [];
  }

  private remove(id: number): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    this.count(old, -1);
    for (const w of old.nameWords) this.nameWords.get(w)?.delete(id);
    for (const key of workKeys(old)) this.workers.get(key)?.delete(id);
  }

  private count(e: IndexedExpert, delta: 1 | -1): void {
    this.bucketSizes[e.bucket] = (this.bucketSizes[e.bucket] ?? 0) + delta;
    const perFacet = this.bucketCounts[e.bucket] as number[][];
    e.codes.forEach((codes, f) => {
      const counts = perFacet[f] as number[];
      for (const code of codes) counts[code] = (counts[code] ?? 0) + delta;
    });
  }

  private entryOf(r: IndexedExpertRow): IndexedExpert {
    const facetValues: string[][] = [r.themes, r.topics, r.languages.map((l) => l.code), r.f_regions, r.f_countries, r.availability];
    return {
      id: r.id,
      slug: r.slug,
      externalId: r.external_id,
      visibility: r.visibility,
      suspended: r.suspended,
      name: r.display_name,
      sortKey: sortKeyOf(r.display_name),
      nameWords: r.name_words,
      countryCode: r.country_code,
      homeRegion: r.home_region,
      themes: r.themes,
      topics: r.topics,
      regions: r.regions,
      countries: r.countries,
      languages: r.languages,
      availability: r.availability,
      bucket: bucketOf(r.visibility, r.suspended),
      codes: facetValues.map((values, f) => values.map((v) => (this.dictionaries[f] as Dictionary).code(v))),
    };
  }
}

function workKeys(e: IndexedExpert): string[] {
  return [...e.topics.map((t) => `topic:${t}`), ...e.themes.map((t) => `theme:${t}`)];
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
