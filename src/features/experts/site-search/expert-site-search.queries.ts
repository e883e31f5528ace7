import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import type { ExpertVisibility } from '../experts.table.ts';

// Profiles for the site search and the sitemap: only the visibility levels given, never a suspended
// profile (the directory's rule for everyone but editors, and the site search shows editors no more).
// The site search reads only the texts: each carries its profile's `site_visibility` ('hidden' while
// suspended, migration 0018), so neither the count nor the candidates join 100,000 profiles.

export type ExpertSiteSearch = {
  q: string;
  locale: Locale;
  visible: ExpertVisibility[];
  limit: number;
  offset: number;
  candidates: number;
};

/** One hit (through json_agg: no dates); the headline and its language are null for a profile without texts. */
export type ExpertHitRow = {
  id: number;
  external_id: string;
  slug: string;
  display_name: string;
  headline: string | null;
  locale: string | null;
  country_code: string | null;
  city_name: string | null;
  city_names: Record<string, string> | null;
  rank: number;
};

const lit = (locale: Locale) => sql.lit(locale);

/** Text `alias` matches in its own language: exactly the conditions of migration 0017's partial indexes. */
function matches(alias: string, q: string): RawBuilder<unknown> {
  const perLanguage = LOCALES.map(
    (l) => sql`(${sql.ref(`${alias}.locale`)} = ${lit(l)} and ${sql.ref(`${alias}.search`)} @@ to_search_query(${lit(l)}, ${q}))`,
  );
  return sql`(${sql.join(perLanguage, sql` or `)})`;
}

function queryOf(q: string): RawBuilder<unknown> {
  return sql`(case t.locale ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then to_search_query(${lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/**
 * The query with every word restricted to weight A (the headline): `'water' & 'citi'` becomes
 * `'water':A & 'citi':A`. Folded once at planning; testing it costs a row no more than the match itself
 * (`ts_filter(search, '{a}')` built a new vector per row: 13 µs a row for Arabic texts).
 */
function headQueryOf(q: string): RawBuilder<unknown> {
  return sql`(case t.locale ${sql.join(
    LOCALES.map(
      (l) =>
        sql`when ${lit(l)} then regexp_replace(to_search_query(${lit(l)}, ${q})::text, ${sql.lit("'(?:[^']|'')*'")}, '\\&:A', 'g')::tsquery`,
    ),
    sql` `,
  )} end)`;
}

/**
 * The visibility levels as literals, not parameters: only then can the planner prove that a search fits
 * migration 0019's partial indexes (an anonymous reader's `in ('public')`, a member's `in ('public', 'members')`).
 */
const visibleTo = (visible: ExpertVisibility[]) => sql`t.site_visibility in (${sql.join(visible.map((v) => sql.lit(v)))})`;

/** Visible matching texts, each profile once (its first matching text): the plan stops at `cap`. */
function counted(r: { q: string; visible: ExpertVisibility[]; cap: number }): RawBuilder<unknown> {
  return sql`select count(*)::int as n from (
      select 1 from expert_translations t
      where ${visibleTo(r.visible)} and ${matches('t', r.q)}
        and not exists (select 1 from expert_translations d where d.expert_id = t.expert_id and d.locale < t.locale and ${matches('d', r.q)})
      limit ${r.cap}) m`;
}

/**
 * The count (stopping at `cap`) and, unless `limit` is 0, one page of visible profiles whose headline or
 * bio matches. The matching texts are read once, from the texts alone, and grouped by profile (whether
 * any headline matches) for both the count and the candidates (the headline hits first, then the newest
 * profiles): one grouping where a distinct for the count and a grouping for the candidates cost 4 ms
 * more at 10,000 matches. Only the candidates are ranked, and only the page's profiles are read in full,
 * the shown headline in the reader's language first, then rank.
 */
export async function searchVisibleExperts(
  db: Database,
  r: ExpertSiteSearch & { cap: number },
): Promise<{ total: number; rows: ExpertHitRow[] }> {
  const result = await (r.limit === 0
    ? sql<{ total: number; rows: ExpertHitRow[] }>`select (${counted(r)}) as total, '[]'::json as rows`.execute(db)
    : sql<{ total: number; rows: ExpertHitRow[] }>`
    with m as materialized (
      select t.expert_id as id, bool_or(t.search @@ ${headQueryOf(r.q)}) as head from expert_translations t
      where ${visibleTo(r.visible)} and ${matches('t', r.q)}
      group by t.expert_id
    ),
    total as (select count(*)::int as n from (select 1 from m limit ${r.cap}) x),
    candidates as (select m.id from m order by m.head desc, m.id desc limit ${r.candidates}),
    ranked as (
      select c.id,
             exists (select 1 from expert_translations t where t.expert_id = c.id and t.locale = ${r.locale}) as own,
             (select max(ts_rank_cd(t.search, ${queryOf(r.q)}, 32)) from expert_translations t where t.expert_id = c.id)::float8 as rank
      from candidates c
    ),
    page as (select * from ranked order by own desc, rank desc, id desc limit ${r.limit} offset ${r.offset}),
    hits as (
      select x.id, coalesce(x.external_id, x.slug) as external_id, x.slug, x.display_name, x.country_code::text as country_code,
             ci.name as city_name, ci.names as city_names, tr.headline, tr.locale, p.rank, p.own
      from page p join experts x on x.id = p.id
      left join cities ci on ci.id = x.city_id
      left join lateral (select t.headline, t.locale from expert_translations t where t.expert_id = x.id
                         order by ${preferLocale(r.locale, 't.locale')} limit 1) tr on true
    )
    select (select n from total) as total,
           (select coalesce(json_agg(hits order by hits.own desc, hits.rank desc, hits.id desc), '[]') from hits) as rows`.execute(db));
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

/** Public profiles, not suspended: those an anonymous visitor (and a search engine) may open. */
export async function countPublicExperts(db: Database): Promise<number> {
  const row = await db
    .selectFrom('experts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('visibility', '=', 'public')
    .where('suspended', '=', false)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listPublicExpertPages(db: Database, offset: number, limit: number) {
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select x.slug, x.updated_at, array(select t.locale from expert_translations t where t.expert_id = x.id order by 1) as locales
    from experts x where x.visibility = 'public' and not x.suspended order by x.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}
