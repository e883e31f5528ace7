import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import type { ExpertVisibility } from '../experts.table.ts';

// Profiles for the site search and the sitemap: only the visibility levels given, never a suspended
// profile (the directory's rule for everyone but editors, and the site search shows editors no more).

export type ExpertSiteSearch = {
  q: string;
  locale: Locale;
  visible: ExpertVisibility[];
  limit: number;
  offset: number;
  candidates: number;
  countCap: number;
  /** Headline hits go first only up to this many matches (telling them apart costs a test per match). */
  headFirstMax: number;
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

/** Each translation with its own language: exactly the conditions of migration 0017's partial indexes. */
function matching(q: string): RawBuilder<unknown> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${lit(l)} and t.search @@ to_search_query(${lit(l)}, ${q}))`);
  return sql`select t.expert_id from expert_translations t where ${sql.join(perLanguage, sql` or `)}`;
}

function queryOf(q: string): RawBuilder<unknown> {
  return sql`(case t.locale ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then to_search_query(${lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/**
 * Visible profiles whose headline or bio matches: the total (capped) and one page of the ranked
 * candidates (headline hits first while few enough, then the latest changed), the shown headline being
 * in the reader's language first, then rank.
 */
export async function searchVisibleExperts(db: Database, r: ExpertSiteSearch): Promise<{ total: number; rows: ExpertHitRow[] }> {
  const result = await sql<{ total: number; rows: ExpertHitRow[] }>`
    with m as materialized (
      select x.id, x.updated_at from experts x
      where x.visibility in (${sql.join(r.visible)}) and not x.suspended and x.id in (${matching(r.q)})
    ),
    total as (select count(*)::int as n from (select 1 from m limit ${r.countCap + 1}) x),
    candidates as (
      select m.id from m
      -- A lateral lookup per match (its translations by primary key), only while the matches are few enough.
      left join lateral (select true as head from expert_translations t
                         where (select n from total) <= ${r.headFirstMax} and t.expert_id = m.id and ts_filter(t.search, '{a}') @@ ${queryOf(r.q)}
                         limit 1) h on true
      order by h.head is true desc, m.updated_at desc, m.id desc
      limit ${r.candidates}
    ),
    hits as (
      select x.id, coalesce(x.external_id, x.slug) as external_id, x.slug, x.display_name, x.country_code::text as country_code,
             ci.name as city_name, ci.names as city_names, tr.headline, tr.locale,
             (select max(ts_rank_cd(t.search, ${queryOf(r.q)}, 32)) from expert_translations t where t.expert_id = x.id)::float8 as rank
      from candidates c join experts x on x.id = c.id
      left join cities ci on ci.id = x.city_id
      left join lateral (select t.headline, t.locale from expert_translations t where t.expert_id = x.id
                         order by ${preferLocale(r.locale, 't.locale')} limit 1) tr on true
    ),
    page as (select * from hits order by (locale = ${r.locale}) is true desc, rank desc, id desc limit ${r.limit} offset ${r.offset})
    select (select n from total) as total,
           (select coalesce(json_agg(page order by (page.locale = ${r.locale}) is true desc, page.rank desc, page.id desc), '[]') from page) as rows`.execute(
    db,
  );
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
