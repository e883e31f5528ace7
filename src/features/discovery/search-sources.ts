import type { Database } from '../../platform/db/client.ts';
import type { SiteSearchHitRow, SiteSearchLimits } from '../../platform/db/site-search.queries.ts';
import { extensionPoint } from '../../platform/extension.ts';
import type { Role } from '../../platform/http/context.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';

// The site search asks every module that owns content for its matches: each module knows its own
// states (draft, hidden, withdrawn) and visibility rules, so nothing it hides can leak through a copy
// kept elsewhere, and each uses its own tables' per-language search columns and indexes.

/** The kinds of result, in the order the search page lists their groups. */
export const SEARCH_TYPES = ['practice', 'expert', 'event', 'call', 'projectIdea', 'news', 'publication', 'video', 'page'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * Counts stop here: beyond it a source reports SEARCH_COUNT_CAP + 1 and the page says "1,000+". Every
 * search counts every type (the tabs), so a count must stop early: at 10,000 a common word cost the
 * experts' count alone 40 ms at 100,000 profiles (docs/search.md, Benchmark).
 */
export const SEARCH_COUNT_CAP = 1_000;

/**
 * A source ranks at most this many of its matches (pre-ordered cheaply: title or summary hits first,
 * then newest), so a very common word costs the same as a rare one.
 */
export const SEARCH_RANK_CANDIDATES = 200;

export type SearchRequest = {
  /** The words as typed, trimmed, 1–200 characters: for `to_search_query(locale, q)` in every content language. */
  q: string;
  /** The reader's language: their translation is shown, and results in it come first. */
  locale: Locale;
  /** Who searches: a source returns only what this reader may open (null: an anonymous visitor). */
  viewer: { id: number; role: Role } | null;
  limit: number;
  offset: number;
};

export type SearchHit = {
  externalId: string;
  /** In `language`: the reader's translation, else English, else any (preferLocale). */
  title: string;
  /** Plain text, at most about 300 characters. */
  summary: string;
  /** The page with the reader's locale: '/de/practices/water-kiosks'. */
  path: string;
  /** The language of title and summary: not the reader's when it fell back. */
  language: Locale;
  /** `ts_rank_cd(search, query, 32)` (0–1, the same weights A–D everywhere): comparable across sources. */
  rank: number;
};

/** `total` counts matches up to SEARCH_COUNT_CAP + 1; `hits` are ordered reader's language first, then rank. */
export type SearchSourceResult = { total: number; hits: SearchHit[] };

export type SearchSource = {
  type: SearchType;
  search: (db: Database, request: SearchRequest) => Promise<SearchSourceResult>;
};

export const searchSources = extensionPoint<SearchSource>('discovery.searchSources');

/**
 * A source's row as a hit: its summary (Markdown) as plain text of at most 300 characters, its `path`
 * (after the locale) under the reader's locale, a language the site does not know read as the reader's.
 */
export function searchHit(
  request: SearchRequest,
  r: { externalId: string; title: string; summary: string; path: string; locale: string; rank: number | string | null },
): SearchHit {
  let summary: string | undefined;
  return {
    externalId: r.externalId,
    title: r.title,
    // Rendered when first read: a merged page asks every source for `offset + 20` hits and shows 20.
    get summary() {
      summary ??= markdownToText(r.summary, 300);
      return summary;
    },
    path: `/${request.locale}${r.path}`,
    language: isLocale(r.locale) ? r.locale : request.locale,
    rank: Number(r.rank) || 0,
  };
}

/**
 * The source of a module whose statement returns the usual rows (platform/db/site-search.queries.ts),
 * ranking SEARCH_RANK_CANDIDATES and counting up to SEARCH_COUNT_CAP; each page at `/<locale>/<section>/<slug>`.
 */
export function rankedSearchSource(
  type: SearchType,
  section: string,
  search: (db: Database, limits: SiteSearchLimits) => Promise<{ total: number; rows: Omit<SiteSearchHitRow, 'id'>[] }>,
): SearchSource {
  return {
    type,
    search: async (db, request) => {
      const { total, rows } = await search(db, { ...request, candidates: SEARCH_RANK_CANDIDATES, countCap: SEARCH_COUNT_CAP });
      return {
        total,
        hits: rows.map((r) => searchHit(request, { ...r, externalId: r.external_id, path: `/${section}/${r.slug}` })),
      };
    },
  };
}
