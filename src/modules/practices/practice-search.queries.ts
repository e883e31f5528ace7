import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

export type PracticeFilters = { themes: string[]; topics: string[]; regions: string[]; countries: string[]; sdgs: number[] };
export type FacetName = 'theme' | 'topic' | 'region' | 'country' | 'sdg';
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
 * A practice matches a query when any of its translations does, each searched with its own language's
 * stemming (one indexable clause per language).
 */
function textMatch(q: string): RawBuilder<boolean> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${l} and t.search @@ to_search_query(${l}, ${q}))`);
  return sql<boolean>`exists (select 1 from practice_translations t where t.practice_id = p.id and (${sql.join(perLanguage, sql` or `)}))`;
}

/** The WHERE of a search: published, the text, and every filter except `except` (for that facet's counts). */
function conditions(input: SearchInput, except?: FacetName): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`p.status = 'published'`];
  if (input.q) parts.push(textMatch(input.q));
  const f = input.filters;
  if (f.themes.length && except !== 'theme') {
    parts.push(sql`exists (select 1 from practice_themes x where x.practice_id = p.id and x.theme_slug in (${sql.join(f.themes)}))`);
  }
  if (f.topics.length && except !== 'topic') {
    parts.push(sql`exists (select 1 from practice_topics x where x.practice_id = p.id and x.topic_slug in (${sql.join(f.topics)}))`);
  }
  if (f.regions.length && except !== 'region') parts.push(sql`co.region_slug in (${sql.join(f.regions)})`);
  if (f.countries.length && except !== 'country') parts.push(sql`p.country_code in (${sql.join(f.countries)})`);
  if (f.sdgs.length && except !== 'sdg') parts.push(sql`p.sdgs && array[${sql.join(f.sdgs)}]::smallint[]`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export async function countMatches(db: Database, input: SearchInput): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from practices p left join countries co on co.code = p.country_code
    where ${conditions(input)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export type SearchRow = {
  id: number;
  slug: string;
  country_code: string | null;
  region_slug: string | null;
  start_year: number | null;
  end_year: number | null;
  city_name: string | null;
  city_names: Record<string, string> | null;
  title: string;
  summary: string;
  snippet: string;
  content_locale: string;
  external_id: string | null;
  sdgs: number[];
  themes: string[];
  topics: string[];
};

/**
 * One page of results. Only the page is ranked and given a snippet: matches are ordered by rank (a cheap
 * cover-density score) and cut to the page before the expensive ts_headline runs.
 */
export async function findMatches(db: Database, input: SearchInput): Promise<SearchRow[]> {
  const rank = input.q
    ? sql`(select max(ts_rank_cd(t.search, to_search_query(t.locale, ${input.q})) * (case when t.locale = ${input.locale} then 1.25 else 1 end))
           from practice_translations t where t.practice_id = p.id)`
    : sql`0`;
  const order =
    input.sort === 'relevance' && input.q
      ? sql`rank desc, p.id desc`
      : sql`coalesce(p.end_year, 9999) desc, coalesce(p.start_year, 0) desc, p.id desc`;
  const headline = input.q
    ? sql`ts_headline(text_search_config(tr.locale), tr.summary || ' ' || tr.approach || ' ' || tr.results, to_search_query(tr.locale, ${input.q}),
          ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`tr.summary`;
  // Without the reader's language or English, show the translation the words were found in.
  const matchedFirst = input.q ? sql`(t.search @@ to_search_query(t.locale, ${input.q})) desc,` : sql``;
  const result = await sql<SearchRow>`
    with page as (
      select p.id, ${rank} as rank from practices p left join countries co on co.code = p.country_code
      where ${conditions(input)}
      order by ${order}
      limit ${input.limit} offset ${input.offset}
    )
    select p.id, p.slug, p.external_id, p.country_code, co.region_slug, p.start_year, p.end_year, p.sdgs,
           array(select x.theme_slug from practice_themes x where x.practice_id = p.id order by 1) as themes,
           array(select x.topic_slug from practice_topics x where x.practice_id = p.id order by 1) as topics,
           c.name as city_name, c.names as city_names, tr.title, tr.summary, ${headline} as snippet, tr.locale as content_locale
    from page join practices p on p.id = page.id
    left join countries co on co.code = p.country_code
    left join cities c on c.id = p.city_id
    join lateral (
      select * from practice_translations t where t.practice_id = p.id
      order by (t.locale = ${input.locale}) desc, (t.locale = 'en') desc, ${matchedFirst} t.locale limit 1
    ) tr on true
    order by ${input.sort === 'relevance' && input.q ? sql`page.rank desc, p.id desc` : order}`.execute(db);
  return result.rows;
}

export type FacetCount = { value: string; count: number };

/** Counts per value of one facet, over the matches of every other filter (so values can be combined). */
export async function countFacet(db: Database, input: SearchInput, facet: FacetName): Promise<FacetCount[]> {
  const where = conditions(input, facet);
  const base = sql`from practices p left join countries co on co.code = p.country_code`;
  const query =
    facet === 'theme'
      ? sql`select x.theme_slug as value, count(*)::int as count ${base} join practice_themes x on x.practice_id = p.id where ${where} group by 1`
      : facet === 'topic'
        ? sql`select x.topic_slug as value, count(*)::int as count ${base} join practice_topics x on x.practice_id = p.id where ${where} group by 1`
        : facet === 'region'
          ? sql`select co.region_slug as value, count(*)::int as count ${base} where ${where} and co.region_slug is not null group by 1`
          : facet === 'country'
            ? sql`select p.country_code as value, count(*)::int as count ${base} where ${where} and p.country_code is not null group by 1`
            : sql`select s::text as value, count(*)::int as count ${base} cross join unnest(p.sdgs) s where ${where} group by 1`;
  const result = await sql<FacetCount>`${query} order by 2 desc, 1`.execute(db);
  return result.rows;
}
