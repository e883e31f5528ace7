import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { CitiesTable } from '../../../core/cities/cities.table.ts';
import type { CountriesTable } from '../../../core/taxonomy/taxonomy.table.ts';
import type { Database } from '../../../platform/db/client.ts';
import { prepared } from '../../../platform/db/prepared.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import type { PracticesTable, PracticeTranslationsTable } from '../practices.table.ts';

export type PracticeFilters = { themes: string[]; topics: string[]; regions: string[]; countries: string[]; sdgs: number[] };
export type FacetName = 'theme' | 'topic' | 'region' | 'country' | 'sdg';
const FACETS: readonly FacetName[] = ['theme', 'topic', 'region', 'country', 'sdg'];
export type SearchInput = {
  q: string;
  locale: Locale;
  filters: PracticeFilters;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
};

const MARK_START = '\u0001';
const MARK_END = '\u0002';
export const SNIPPET_MARKS = { start: MARK_START, end: MARK_END };

/**
 * Relevance ranks matches in blocks of this many (ADR 005): matches are pre-ordered cheaply (title or
 * summary hits first, then newest) and cut into blocks; only the block(s) the requested page falls in are
 * ranked with ts_rank_cd. Up to this many matches the order is exactly by rank.
 */
export const RANK_BLOCK = 200;

/**
 * Title/summary hits go first in the pre-order only up to this many matches: telling them apart costs a
 * hashed set of every such practice (about 10 ms for 20,000 on the 2-core bench machine). A word found in
 * more practices than this says little about any one of them; its matches are pre-ordered newest first.
 */
export const HEAD_FIRST_MAX = 5000;

const lit = (locale: Locale) => sql.lit(locale);

/**
 * The words as typed (parsed in the statement), or each language's tsquery text from `to_search_query` (the
 * index keeps them, ADR 016), which spares the planner stemming them again per use: 0.3–0.4 ms on PGlite.
 */
export type SearchWords = string | Readonly<Record<Locale, string>>;

function wordsIn(l: Locale, words: SearchWords): RawBuilder<unknown> {
  return typeof words === 'string' ? sql`to_search_query(${lit(l)}, ${words})` : sql`${words[l]}::tsquery`;
}

/**
 * `to_search_query(<the row's language>, q)` as one constant branch per language: each branch folds to a
 * tsquery once, at planning, instead of parsing and stemming the query again for every row.
 */
function queryOf(locale: RawBuilder<unknown>, words: SearchWords): RawBuilder<unknown> {
  return sql`(case ${locale} ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then ${wordsIn(l, words)}`),
    sql` `,
  )} end)`;
}

/**
 * Translations that match, each searched with its own language's stemming: in `search` (any section) or,
 * with `column` = `search_head`, in the title or summary. Each `(locale = X and … @@ …)` clause is exactly
 * the condition of one of X's partial GIN indexes (migration 0005), so the index scans are exact: no fetched
 * row is tested again against its vector or its language.
 */
function matchingTranslations(q: string, column: 'search' | 'search_head'): RawBuilder<unknown> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${lit(l)} and ${sql.ref(`t.${column}`)} @@ to_search_query(${lit(l)}, ${q}))`);
  return sql`select t.practice_id from practice_translations t where ${sql.join(perLanguage, sql` or `)}`;
}

/** One boolean per filter in use (facet counts leave out their own), computed once per match. */
function filterFlags(f: PracticeFilters): Partial<Record<FacetName, RawBuilder<boolean>>> {
  const flags: Partial<Record<FacetName, RawBuilder<boolean>>> = {};
  // `in (subquery)` rather than a correlated `exists`: one hashed set, probed per match.
  if (f.themes.length)
    flags.theme = sql`p.id in (select x.practice_id from practice_themes x where x.theme_slug in (${sql.join(f.themes)}))`;
  if (f.topics.length)
    flags.topic = sql`p.id in (select x.practice_id from practice_topics x where x.topic_slug in (${sql.join(f.topics)}))`;
  if (f.regions.length) {
    flags.region = sql`coalesce(p.country_code in (select co.code from countries co where co.region_slug in (${sql.join(f.regions)})), false)`;
  }
  if (f.countries.length) flags.country = sql`coalesce(p.country_code in (${sql.join(f.countries)}), false)`;
  if (f.sdgs.length) flags.sdg = sql`p.sdgs && array[${sql.join(f.sdgs)}]::smallint[]`;
  return flags;
}

