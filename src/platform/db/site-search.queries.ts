import { type RawBuilder, sql } from 'kysely';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import type { Database } from './client.ts';
import { prepared } from './prepared.ts';
import { preferLocale } from './translation.ts';

// The SQL every module's site-search and sitemap sources share: words matched and ranked in each text's
// own language (`to_search_query(locale, q)`, migration 0001), counts that stop at a cap, the statement
// that ranks a few candidates and returns one page, and the public pages with their languages. Each
// module still says what is public (its states) and which tables it reads; the platform names none.

/** What a source's statement needs: the words, the reader's language, the page, how many to rank and where counting stops. */
export type SiteSearchLimits = { q: string; locale: Locale; limit: number; offset: number; candidates: number; countCap: number };

/** One hit as a statement returns it (through json_agg: no dates). */
export type SiteSearchHitRow = {
  id: number;
  external_id: string;
  slug: string;
  title: string;
  summary: string;
  locale: string;
  rank: number;
};

/**
 * Title/summary hits go first in the candidates' pre-order only up to this many matches: telling them
 * apart costs a lookup per match. A word found in more texts than this says little about any one of
 * them; its matches are pre-ordered newest first (as the practices' HEAD_FIRST_MAX).
 */
export const SEARCH_HEAD_FIRST_MAX = 5000;

/**
 * Text `alias` matches the words in its own language: one `(locale = X and column @@ to_search_query(X, q))`
 * branch per language, exactly the condition of each language's partial GIN index, so the index scans apply.
 */
export function matchesInOwnLanguage(q: string, alias = 't', column = 'search'): RawBuilder<boolean> {
  const perLanguage = LOCALES.map(
    (l) =>
      sql`(${sql.ref(`${alias}.locale`)} = ${sql.lit(l)} and ${sql.ref(`${alias}.${column}`)} @@ to_search_query(${sql.lit(l)}, ${q}))`,
  );
  return sql<boolean>`(${sql.join(perLanguage, sql` or `)})`;
}

/**
 * The same match as `matchesInOwnLanguage` in one condition, `column @@ (case locale when … end)`: no index
 * applies, but it plans in a fraction of the time (no branch per language, no partial index's predicate to
 * prove). For tables that stay small (a few hundred rows), where a scan costs less than that planning.
 */
export function matchesInOwnLanguageByScan(q: string, alias = 't', column = 'search'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.${column}`)} @@ ${queryInOwnLanguage(q, alias)})`;
}

/**
 * The query in `alias`'s own language: one constant branch per language, folded once at planning
 * (`to_search_query(alias.locale, q)` parsed the words again for every row ranked).
 */
