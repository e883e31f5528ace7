import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import * as search from '../search/practice-search.queries.ts';
import { countOneFacet, type Filtered, filterAndCount, inDateOrder } from './practice-facets.model.ts';
import type { PracticeIndex } from './practice-index.model.ts';
import { readSearchQueries } from './practice-index.queries.ts';
import { readyPracticeIndex } from './practice-index.service.ts';
import { oneWordPerLanguage, practiceRank } from './practice-rank.model.ts';
import { type CompiledQuery, hasPhrase, parseSearchQuery, type QueryNode } from './search-query.model.ts';

// A practice search answered from the process's index (ADR 016): the same total, facets and page as the
// one SQL statement of ADR 005 (`searchMatches`), which still answers while the index is being read and
// for a query the index cannot read. PostgreSQL only parses the words (once per distinct query), checks
// phrases, ranks the page's block(s) and draws the page.

/** The words as each language's tsquery: its text (what statements are given) and as the index reads it. */
type ReadQuery = { texts: Record<Locale, string>; byLocale: Record<string, QueryNode | null>; readable: boolean; phrase: boolean };

/** Parsed queries by their words: `to_search_query` is immutable, so a reading never goes stale. */
const readQueries = new Map<string, ReadQuery>();
const READ_QUERIES_KEPT = 2000;

async function readQuery(db: Database, q: string): Promise<ReadQuery> {
  const known = readQueries.get(q);
  if (known) return known;
  const texts = await readSearchQueries(db, q);
  const byLocale: Record<string, QueryNode | null> = {};
  let readable = true;
  for (const [locale, text] of Object.entries(texts)) {
    byLocale[locale] = parseSearchQuery(text);
    if (byLocale[locale] === null && text.trim() !== '') readable = false;
  }
  const read = { texts, byLocale, readable, phrase: Object.values(byLocale).some((node) => node !== null && hasPhrase(node)) };
  if (readQueries.size >= READ_QUERIES_KEPT) readQueries.delete(readQueries.keys().next().value as string);
  readQueries.set(q, read);
  return read;
}

// Which region each country belongs to (the taxonomy keeps its lists per process itself).
const regionOfCountry = async (db: Database) => (await loadTaxonomyIndex(db)).regionOfCountry;

/** `version`: the index's when the work began; a phrase's check waits for PostgreSQL, and the index may move meanwhile. */
type Ready = { index: PracticeIndex; version: number; query: ReadQuery | null; verified: number[] | null };

/**
 * The index and what must be asked before using it (the words, and which phrase candidates really
 * match), or null: ask SQL. The caller then reads the index in one synchronous stretch: between two
 * waits, another request may bring the index up to date and move practices to other slots.
 */
async function prepare(db: Database, input: search.SearchInput): Promise<Ready | null> {
  const query = input.q ? await readQuery(db, input.q) : null;
  if (query && !query.readable) return null;
  const index = await readyPracticeIndex(db);
  if (!index) return null;
  const version = index.version;
  if (!query?.phrase) return { index, version, query, verified: null };
  // Ids, not slots, cross the wait for PostgreSQL.
  const candidates = index.idsOf(index.matching(index.compile(query.byLocale)));
  const verified = candidates.length ? await search.findMatchingAmong(db, query.texts, candidates) : [];
  return { index, version, query, verified };
}

/** The practices matching the words (all without words), with the words as the index numbers them. */
function matchesOf({ index, query, verified }: Ready) {
  if (!query) return { matches: index.everything(), compiled: null };
  const compiled = index.compile(query.byLocale);
  return { matches: verified ? index.setOfIds(verified) : index.matching(compiled), compiled };
}

/**
 * What a search's words and filters find, the same for each of its pages and both orders: the matches
 * through the filters, the facets, and (made on first use) the matches in the date order, in relevance's
 * pre-order (title and summary hits first), and for a one-word search each block ranked per language.
 */
type Found = Filtered & {
  compiled: Map<string, CompiledQuery> | null;
  byDate?: Int32Array;
  preOrder?: Int32Array;
  rankedBlocks?: Map<string, Int32Array>;
};

/**
 * The searches last answered, per index, as Solr's query result cache keeps them: paging through a
 * search, or going back to it, skips the filters, the five facets' counts and the ranking of its block
 * (most of a page's work in the process, 0.4–0.7 ms at 20,000 practices). Kept while the index and the
 * taxonomy's regions are unchanged (both move with every change, ADR 015), so a kept one is exactly what
 * computing again would give.
 */
const foundKept = new WeakMap<PracticeIndex, { version: number; regionOf: ReadonlyMap<string, string>; byQuery: Map<string, Found> }>();
const FOUND_KEPT = 100;
/** Ranked blocks kept per search (200 ids each): paging deep into a common word in five languages stays bounded. */
const BLOCKS_KEPT = 20;

