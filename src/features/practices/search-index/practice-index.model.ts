import {
  addSlot,
  intersect,
  occupiedWords,
  removeSlot,
  SlotAllocator,
  type SlotSet,
  slotsOf,
  union,
  widened,
} from '../../../platform/lib/slot-sets.ts';
import type { IndexedPracticeRow } from './practice-index.queries.ts';
import { oneWordRank, type RankedText } from './practice-rank.model.ts';
import { type CompiledQuery, compileQuery, hasPhrase, holds, type QueryNode } from './search-query.model.ts';

// Every published practice in a compact form, per database and app process (ADR 016): its slot in the sets of
// practices, its facet values as sets, and per translation the sorted numbers of its lexemes (as PostgreSQL's
// stemming made them). Matching, filters, facet counts and the order before ranking are computed here, and the rank
// of a one-word search (practice-rank.model.ts); PostgreSQL ranks the blocks of any other search and draws the page.

/** Facets, and the languages a practice has a translation in (for "not" in a query). */
const KEPT = ['theme', 'topic', 'country', 'sdg', 'language'] as const;
type Kept = (typeof KEPT)[number];
export type Facet = Exclude<Kept, 'language'>;

type Text = RankedText & { head: Int32Array };

export type IndexedPractice = {
  id: number;
  stamp: string;
  slot: number;
  /** The date order's keys: `coalesce(end_year, 9999) desc, coalesce(start_year, 0) desc, id desc`. */
  end: number;
  start: number;
  texts: Text[];
  /** Its facet values and languages as numbers (`valueOfCode`). */
  codes: Int32Array;
};

/** Lexemes' sets kept at most (each one bit per practice: 2.5 KB at 20,000 practices). */
const POSTINGS_KEPT = 4000;

export class PracticeIndex {
  private readonly allocator = new SlotAllocator();
  private readonly byId = new Map<number, IndexedPractice>();
  private readonly bySlot: Array<IndexedPractice | undefined> = [];
  /** Every facet value's practices; a value no practice has any more keeps an empty set. */
  private readonly sets = Object.fromEntries(KEPT.map((kept) => [kept, new Map()])) as Record<Kept, Map<string, SlotSet>>;
  /** Which practices have a lexeme, per language and part (`search`, `search_head`), made on first use by one pass
   * over the practices and forgotten at the next change: the words people search for. */
  private postings = new Map<string, SlotSet>();
  /** The occupied words of each facet value's set, until the next change. */
  private occupied = new Map<SlotSet, Int32Array>();
  private all: SlotSet = new Uint32Array(this.allocator.words);
  /** Lexemes of every language, numbered in the order first seen (each language's stemming differs, so a clash is harmless). */
  private readonly lexemes = new Map<string, number>();
  /** Facet values (and languages) numbered in the order first seen, kept for the life of the process. */
  private readonly codes = new Map<string, number>();
  readonly valueOfCode: Array<[Kept, string]> = [];
  private ordered: Int32Array | null = null;
  /** The practices module's change counter (ADR 015) this index was last checked against. */
  checkedAt: number | null = null;
  /** Moved by `apply` (first, so a failed change moves it too): what is derived elsewhere (kept searches) holds while it stays. */
  version = 0;

  get size(): number {
    return this.byId.size;
  }

  get words(): number {
    return this.allocator.words;
  }

  stampOf(id: number): string | undefined {
    return this.byId.get(id)?.stamp;
  }

  ids(): IterableIterator<number> {
    return this.byId.keys();
  }

  /** Replaces the practices `ids` (gone, or no longer published, when missing from `rows`) and adds `rows`. */
  apply(ids: Iterable<number>, rows: IndexedPracticeRow[]): void {
    this.version++;
    for (const id of ids) this.remove(id);
    for (const row of rows) {
      this.remove(row.id);
      this.add(row);
    }
    this.ordered = null;
    this.postings.clear();
    this.occupied.clear();
  }

