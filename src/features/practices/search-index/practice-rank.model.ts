import { type CompiledQuery, positionOf } from './search-query.model.ts';

// Relevance in the process, for the commonest search: one word (one lexeme in every language). For such a
// query PostgreSQL's ts_rank_cd (no normalisation) is the sum, over the word's positions in the document,
// of each position's weight: every position is a cover of its own, worth 1 / (1 / weight). So the index
// keeps, per translation and lexeme of `search`, that sum as ts_rank_cd returns it (a float4), and a page
// of a one-word search is ranked here instead of ranking its block of 200 in SQL (ADR 016, "Update").
// Any other query (two words, "or", "-word", a phrase) is still ranked by PostgreSQL.

/** ts_rank_cd's default weights of D, C, B and A, as float4 made double (tsrank.c: `invws = 1.0 / w`). */
const INVERSE_WEIGHT: Record<string, number> = {
  A: 1 / Math.fround(1.0),
  B: 1 / Math.fround(0.4),
  C: 1 / Math.fround(0.2),
  D: 1 / Math.fround(0.1),
};

/**
 * ts_rank_cd of a one-lexeme query on a document where the lexeme has these position weights (one letter
 * per position, in position order, as `unnest(tsvector)` gives them): summed in double as tsrank.c sums its
 * covers, returned as the float4 it returns.
 */
export function oneWordRank(weights: string): number {
  let sum = 0;
  for (const w of weights) sum += 1 / (INVERSE_WEIGHT[w] ?? INVERSE_WEIGHT.D ?? 10);
  return Math.fround(sum);
}

/** The lexeme of each language's query when every one is a single word (the only queries ranked here), else null. */
export function oneWordPerLanguage(queries: Map<string, CompiledQuery>): Map<string, number> | null {
  const words = new Map<string, number>();
  for (const [locale, query] of queries) {
    if (query.kind !== 'word') return null;
    words.set(locale, query.id);
  }
  return words;
}

/** A translation as the index keeps it for ranking: its language, sorted lexeme numbers and their ranks. */
export type RankedText = { locale: string; words: Int32Array; ranks: Float32Array };

/**
 * A practice's relevance as `rankOf` in practice-search.queries.ts computes it: its best translation's
 * ts_rank_cd (0 in a language where the query has no word, as PostgreSQL ranks an empty query), × 1.25 in
 * the reader's language (float4 made double, times the numeric 1.25: a double).
 */
export function practiceRank(texts: readonly RankedText[], words: Map<string, number>, reader: string): number | null {
  let best: number | null = null;
  for (const text of texts) {
    const id = words.get(text.locale);
    const at = id === undefined || id < 0 ? -1 : positionOf(text.words, id);
    const rank = (at < 0 ? 0 : (text.ranks[at] as number)) * (text.locale === reader ? 1.25 : 1);
    if (best === null || rank > best) best = rank;
  }
  return best;
}
