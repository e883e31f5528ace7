import pLimit from 'p-limit';
import type { Database } from '../../platform/db/client.ts';
import type { Role } from '../../platform/http/context.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Logger } from '../../platform/log.ts';
import {
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  SEARCH_TYPES,
  type SearchHit,
  type SearchSource,
  type SearchSourceResult,
  type SearchType,
} from './search-sources.ts';

// One search across every module's content (docs/search.md). Each module's source answers for its own
// content and visibility rules; this merges their answers into pages: with a type, that type's sources
// page themselves; without one, every source returns its best `offset + limit` hits and the merged list
// is ordered reader's language first, then rank (the same ts_rank_cd weights everywhere).

export const SEARCH_PAGE_SIZE = 20;
/**
 * The last page anyone can open: a source ranks at most SEARCH_RANK_CANDIDATES matches, so beyond them
 * the order would be arbitrary; and the merged pages fetch offset + limit hits from every source, which
 * this keeps cheap.
 */
export const SEARCH_MAX_PAGE = Math.floor(SEARCH_RANK_CANDIDATES / SEARCH_PAGE_SIZE);

export type SiteSearchRequest = {
  q: string;
  locale: Locale;
  type: SearchType | null;
  /** 1-based, at most SEARCH_MAX_PAGE. */
  page: number;
  viewer: { id: number; role: Role } | null;
};

export type SiteSearchHit = SearchHit & { type: SearchType };

export type SiteSearchResult = {
  items: SiteSearchHit[];
  /** Matches of the chosen type (or all types); above SEARCH_COUNT_CAP when a source stopped counting. */
  total: number;
  /** Whether a count stopped at the cap, so `total` means "more than". */
  capped: boolean;
  page: number;
  /** Pages that can be opened (at most SEARCH_MAX_PAGE). */
  pages: number;
  /** Matches per type, in SEARCH_TYPES order; a type whose source failed is left out. */
  facets: Array<{ type: SearchType; total: number; capped: boolean }>;
  /** Types whose source failed this time: the page says they are missing. */
  unavailable: SearchType[];
};

/**
 * How many sources' statements one search runs at a time. All nine at once made PostgreSQL's processes and
 * this one contend for the 2 cores we measure on: a member's common word took 36 / 58 ms (median / p95)
 * with nine at once, 29–33 / 36–40 with three, 28–34 / 47 with two (docs/search.md).
 */
export const SEARCH_SOURCES_AT_ONCE = 3;

export type SiteSearchDeps = { db: Database; sources: readonly SearchSource[]; logger: Logger };

type Answer = { source: SearchSource; result: SearchSourceResult | null };

const reader = (locale: Locale) => (a: SearchHit, b: SearchHit) =>
  Number(b.language === locale) - Number(a.language === locale) || b.rank - a.rank;

export async function searchSite(deps: SiteSearchDeps, request: SiteSearchRequest): Promise<SiteSearchResult> {
  const { q, locale, viewer, type } = request;
  const page = Math.min(Math.max(1, Math.trunc(request.page)), SEARCH_MAX_PAGE);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const chosen = deps.sources.filter((s) => type === null || s.type === type);
  // One chosen source pages itself; several are merged, so each returns its best offset + limit.
  const window = chosen.length === 1 ? { limit: SEARCH_PAGE_SIZE, offset } : { limit: offset + SEARCH_PAGE_SIZE, offset: 0 };
  const atOnce = pLimit(SEARCH_SOURCES_AT_ONCE);
  const answers: Answer[] = await Promise.all(
    deps.sources.map((source) =>
      atOnce(async (): Promise<Answer> => {
        // The other types only give their counts for the tabs: limit 0 asks for no hits.
        const asked = chosen.includes(source) ? window : { limit: 0, offset: 0 };
        try {
          return { source, result: await source.search(deps.db, { q, locale, viewer, ...asked }) };
        } catch (error) {
          // One module's failure must not take the search down; the words are left out of the log.
          deps.logger.error(
            { searchType: source.type, err: error instanceof Error ? error.message : String(error) },
            'search source failed',
          );
          return { source, result: null };
        }
      }),
    ),
  );

  const facets = SEARCH_TYPES.flatMap((t) => {
    const ok = answers.filter((a) => a.source.type === t && a.result !== null);
    if (ok.length === 0) return [];
    const capped = ok.some((a) => (a.result?.total ?? 0) > SEARCH_COUNT_CAP);
    return [{ type: t, total: ok.reduce((sum, a) => sum + (a.result?.total ?? 0), 0), capped }];
  });
  const unavailable = SEARCH_TYPES.filter((t) => answers.some((a) => a.source.type === t && a.result === null));

  const chosenAnswers = answers.filter((a) => chosen.includes(a.source));
  // Hits stay as the sources made them until the page is cut (a summary may be rendered only when read).
  const tagged = chosenAnswers.map((a) => (a.result?.hits ?? []).map((hit) => ({ hit, type: a.source.type })));
  const byReader = reader(locale);
  // A source may not hand back more than asked; Array.sort is stable, so equal hits keep the sources' order.
  const shown =
    chosen.length === 1
      ? (tagged[0] ?? []).slice(0, SEARCH_PAGE_SIZE)
      : tagged
          .flatMap((hits) => hits.slice(0, window.limit))
          .sort((a, b) => byReader(a.hit, b.hit))
          .slice(offset, offset + SEARCH_PAGE_SIZE);
  const items = shown.map(({ hit, type }): SiteSearchHit => ({ ...hit, type }));

  const counted = facets.filter((f) => type === null || f.type === type);
  // Capped types add what is known (the cap) and the whole total one more, so that "total − 1 and more"
  // (countLabel) stays true when several types stopped counting.
  const capped = counted.some((f) => f.capped);
  const total = counted.reduce((sum, f) => sum + (f.capped ? SEARCH_COUNT_CAP : f.total), 0) + (capped ? 1 : 0);
  const pages = Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)));
  return { items, total, capped, page, pages, facets, unavailable };
}

/**
 * A count in the reader's digits; one that stopped at the cap reads "1,000+" (a capped source reports
 * SEARCH_COUNT_CAP + 1, so the total less one is what is known for sure).
 */
export function countLabel(formatNumber: (n: number) => string, count: { total: number; capped: boolean }): string {
  return count.capped ? `${formatNumber(count.total - 1)}+` : formatNumber(count.total);
}
