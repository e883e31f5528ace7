import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';

// Published project ideas for the site search and the sitemap (a draft is for editors only).

export type ProjectIdeaSiteSearch = { q: string; locale: Locale; limit: number; offset: number; candidates: number; countCap: number };

/** One hit (through json_agg: no dates). */
export type ProjectIdeaHitRow = {
  id: number;
  external_id: string;
  slug: string;
  title: string;
  summary: string;
  locale: string;
  rank: number;
};

/** Title/summary hits go first only up to this many matches (as the practices' HEAD_FIRST_MAX). */
const HEAD_FIRST_MAX = 5000;

const lit = (locale: Locale) => sql.lit(locale);

/** Each translation tested with its own language's stemming. */
function matching(q: string): RawBuilder<unknown> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${lit(l)} and t.search @@ to_search_query(${lit(l)}, ${q}))`);
  return sql`select t.project_idea_id from project_idea_translations t where ${sql.join(perLanguage, sql` or `)}`;
}

function queryOf(q: string): RawBuilder<unknown> {
  return sql`(case t.locale ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then to_search_query(${lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/**
 * Published ideas matching the words: the total (capped) and one page of the ranked candidates (title or
 * summary hits first, then the latest published), the shown text in the reader's language first, then rank.
 */
export async function searchPublishedProjectIdeas(
  db: Database,
  r: ProjectIdeaSiteSearch,
): Promise<{ total: number; rows: ProjectIdeaHitRow[] }> {
  const result = await sql<{ total: number; rows: ProjectIdeaHitRow[] }>`
    with m as materialized (
      select p.id, p.published_at from project_ideas p where p.status = 'published' and p.id in (${matching(r.q)})
    ),
    total as (select count(*)::int as n from (select 1 from m limit ${r.countCap + 1}) x),
    candidates as (
      select m.id from m
      -- A lateral lookup per match (its translations by primary key), only while the matches are few enough.
      left join lateral (select true as head from project_idea_translations t
                         where (select n from total) <= ${HEAD_FIRST_MAX} and t.project_idea_id = m.id and ts_filter(t.search, '{a,b}') @@ ${queryOf(r.q)}
                         limit 1) h on true
      order by h.head is true desc, m.published_at desc nulls last, m.id desc
      limit ${r.candidates}
    ),
    hits as (
      select p.id, coalesce(p.external_id, p.slug) as external_id, p.slug, tr.title, tr.summary, tr.locale,
             (select max(ts_rank_cd(t.search, ${queryOf(r.q)}, 32)) from project_idea_translations t where t.project_idea_id = p.id)::float8 as rank
      from candidates c join project_ideas p on p.id = c.id
      cross join lateral (select t.title, t.summary, t.locale from project_idea_translations t where t.project_idea_id = p.id
                          order by ${preferLocale(r.locale, 't.locale')} limit 1) tr
    ),
    page as (select * from hits order by (locale = ${r.locale}) desc, rank desc, id desc limit ${r.limit} offset ${r.offset})
    select (select n from total) as total,
           (select coalesce(json_agg(page order by (page.locale = ${r.locale}) desc, page.rank desc, page.id desc), '[]') from page) as rows`.execute(
    db,
  );
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

export async function countPublishedProjectIdeas(db: Database): Promise<number> {
  const row = await db
    .selectFrom('project_ideas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Published ideas by id, with the languages their page exists in (as its hreflang lists them). */
export async function listPublishedProjectIdeaPages(db: Database, offset: number, limit: number) {
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select p.slug, p.updated_at,
           array(select t.locale from project_idea_translations t where t.project_idea_id = p.id order by 1) as locales
    from project_ideas p where p.status = 'published' order by p.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}
