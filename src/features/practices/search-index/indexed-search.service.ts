import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import * as search from '../search/practice-search.queries.ts';
import { countOneFacet, filterAndCount, inDateOrder } from './practice-facets.model.ts';
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

type Ready = { index: PracticeIndex; query: ReadQuery | null; verified: number[] | null };

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
  if (!query?.phrase) return { index, query, verified: null };
  // Ids, not slots, cross the wait for PostgreSQL.
  const candidates = index.idsOf(index.matching(index.compile(query.byLocale)));
  const verified = candidates.length ? await search.findMatchingAmong(db, query.texts, candidates) : [];
  return { index, query, verified };
}

/** The practices matching the words (all without words), with the words as the index numbers them. */
function matchesOf({ index, query, verified }: Ready) {
  if (!query) return { matches: index.everything(), compiled: null };
  const compiled = index.compile(query.byLocale);
  return { matches: verified ? index.setOfIds(verified) : index.matching(compiled), compiled };
}

/**
 * The page's practice ids: by date, the page in order; by relevance, the candidates of its block(s) and
 * their block numbers for drawPage to rank, or, for a one-word search, the page ranked here as drawPage
 * would rank it (block, rank desc, id desc; practice-rank.model.ts).
 */
function pageIds(
  index: PracticeIndex,
  input: search.SearchInput,
  found: Uint32Array,
  total: number,
  head: () => Uint32Array,
  compiled: Map<string, CompiledQuery> | null,
) {
  if (!(input.q && input.sort === 'relevance')) return { ids: inDateOrder(index, found, input.offset, input.limit), blocks: null };
  const first = Math.floor(input.offset / search.RANK_BLOCK);
  const last = Math.floor((input.offset + Math.max(input.limit, 1) - 1) / search.RANK_BLOCK);
  const ids = inDateOrder(
    index,
    found,
    first * search.RANK_BLOCK,
    (last - first + 1) * search.RANK_BLOCK,
    total <= search.HEAD_FIRST_MAX ? head() : undefined,
  );
  const blocks = ids.map((_, i) => first + Math.floor(i / search.RANK_BLOCK));
  const words = compiled && oneWordPerLanguage(compiled);
  if (!words) return { ids, blocks };
  // No rank (no translation) sorts first, as SQL's null does in a descending order.
  const ranked = ids.map((id, i) => ({
    id,
    block: blocks[i] as number,
    rank: practiceRank(index.textsOf(id), words, input.locale) ?? Infinity,
  }));
  ranked.sort((a, b) => a.block - b.block || b.rank - a.rank || b.id - a.id);
  const skip = input.offset - first * search.RANK_BLOCK;
  return { ids: ranked.slice(skip, skip + input.limit).map((r) => r.id), blocks: null };
}

/** The total, the five facets and one page, as `searchMatches` gives them. */
export async function searchIndexed(db: Database, input: search.SearchInput): Promise<search.SearchOutcome> {
  const regionOf = await regionOfCountry(db);
  const ready = await prepare(db, input);
  if (!ready) return search.searchMatches(db, input);
  // One synchronous stretch over the index, up to the page's ids.
  const { index } = ready;
  const { matches, compiled } = matchesOf(ready);
  const { found, total, facets } = filterAndCount(index, matches, input.filters, regionOf);
  const head = () => index.matching(compiled ?? new Map(), { head: true, within: found });
  const { ids, blocks } = pageIds(index, input, found, total, head, compiled);
  const rows = ids.length ? await search.drawPage(db, input, ids, blocks, ready.query?.texts) : [];
  return { total, facets, rows };
}

/** Counts of one facet over the matches of every other filter (the map's countries). */
export async function countIndexed(db: Database, input: search.SearchInput, facet: 'country'): Promise<search.FacetCount[]> {
  const regionOf = await regionOfCountry(db);
  const ready = await prepare(db, input);
  if (!ready) return search.countFacet(db, input, facet);
  return countOneFacet(ready.index, matchesOf(ready).matches, input.filters, regionOf, facet);
}