/**
 * `m`: every published practice matching the words (all of them without words), with the columns the
 * counts and the page need and one `f_<facet>` flag per filter in use; `where(facet)` is every filter but
 * that facet's own.
 */
function matchesCte(input: SearchInput): { cte: RawBuilder<unknown>; where: (except?: FacetName) => RawBuilder<boolean> } {
  const flags = filterFlags(input.filters);
  const used = FACETS.filter((f) => flags[f]);
  const flagColumns = used.map((f) => sql`, ${flags[f]} as ${sql.ref(`f_${f}`)}`);
  const flagList = flagColumns.length ? sql.join(flagColumns, sql` `) : sql``;
  // With words, the match is computed once (a semi-join, so no per-practice grouping) and read by every
  // count and the page. Without, `m` is just the published practices: each reader scanning the table
  // itself is cheaper than materializing all of them.
  const cte = input.q
    ? sql`m as materialized (
        select p.id, p.country_code, p.sdgs, p.start_year, p.end_year ${flagList}
        from practices p where p.status = 'published' and p.id in (${matchingTranslations(input.q, 'search')}))`
    : sql`m as not materialized (select p.id, p.country_code, p.sdgs, p.start_year, p.end_year ${flagList} from practices p where p.status = 'published')`;
  const where = (except?: FacetName) => {
    const parts = used.filter((f) => f !== except).map((f) => sql`m.${sql.ref(`f_${f}`)}`);
    return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;
  };
  return { cte, where };
}

/**
 * `counts` and `facets`. Country, region and SDG counts and the total come from one pass over the
 * matches (grouping sets; each count filtered by every filter but its own facet's): regions are summed
 * from countries, SDGs grouped by their whole array first and only then unnested. Themes and topics need
 * one join each.
 */
function facetCtes(where: (except?: FacetName) => RawBuilder<boolean>): RawBuilder<unknown> {
  return sql`counts as (
      select grouping(m.country_code, m.sdgs) as grouping_set, m.country_code, m.sdgs,
             count(*) filter (where ${where('country')})::int as n_country, count(*) filter (where ${where('region')})::int as n_region,
             count(*) filter (where ${where('sdg')})::int as n_sdg, count(*) filter (where ${where()})::int as n_total
      from m group by grouping sets ((m.country_code), (m.sdgs), ())
    ),
    facets as (
      ${facetQuery('theme', where('theme'))}
      union all ${facetQuery('topic', where('topic'))}
      union all select 'region', co.region_slug, sum(c.n_region)::int from counts c join countries co on co.code = c.country_code
                where c.grouping_set = 1 and co.region_slug is not null and c.n_region > 0 group by 2
      union all select 'country', c.country_code::text, c.n_country from counts c where c.grouping_set = 1 and c.country_code is not null and c.n_country > 0
      union all select 'sdg', s::text, sum(c.n_sdg)::int from counts c cross join unnest(c.sdgs) s where c.grouping_set = 2 and c.n_sdg > 0 group by 2
    )`;
}

/** One facet's counts on their own (the map needs only countries). */
function facetQuery(facet: FacetName, where: RawBuilder<boolean>): RawBuilder<unknown> {
  const name = sql.lit(facet);
  switch (facet) {
    case 'theme':
      return sql`select ${name} as facet, x.theme_slug as value, count(*)::int as count from m join practice_themes x on x.practice_id = m.id where ${where} group by 2`;
    case 'topic':
      return sql`select ${name} as facet, x.topic_slug as value, count(*)::int as count from m join practice_topics x on x.practice_id = m.id where ${where} group by 2`;
    case 'region':
      return sql`select ${name} as facet, co.region_slug as value, count(*)::int as count from m join countries co on co.code = m.country_code
                 where ${where} and co.region_slug is not null group by 2`;
    case 'country':
      return sql`select ${name} as facet, m.country_code::text as value, count(*)::int as count from m where ${where} and m.country_code is not null group by 2`;
    case 'sdg':
      return sql`select ${name} as facet, s::text as value, count(*)::int as count from m cross join unnest(m.sdgs) s where ${where} group by 2`;
  }
}