  private remove(id: number): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    for (const code of entry.codes) removeSlot(this.setOf(...(this.valueOfCode[code] as [Kept, string])), entry.slot);
    removeSlot(this.all, entry.slot);
    this.byId.delete(id);
    this.bySlot[entry.slot] = undefined;
    this.allocator.give(entry.slot);
  }

  private add(row: IndexedPracticeRow): void {
    const slot = this.allocator.take((words) => this.grow(words));
    const values: Array<[Kept, string]> = [
      ...row.themes.map((v): [Kept, string] => ['theme', v]),
      ...row.topics.map((v): [Kept, string] => ['topic', v]),
      ...row.sdgs.map((v): [Kept, string] => ['sdg', String(v)]),
      ...row.texts.map((t): [Kept, string] => ['language', t.locale]),
    ];
    if (row.country_code) values.push(['country', row.country_code]);
    const entry: IndexedPractice = {
      id: row.id,
      stamp: row.stamp,
      slot,
      end: row.end_year ?? 9999,
      start: row.start_year ?? 0,
      texts: row.texts.map((t) => this.text(t)),
      codes: Int32Array.from(values, ([kind, value]) => this.codeFor(kind, value)),
    };
    for (const [facet, value] of values) addSlot(this.setOf(facet, value), slot);
    addSlot(this.all, slot);
    this.byId.set(row.id, entry);
    this.bySlot[slot] = entry;
  }

  /** A translation's lexemes as sorted numbers, with each one's one-word rank in the same order. */
  private text(t: IndexedPracticeRow['texts'][number]): Text {
    const numbers = t.words.map((lexeme) => this.numberOf(lexeme));
    const order = Array.from(numbers.keys()).sort((a, b) => (numbers[a] as number) - (numbers[b] as number));
    const words = Int32Array.from(order, (i) => numbers[i] as number);
    const ranks = Float32Array.from(order, (i) => oneWordRank(t.weights[i] ?? ''));
    return { locale: t.locale, words, ranks, head: Int32Array.from(t.head, (lexeme) => this.numberOf(lexeme)).sort() };
  }

  private numberOf(lexeme: string): number {
    const known = this.lexemes.get(lexeme);
    if (known !== undefined) return known;
    this.lexemes.set(lexeme, this.lexemes.size);
    return this.lexemes.size - 1;
  }

  private setOf(facet: Kept, value: string): SlotSet {
    let set = this.sets[facet].get(value);
    if (!set) {
      set = new Uint32Array(this.allocator.words);
      this.sets[facet].set(value, set);
    }
    return set;
  }

  private grow(words: number): void {
    this.all = widened(this.all, words);
    for (const map of Object.values(this.sets)) for (const [value, set] of map) map.set(value, widened(set, words));
  }

  /** A value's practices (empty when no practice has it). */
  valueSet(facet: Facet, value: string): SlotSet | undefined {
    return this.sets[facet].get(value);
  }

  /** Each value of `facet` with its practices and the words of that set holding any (counting visits only those). */
  *values(facet: Facet): Generator<[string, SlotSet, Int32Array]> {
    for (const [value, set] of this.sets[facet]) {
      let words = this.occupied.get(set);
      if (!words) {
        words = occupiedWords(set);
        this.occupied.set(set, words);
      }
      yield [value, set, words];
    }
  }

  /** Every published practice. */
  everything(): SlotSet {
    return this.all.slice();
  }

  /** The query of each language (null: nothing to match in it), with the words as this index numbers them. */
  compile(queries: Record<string, QueryNode | null>): Map<string, CompiledQuery> {
    const idOf = (lexeme: string) => this.lexemes.get(lexeme) ?? -1;
    const compiled = new Map<string, CompiledQuery>();
    for (const [locale, node] of Object.entries(queries)) if (node) compiled.set(locale, compileQuery(node, idOf));
    return compiled;
  }

  /**
   * The practices with a translation that matches its language's query, in `search` (or, with `head`, in title and summary),
   * among `within` when given: set arithmetic per language (one translation per language). Exact unless a query has a
   * phrase: then every practice with the phrase's words (search-query.model.ts).
   */
  matching(queries: Map<string, CompiledQuery>, options: { head?: boolean; within?: SlotSet } = {}): SlotSet {
    const perLanguage = [...queries].map(([locale, query]) => this.evaluate(query, locale, options.head ?? false));
    const found = union(perLanguage, this.allocator.words);
    if (options.within) intersect(found, options.within);
    return found;
  }

  private evaluate(query: CompiledQuery, locale: string, head: boolean): SlotSet {
    switch (query.kind) {
      case 'word':
        return query.id < 0 ? new Uint32Array(this.allocator.words) : this.posting(locale, query.id, head).slice();
      case 'not': {
        const out = (this.sets.language.get(locale) ?? new Uint32Array(this.allocator.words)).slice();
        if (hasPhrase(query.of)) return out;
        const of = this.evaluate(query.of, locale, head);
        for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) & ~(of[i] as number);
        return out;
      }
      case 'or':
        return union([this.evaluate(query.left, locale, head), this.evaluate(query.right, locale, head)], this.allocator.words);
      default: {
        const out = this.evaluate(query.left, locale, head);
        intersect(out, this.evaluate(query.right, locale, head));
        return out;
      }
    }
  }

  private posting(locale: string, id: number, head: boolean): SlotSet {
    const key = `${locale}:${head ? 'h' : 'w'}:${id}`;
    let set = this.postings.get(key);
    if (!set) {
      if (this.postings.size >= POSTINGS_KEPT) this.postings.clear();
      set = new Uint32Array(this.allocator.words);
      for (const entry of this.byId.values()) {
        for (const text of entry.texts) {
          if (text.locale === locale && holds(head ? text.head : text.words, id)) addSlot(set, entry.slot);
        }
      }
      this.postings.set(key, set);
    }
    return set;
  }

  /** The set of the practices `ids` (those indexed). */
  setOfIds(ids: number[]): SlotSet {
    const set = new Uint32Array(this.allocator.words);
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (entry) addSlot(set, entry.slot);
    }
    return set;
  }

  idsOf(set: SlotSet): number[] {
    return [...slotsOf(set)].map((slot) => (this.bySlot[slot] as IndexedPractice).id);
  }

  /** Every practice's slot, newest first (the date order), computed again after a change. */
  dateOrder(): Int32Array {
    if (!this.ordered) {
      const entries = [...this.byId.values()].sort((a, b) => b.end - a.end || b.start - a.start || b.id - a.id);
      this.ordered = Int32Array.from(entries, (e) => e.slot);
    }
    return this.ordered;
  }

  private codeFor(kind: Kept, value: string): number {
    const key = `${kind}:${value}`;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.valueOfCode.length;
      this.codes.set(key, code);
      this.valueOfCode.push([kind, value]);
    }
    return code;
  }

  /** How many practices of `within` have each value, by code (`valueOfCode`): one walk over them. */
  tally(within: SlotSet, occupied: Int32Array): Int32Array {
    const counts = new Int32Array(this.valueOfCode.length);
    for (let k = 0; k < occupied.length; k++) {
      const i = occupied[k] as number;
      let word = within[i] as number;
      while (word !== 0) {
        const low = word & -word;
        const codes = (this.bySlot[i * 32 + (31 - Math.clz32(low))] as IndexedPractice).codes;
        for (let c = 0; c < codes.length; c++) {
          const code = codes[c] as number;
          counts[code] = (counts[code] as number) + 1;
        }
        word ^= low;
      }
    }
    return counts;
  }

  /** A practice's translations as ranking reads them (practice-rank.model.ts). */
  textsOf(id: number): readonly RankedText[] {
    return this.byId.get(id)?.texts ?? [];
  }

  idAt(slot: number): number {
    return (this.bySlot[slot] as IndexedPractice).id;
  }
}
