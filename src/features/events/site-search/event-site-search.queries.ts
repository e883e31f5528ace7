import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { eventTextIn } from '../events.queries.ts';

// Events for the site search, the sitemap and the Atom feed: what the calendar lists (every status but
// draft; a cancelled or postponed event stays findable with its status on its page).

export type EventSiteSearch = { q: string; locale: Locale; limit: number; offset: number; candidates: number; countCap: number };

/** One hit (through json_agg: no dates). */
export type EventHitRow = { id: number; external_id: string; slug: string; title: string; summary: string; locale: string; rank: number };

/** Title/summary hits go first only up to this many matches (as the practices' HEAD_FIRST_MAX). */
const HEAD_FIRST_MAX = 5000;

const lit = (locale: Locale) => sql.lit(locale);

/** Each translation tested with its own language's stemming. */
function matching(q: string): RawBuilder<unknown> {
  const perLanguage = LOCALES.map((l) => sql`(t.locale = ${lit(l)} and t.search @@ to_search_query(${lit(l)}, ${q}))`);
  return sql`select t.event_id from event_translations t where ${sql.join(perLanguage, sql` or `)}`;
}

function queryOf(q: string): RawBuilder<unknown> {
  return sql`(case t.locale ${sql.join(
    LOCALES.map((l) => sql`when ${lit(l)} then to_search_query(${lit(l)}, ${q})`),
    sql` `,
  )} end)`;
}

/**
 * Public events matching the words: the total (capped) and one page of the ranked candidates (title or
 * summary hits first, then the latest starting), the shown text in the reader's language first, then rank.
 */
export async function searchPublicEvents(db: Database, r: EventSiteSearch): Promise<{ total: number; rows: EventHitRow[] }> {
  const result = await sql<{ total: number; rows: EventHitRow[] }>`
    with m as materialized (select e.id, e.starts_at from events e where e.status <> 'draft' and e.id in (${matching(r.q)})),
    total as (select count(*)::int as n from (select 1 from m limit ${r.countCap + 1}) x),
    candidates as (
      select m.id from m
      -- A lateral lookup per match (its translations by primary key), only while the matches are few enough.
      left join lateral (select true as head from event_translations t
                         where (select n from total) <= ${HEAD_FIRST_MAX} and t.event_id = m.id and ts_filter(t.search, '{a,b}') @@ ${queryOf(r.q)}
                         limit 1) h on true
      order by h.head is true desc, m.starts_at desc, m.id desc
      limit ${r.candidates}
    ),
    hits as (
      select e.id, coalesce(e.external_id, e.slug) as external_id, e.slug, tr.title, tr.summary, tr.locale,
             (select max(ts_rank_cd(t.search, ${queryOf(r.q)}, 32)) from event_translations t where t.event_id = e.id)::float8 as rank
      from candidates c join events e on e.id = c.id
      cross join lateral ${eventTextIn(r.locale)} tr
    ),
    page as (select * from hits order by (locale = ${r.locale}) desc, rank desc, id desc limit ${r.limit} offset ${r.offset})
    select (select n from total) as total,
           (select coalesce(json_agg(page order by (page.locale = ${r.locale}) desc, page.rank desc, page.id desc), '[]') from page) as rows`.execute(
    db,
  );
  const row = result.rows[0];
  return { total: row?.total ?? 0, rows: row?.rows ?? [] };
}

export async function countPublicEvents(db: Database): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '<>', 'draft')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Public events by id, with the languages their page exists in (as its hreflang lists them). */
export async function listPublicEventPages(db: Database, offset: number, limit: number) {
  const result = await sql<{ slug: string; updated_at: Date; locales: string[] }>`
    select e.slug, e.updated_at, array(select t.locale from event_translations t where t.event_id = e.id order by 1) as locales
    from events e where e.status <> 'draft' order by e.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

/**
 * The feed's events: every public one still to end and those that ended in the last `recentDays`, the
 * latest starting first, each in the reader's language, else English, else any.
 */
export async function listFeedEvents(db: Database, locale: Locale, now: Date, recentDays: number, limit: number) {
  const result = await sql<{
    slug: string;
    kind: string;
    status: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: string;
    created_at: Date;
    updated_at: Date;
    title: string;
    summary: string;
    locale: string;
  }>`
    select e.slug, e.kind, e.status, e.starts_at, e.ends_at, e.time_zone, e.created_at, e.updated_at, tr.title, tr.summary, tr.locale
    from events e cross join lateral ${eventTextIn(locale)} tr
    where e.status <> 'draft' and e.ends_at >= ${new Date(now.getTime() - recentDays * 86_400_000)}
    order by e.starts_at desc, e.id desc limit ${limit}`.execute(db);
  return result.rows;
}