/** A practice's relevance (ADR 005): its best translation's ts_rank_cd, ×1.25 in the reader's language (one word: practice-rank.model.ts). */
export function rankOf(input: Pick<SearchInput, 'q' | 'locale'>, id: RawBuilder<unknown>, words: SearchWords = input.q) {
  return sql<number>`(select max(ts_rank_cd(t.search, ${queryOf(sql`t.locale`, words)}) * (case when t.locale = ${input.locale} then 1.25 else 1 end))
              from practice_translations t where t.practice_id = ${id})`;
}

const DATE_ORDER = sql`coalesce(m.end_year, 9999) desc, coalesce(m.start_year, 0) desc, m.id desc`;

/**
 * `page`: the ids of the requested page, with `ord` (their order). By date: a top-N sort of the matches.
 * By relevance (ADR 005): matches are pre-ordered cheaply, title/summary hits first (up to HEAD_FIRST_MAX
 * matches), then newest, and cut into blocks of RANK_BLOCK; only the block(s) the page falls in are ranked
 * with ts_rank_cd (boosted ×1.25 in the reader's language), and the order is block by block, so pages never
 * overlap and no request ranks more than two blocks, however common the words. Reads `counts` (the total).
 */
function pageCtes(input: SearchInput, where: RawBuilder<boolean>): RawBuilder<unknown> {
  if (!(input.q && input.sort === 'relevance')) {
    return sql`page as (
      select m.id, row_number() over (order by ${DATE_ORDER}) as ord
      from (select m.id, m.start_year, m.end_year from m where ${where} order by ${DATE_ORDER} limit ${input.limit} offset ${input.offset}) m)`;
  }
  const first = Math.floor(input.offset / RANK_BLOCK);
  const last = Math.floor((input.offset + Math.max(input.limit, 1) - 1) / RANK_BLOCK);
  // Built (one hashed set of practice ids) only when the total is small enough for it to pay.
  const head = sql`(case when (select c.n_total from counts c where c.grouping_set = 3) <= ${HEAD_FIRST_MAX}
                    then m.id in (${matchingTranslations(input.q, 'search_head')}) else false end)`;

  return sql`candidates as (
      select m.id, ${first} + (row_number() over (order by m.head desc, ${DATE_ORDER}) - 1) / ${RANK_BLOCK} as block
      from (select m.id, ${head} as head, m.start_year, m.end_year from m where ${where} order by head desc, ${DATE_ORDER}
            limit ${(last - first + 1) * RANK_BLOCK} offset ${first * RANK_BLOCK}) m
    ),
    ranked as (select c.id, c.block, ${rankOf(input, sql`c.id`)} as rank from candidates c),
    page as (
      select r.id, row_number() over (order by r.block, r.rank desc, r.id desc) as ord
      from (select * from ranked order by block, rank desc, id desc limit ${input.limit} offset ${input.offset - first * RANK_BLOCK}) r)`;
}

/** One result of the page, built by `items` (through json_agg, so JSON-safe columns only: no dates). */
export type SearchRow = Pick<
  Selectable<PracticesTable>,
  'id' | 'slug' | 'external_id' | 'country_code' | 'start_year' | 'end_year' | 'sdgs'
> &
  Pick<Selectable<PracticeTranslationsTable>, 'title' | 'summary'> & {
    region_slug: Selectable<CountriesTable>['region_slug'] | null;
    city_name: Selectable<CitiesTable>['name'] | null;
    city_names: Selectable<CitiesTable>['names'] | null;
    snippet: string;
    content_locale: string;
    themes: string[];
    topics: string[];
  };

export type FacetCount = { value: string; count: number };
export type SearchOutcome = { total: number; facets: Record<FacetName, FacetCount[]>; rows: SearchRow[] };

