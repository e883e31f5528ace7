import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';

// Calls for the site search and the sitemap: what the calls page lists (open and closed, never a draft).
// Calls are few (tens a year), so their texts are not stored as search vectors: each translation's
// vector is computed in the query, in its own language, with the same weights as every other text
// (title A, summary B, eligibility C), so ranks compare with the other sources'.

export type CallSiteSearch = { q: string; locale: Locale; limit: number; offset: number; candidates: number; countCap: number };

/** One hit (through json_agg: no dates). */
export type CallHitRow = { id: number; external_id: string; slug: string; title: string; summary: string; locale: string; rank: number };

const lit = (locale: Locale) => sql.lit(locale);

const vector = (l: Locale) =>
  sql`(setweight(to_search_vector(${lit(l)}, t.title), 'A') || setweight(to_search_vector(${lit(l)}, t.summary), 'B')
       || setweight(to_search_vector(${lit(l)}, t.eligibility), 'C'))`;

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
export async function searchPublicCalls(db: Database, r: CallSiteSearch): Promise<{ total: number; rows: CallHitRow[] }> {
  const result = await sql<{ total: number; rows: CallHitRow[] }>`
    with m as materialized (
      select c.id, c.deadline from calls c
      where c.status <> 'draft' and c.id in (select t.call_id from call_translations t where ${matches(r.q)})
    ),
    total as (select count(*)::int as n from (select 1 from m limit ${r.countCap + 1}) x),
    candidates as (select m.id from m order by m.deadline desc, m.id desc limit ${r.candidates}),
    hits as (
      select c.id, coalesce(c.external_id, c.slug) as external_id, c.slug, tr.title, tr.summary, tr.locale,
             (select max(${rankOf(r.q)}) from call_translations t where t.call_id = c.id)::float8 as rank
      from candidates k join calls c on c.id = k.id
      cross join lateral (select t.title, t.summary, t.locale from call_translations t where t.call_id = c.id
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

export async function countPublicCalls(db: Database): Promise<number> {
  const row = await db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '<>', 'draft')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public calls by id, with the languages their page exists in (as its hreflang lists them). */
export async function listPublicCallPages(db: Database, offset: number, limit: number) {
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select c.slug, c.updated_at, array(select t.locale from call_translations t where t.call_id = c.id order by 1) as locales
    from calls c where c.status <> 'draft' order by c.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}
