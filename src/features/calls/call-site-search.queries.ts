import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import {
  type PublicContent,
  queryInOwnLanguage,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  searchRankedContent,
} from '../../platform/db/site-search.queries.ts';

// Calls for the site search and the sitemap: what the calls page lists (open and closed, never a draft).
// Calls are few (tens a year), so their texts are not stored as search vectors: each translation's
// vector is computed in the query, in its own language, with the same weights as every other text
// (title A, summary B, eligibility C), so ranks compare with the other sources'.

/** Translation `t`'s vector in its own language (`to_search_vector` picks the configuration of `t.locale`). */
const vector = sql`(setweight(to_search_vector(t.locale, t.title), 'A') || setweight(to_search_vector(t.locale, t.summary), 'B')
  || setweight(to_search_vector(t.locale, t.eligibility), 'C'))`;

/** Calls the calls page lists: open and closed, never a draft. */
export const PUBLIC_CALLS: PublicContent = {
  table: 'calls',
  alias: 'c',
  translations: 'call_translations',
  parent: 'call_id',
  visible: sql<boolean>`c.status <> 'draft'`,
};

// One vector expression and one `case` of queries (not a branch per language): calls are few, no index
// applies, and planning a branch per language cost more than the scan.

/** The rank of translation `t` in its own language (0 when it does not match). */
function rankOf(q: string): RawBuilder<number> {
  return sql<number>`coalesce(ts_rank_cd(${vector}, ${queryInOwnLanguage(q)}, 32), 0)`;
}

/** Translation `t` matches the words in its own language. */
function matches(q: string): RawBuilder<boolean> {
  return sql<boolean>`(${vector} @@ ${queryInOwnLanguage(q)})`;
}

/** Public calls matching the words: the total and one page, the shown text in the reader's language first, then rank. */
export function searchPublicCalls(db: Database, r: SiteSearchLimits): Promise<{ total: number; rows: SiteSearchHitRow[] }> {
  return searchRankedContent(db, r, {
    ...PUBLIC_CALLS,
    newest: 'deadline',
    headFirst: false,
    matching: matches(r.q),
    rank: rankOf(r.q),
  });
}