/** `items`: the rows of `page` (id, ord) as the list shows them. Only the page's rows get a snippet: ts_headline is the expensive part. */
export function itemsCte(input: Pick<SearchInput, 'q' | 'locale'>, words: SearchWords = input.q): RawBuilder<unknown> {
  const headline = input.q
    ? sql`ts_headline(text_search_config(tr.locale), tr.summary || ' ' || tr.approach || ' ' || tr.results, ${queryOf(sql`tr.locale`, words)},
          ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`tr.summary`;
  // Without the reader's language or English, show the translation the words were found in.
  const matchedFirst = input.q ? sql`(t.search @@ ${queryOf(sql`t.locale`, words)}) desc,` : sql``;
  return sql`items as (
      select page.ord, p.id, p.slug, p.external_id, p.country_code, co.region_slug, p.start_year, p.end_year, p.sdgs,
             array(select x.theme_slug from practice_themes x where x.practice_id = p.id order by 1) as themes,
             array(select x.topic_slug from practice_topics x where x.practice_id = p.id order by 1) as topics,
             c.name as city_name, c.names as city_names, tr.title, tr.summary, ${headline} as snippet, tr.locale as content_locale
      from page join practices p on p.id = page.id
      left join countries co on co.code = p.country_code
      left join cities c on c.id = p.city_id
      join lateral (
        select t.locale, t.title, t.summary, t.approach, t.results from practice_translations t where t.practice_id = p.id
        order by (t.locale = ${input.locale}) desc, (t.locale = 'en') desc, ${matchedFirst} t.locale limit 1
      ) tr on true
    )`;
}

/**
 * A whole search in one statement (one snapshot, one text match): the total, the five facets (each over
 * every filter but its own, so values combine) and one page of results. The practice search index (ADR
 * 016) answers the same from the process; this statement answers while it loads.
 */
export async function searchMatches(db: Database, input: SearchInput): Promise<SearchOutcome> {
  const { cte, where } = matchesCte(input);
  const result = await sql<{ total: number; facets: Array<FacetCount & { facet: FacetName }>; items: SearchRow[] }>`
    with ${cte},
    ${facetCtes(where)},
    ${pageCtes(input, where())},
    ${itemsCte(input)}
    select (select c.n_total from counts c where c.grouping_set = 3) as total,
           (select coalesce(json_agg(f order by f.count desc, f.value), '[]') from facets f) as facets,
           (select coalesce(json_agg(i order by i.ord), '[]') from items i) as items`.execute(db);
  const row = result.rows[0];
  const grouped = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<FacetName, FacetCount[]>;
  for (const { facet, value, count } of row?.facets ?? []) grouped[facet].push({ value, count });
  return { total: row?.total ?? 0, facets: grouped, rows: row?.items ?? [] };
}

/**
 * One page drawn from practices the index chose (ADR 016): by date, `ids` is the page in order; by relevance, `ids` are the
 * candidates of the page's block(s) in their pre-order, `blocks` their block numbers, ranked here exactly as `pageCtes` ranks
 * them. Prepared: its plan does not depend on the words or the ids (docs/performance.md).
 */
export async function drawPage(
  db: Database,
  input: SearchInput,
  ids: number[],
  blocks: number[] | null,
  words: SearchWords = input.q,
): Promise<SearchRow[]> {
  const page = blocks
    ? sql`ranked as (
        select c.id, c.block, ${rankOf(input, sql`c.id`, words)} as rank
        from unnest(${ids}::int[], ${blocks}::int[]) as c(id, block)
      ),
      page as (
        select r.id, row_number() over (order by r.block, r.rank desc, r.id desc) as ord
        from (select * from ranked order by block, rank desc, id desc
              limit ${input.limit} offset ${input.offset - Math.floor(input.offset / RANK_BLOCK) * RANK_BLOCK}) r)`
    : sql`page as (select c.id, c.ord from unnest(${ids}::int[]) with ordinality as c(id, ord))`;
  const result = await sql<{ items: SearchRow[] }>`${prepared}
    with ${page}, ${itemsCte(input, words)}
    select coalesce(json_agg(i order by i.ord), '[]') as items from items i`.execute(db);
  return result.rows[0]?.items ?? [];
}

/** Which of `ids` really match the words (the index cannot tell a phrase from its words alone: ADR 016). */
export async function findMatchingAmong(db: Database, words: SearchWords, ids: number[]): Promise<number[]> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${lit(l)} and t.search @@ ${wordsIn(l, words)})`);
  const result = await sql<{ id: number }>`
    select distinct t.practice_id as id from practice_translations t
    where t.practice_id = any(${ids}::int[]) and (${sql.join(perLanguage, sql` or `)})`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Counts per value of one facet, over the matches of every other filter (the map's country counts). */
export async function countFacet(db: Database, input: SearchInput, facet: FacetName): Promise<FacetCount[]> {
  const { cte, where } = matchesCte(input);
  const result =
    await sql<FacetCount>`with ${cte} select value, count from (${facetQuery(facet, where(facet))}) f order by 2 desc, 1`.execute(db);
  return result.rows;
}
