import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import {
  type PublicContent,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  searchRankedContent,
} from '../../platform/db/site-search.queries.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';

// Calls for the site search and the sitemap: what the calls page lists (open and closed, never a draft).
// Calls are few (tens a year), so their texts are not stored as search vectors: each translation's
// vector is computed in the query, in its own language, with the same weights as every other text
// (title A, summary B, eligibility C), so ranks compare with the other sources'.

const lit = (locale: Locale) => sql.lit(locale);

const vector = (l: Locale) =>
  sql`(setweight(to_search_vector(${lit(l)}, t.title), 'A') || setweight(to_search_vector(${lit(l)}, t.summary), 'B')
       || setweight(to_search_vector(${lit(l)}, t.eligibility), 'C'))`;

/** Calls the calls page lists: open and closed, never a draft. */
export const PUBLIC_CALLS: PublicContent = {
  table: 'calls',
  alias: 'c',
  translations: 'call_translations',
  parent: 'call_id',
  visible: sql<boolean>`c.status <> 'draft'`,
};

/** The rank of translation `t` in its own language (0 when it does not match). */
function rankOf(q: string): RawBuilder<number> {
  return sql<number>`(case t.locale ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then ts_rank_cd(${vector(l)}, to_search_query(${lit(l)}, ${q}), 32)`),
    sql` `,
  )} else 0 end)`;
}

function matches(q: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(
    LOCALES.map((l) => sql`(t.locale = ${lit(l)} and ${vector(l)} @@ to_search_query(${lit(l)}, ${q}))`),
    sql` or `,
  )})`;
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