function foundBy(ready: Ready, input: search.SearchInput, regionOf: ReadonlyMap<string, string>): Found {
  const { index } = ready;
  let kept = foundKept.get(index);
  if (!kept || kept.version !== index.version || kept.regionOf !== regionOf) {
    kept = { version: index.version, regionOf, byQuery: new Map() };
    foundKept.set(index, kept);
  }
  const key = JSON.stringify([input.q, input.filters]);
  const known = kept.byQuery.get(key);
  if (known) return known;
  const { matches, compiled } = matchesOf(ready);
  const { found: set, total, facets } = filterAndCount(index, matches, input.filters, regionOf);
  // Shared by every request for this search: read-only.
  for (const counts of Object.values(facets)) Object.freeze(counts);
  const found: Found = { found: set, total, facets: Object.freeze(facets), compiled };
  // Matched against an index that moved while PostgreSQL checked a phrase: answer with it, keep nothing.
  if (ready.version !== index.version) return found;
  if (kept.byQuery.size >= FOUND_KEPT) kept.byQuery.delete(kept.byQuery.keys().next().value as string);
  kept.byQuery.set(key, found);
  return found;
}

/** Block `block` of a one-word search's pre-order ranked as drawPage ranks it (rank desc, id desc; practice-rank.model.ts). */
function rankedBlock(index: PracticeIndex, kept: Found, preOrder: Int32Array, block: number, locale: search.SearchInput['locale']) {
  kept.rankedBlocks ??= new Map();
  const key = `${locale}:${block}`;
  let ids = kept.rankedBlocks.get(key);
  if (!ids) {
    const words = oneWordPerLanguage(kept.compiled ?? new Map());
    // No rank (no translation) sorts first, as SQL's null does in a descending order.
    const ranked = Array.from(preOrder.subarray(block * search.RANK_BLOCK, (block + 1) * search.RANK_BLOCK), (id) => ({
      id,
      rank: (words && practiceRank(index.textsOf(id), words, locale)) ?? Infinity,
    }));
    ranked.sort((a, b) => b.rank - a.rank || b.id - a.id);
    ids = Int32Array.from(ranked, (r) => r.id);
    if (kept.rankedBlocks.size >= BLOCKS_KEPT) kept.rankedBlocks.clear();
    kept.rankedBlocks.set(key, ids);
  }
  return ids;
}

/**
 * The page's practice ids: by date, the page in order; by relevance, the candidates of its block(s) and
 * their block numbers for drawPage to rank, or, for a one-word search, the page ranked here as drawPage
 * would rank it (block, rank desc, id desc).
 */
function pageIds(index: PracticeIndex, input: search.SearchInput, kept: Found) {
  const { found, total } = kept;
  if (!(input.q && input.sort === 'relevance')) {
    kept.byDate ??= Int32Array.from(inDateOrder(index, found, 0, total));
    return { ids: Array.from(kept.byDate.subarray(input.offset, input.offset + input.limit)), blocks: null };
  }
  const head = () => index.matching(kept.compiled ?? new Map(), { head: true, within: found });
  kept.preOrder ??= Int32Array.from(inDateOrder(index, found, 0, total, total <= search.HEAD_FIRST_MAX ? head() : undefined));
  const first = Math.floor(input.offset / search.RANK_BLOCK);
  const last = Math.floor((input.offset + Math.max(input.limit, 1) - 1) / search.RANK_BLOCK);
  if (!(kept.compiled && oneWordPerLanguage(kept.compiled))) {
    const ids = Array.from(kept.preOrder.subarray(first * search.RANK_BLOCK, (last + 1) * search.RANK_BLOCK));
    return { ids, blocks: ids.map((_, i) => first + Math.floor(i / search.RANK_BLOCK)) };
  }
  const ranked: number[] = [];
  for (let block = first; block <= last; block++) ranked.push(...rankedBlock(index, kept, kept.preOrder, block, input.locale));
  const skip = input.offset - first * search.RANK_BLOCK;
  return { ids: ranked.slice(skip, skip + input.limit), blocks: null };
}

/** The total, the five facets and one page, as `searchMatches` gives them. */
export async function searchIndexed(db: Database, input: search.SearchInput): Promise<search.SearchOutcome> {
  const regionOf = await regionOfCountry(db);
  const ready = await prepare(db, input);
  if (!ready) return search.searchMatches(db, input);
  // One synchronous stretch over the index, up to the page's ids.
  const kept = foundBy(ready, input, regionOf);
  const { ids, blocks } = pageIds(ready.index, input, kept);
  const rows = ids.length ? await search.drawPage(db, input, ids, blocks, ready.query?.texts) : [];
  return { total: kept.total, facets: kept.facets, rows };
}

/** Counts of one facet over the matches of every other filter (the map's countries). */
export async function countIndexed(db: Database, input: search.SearchInput, facet: 'country'): Promise<search.FacetCount[]> {
  const regionOf = await regionOfCountry(db);
  const ready = await prepare(db, input);
  if (!ready) return search.countFacet(db, input, facet);
  return countOneFacet(ready.index, matchesOf(ready).matches, input.filters, regionOf, facet);
}