export function queryInOwnLanguage(q: string, alias = 't'): RawBuilder<unknown> {
  return sql`(case ${sql.ref(`${alias}.locale`)} ${sql.join(
    LOCALES.map((l) => sql`when ${sql.lit(l)} then to_search_query(${sql.lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/** `n`: how many rows `rows` (a select) gives, counted up to `cap + 1` only, so the plan stops there. */
export function countUpTo(rows: RawBuilder<unknown>, cap: number): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`select count(*)::int as n from (${rows} limit ${cap + 1}) counted`;
}

/**
 * One statement for a count and a page: `ctes` (what follows `with`) define `total` (one row, `n`) and
 * `page` (the page's rows in order, exactly the columns returned). Planning each statement costs about
 * a millisecond, more than counting a few hundred matches a page's statement has already found.
 */
export async function totalAndPage<R>(db: Database, ctes: RawBuilder<unknown>): Promise<{ total: number; rows: R[] }> {
  const result = await sql<{ total: number; rows: R[] }>`with ${ctes}
    select (select n from total) as total, (select coalesce(json_agg(page), '[]') from page) as rows`.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

/** A module's public content: a table with `id`, `slug`, `external_id`, `updated_at`, and its translations with `locale`. */
export type PublicContent = {
  /** The content table, and its alias in `visible` and `text` (not m, k, t, h or tr). */
  table: string;
  alias: string;
  /** The translations table (alias `t` in `matching` and `rank`) and its column referring to the content. */
  translations: string;
  parent: string;
  /** What the public may see, on `alias` (drafts and hidden rows never match). */
  visible: RawBuilder<boolean>;
};

/** How many rows the public may see (the sitemap's count). */
export async function countPublicContent(db: Database, c: PublicContent): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(c.table)} ${sql.table(c.alias)} where ${c.visible}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** Public rows by id, with the languages their page exists in (as its hreflang lists them). */
export async function listPublicContentPages(db: Database, c: PublicContent, page: { offset: number; limit: number }) {
  const ref = (column: string) => sql.ref(`${c.alias}.${column}`);
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select ${ref('slug')}, ${ref('updated_at')},
           array(select t.locale from ${sql.table(c.translations)} t where ${sql.ref(`t.${c.parent}`)} = ${ref('id')} order by 1) as locales
    from ${sql.table(c.table)} ${sql.table(c.alias)} where ${c.visible} order by ${ref('id')} limit ${page.limit} offset ${page.offset}`.execute(
    db,
  );
  return result.rows;
}

/** Public content the site search ranks: translations with `search`, `title`, `summary`. */
export type SearchableContent = PublicContent & {
  /** The content's column the candidates are pre-ordered by, newest first. */
  newest: string;
  nullsLast?: boolean;
  /** Title/summary hits first (`ts_filter(t.search, '{a,b}')`) while the matches are at most SEARCH_HEAD_FIRST_MAX. */
  headFirst: boolean;
  /** A matching translation `t` (default: its `search` in its own language). */
  matching?: RawBuilder<boolean>;
  /** A translation `t`'s rank (default: `ts_rank_cd(t.search, …, 32)` in its own language). */
  rank?: RawBuilder<number>;
  /** The text shown, a lateral select of title, summary, locale (default: the reader's translation, else English, else any). */
  text?: RawBuilder<unknown>;
};

/**
 * Visible content matching the words: the total (counted up to `countCap + 1`) and one page of the
 * ranked candidates (at most `candidates`: title/summary hits first if asked, then newest), each shown
 * in the reader's language if it has it, else English, else any; those in the reader's language first,
 * then by rank (the best of the content's translations).
 */
export async function searchRankedContent(
  db: Database,
  r: SiteSearchLimits,
  c: SearchableContent,
): Promise<{ total: number; rows: SiteSearchHitRow[] }> {
  const x = sql.table(c.alias);
  const ref = (column: string) => sql.ref(`${c.alias}.${column}`);
  const parent = sql.ref(`t.${c.parent}`);
  const translations = sql`${sql.table(c.translations)} t`;
  const query = queryInOwnLanguage(r.q);
  const head = c.headFirst
    ? sql`-- A lateral lookup per match (its translations by primary key), only while the matches are few enough.
      left join lateral (select true as head from ${translations}
                         where (select n from total) <= ${SEARCH_HEAD_FIRST_MAX} and ${parent} = m.id and ts_filter(t.search, '{a,b}') @@ ${query}
                         limit 1) h on true`
    : sql``;
  const result = await sql<{ total: number; rows: SiteSearchHitRow[] }>`${prepared}
    with m as materialized (
      select ${ref('id')}, ${ref(c.newest)} from ${sql.table(c.table)} ${x}
      where ${c.visible} and ${ref('id')} in (select ${parent} from ${translations} where ${c.matching ?? matchesInOwnLanguage(r.q)})
    ),
    total as (${countUpTo(sql`select 1 from m`, r.countCap)}),
    candidates as (
      select m.id from m
      ${head}
      order by ${c.headFirst ? sql`h.head is true desc, ` : sql``}${sql.ref(`m.${c.newest}`)} desc${c.nullsLast ? sql` nulls last` : sql``}, m.id desc
      limit ${r.candidates}
    ),
    hits as (
      select ${ref('id')}, coalesce(${ref('external_id')}, ${ref('slug')}) as external_id, ${ref('slug')}, tr.title, tr.summary, tr.locale,
             (select max(${c.rank ?? sql`ts_rank_cd(t.search, ${query}, 32)`}) from ${translations} where ${parent} = ${ref('id')})::float8 as rank
      from candidates k join ${sql.table(c.table)} ${x} on ${ref('id')} = k.id
      cross join lateral ${c.text ?? sql`(select t.title, t.summary, t.locale from ${translations} where ${parent} = ${ref('id')} order by ${preferLocale(r.locale, 't.locale')} limit 1)`} tr
    ),
    page as (select * from hits order by (locale = ${r.locale}) desc, rank desc, id desc limit ${r.limit} offset ${r.offset})
    select (select n from total) as total,
           (select coalesce(json_agg(page order by (page.locale = ${r.locale}) desc, page.rank desc, page.id desc), '[]') from page) as rows`.execute(
    db,
  );
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}
