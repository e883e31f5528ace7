import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { ExpertLanguage, ExpertsTable } from '../experts.table.ts';

/** One profile as the directory index holds it: what filters, facets, ordering and matching read. */
export type IndexedExpertRow = Pick<
  Selectable<ExpertsTable>,
  /** f_regions, f_countries: facet values, experience including home (migration 0007). */
  | 'id'
  | 'slug'
  | 'external_id'
  | 'visibility'
  | 'suspended'
  | 'display_name'
  | 'country_code'
  | 'availability'
  | 'f_regions'
  | 'f_countries'
> & {
  /** The name's words as SQL splits them (the same split fills `expert_name_words`). */
  name_words: string[];
  home_region: string | null;
  themes: string[];
  topics: string[];
  /** Experience as entered (without the home country and its region). */
  regions: string[];
  countries: string[];
  languages: ExpertLanguage[];
};

/** The number of the latest committed change of any profile (migration 0008). */
export async function readChangeVersion(db: Database): Promise<number> {
  const result = await sql<{ version: string }>`select version::text as version from expert_change_counter`.execute(db);
  return Number(result.rows[0]?.version ?? 0);
}

/**
 * The profiles changed after `after` up to `upTo`, or null when some of those changes are no longer
 * recorded (pruned): the caller then reads everything again.
 */
export async function findChangedExpertIds(db: Database, after: number, upTo: number): Promise<number[] | null> {
  const result = await sql<{ first: string | null; ids: number[] | null }>`
    select min(c.version)::text as first, array(select distinct u from expert_changes d cross join unnest(d.expert_ids) u
                                                 where d.version > ${after} and d.version <= ${upTo}) as ids
    from expert_changes c where c.version > ${after} and c.version <= ${upTo}`.execute(db);
  const row = result.rows[0];
  if (!row?.first || Number(row.first) !== after + 1) return null;
  return row.ids ?? [];
}

/**
 * Profiles for the index: all of them (`ids` null) or the given ones. The link tables are read per
 * table, grouped, rather than with a subquery per profile: a full read of 100,000 profiles stays one
 * pass over each table.
 */
export async function findIndexedExperts(db: Database, ids: number[] | null): Promise<IndexedExpertRow[]> {
  const only = (column: string) => (ids ? sql`where ${sql.ref(column)} = any(${sql.val(ids)}::int[])` : sql``);
  const grouped = (table: string, value: string) =>
    sql`(select expert_id, array_agg(${sql.raw(value)} order by ${sql.raw(value)}) as v from ${sql.table(table)} ${only('expert_id')} group by expert_id)`;
  const result = await sql<IndexedExpertRow>`
    select x.id, x.slug, x.external_id, x.visibility, x.suspended, x.display_name, expert_name_words_of(x.display_name) as name_words,
      x.country_code::text as country_code, co.region_slug as home_region,
      coalesce(th.v, '{}') as themes, coalesce(tp.v, '{}') as topics,
      coalesce(rg.v, '{}') as regions, coalesce(ct.v, '{}') as countries,
      coalesce(lg.v, '[]') as languages, x.availability, x.f_regions, x.f_countries
    from experts x
    left join countries co on co.code = x.country_code
    left join ${grouped('expert_themes', 'theme_slug')} th on th.expert_id = x.id
    left join ${grouped('expert_topics', 'topic_slug')} tp on tp.expert_id = x.id
    left join ${grouped('expert_regions', 'region_slug')} rg on rg.expert_id = x.id
    left join ${grouped('expert_countries', 'country_code::text')} ct on ct.expert_id = x.id
    left join (select expert_id, json_agg(json_build_object('code', code, 'level', level) order by code) as v
               from expert_languages ${only('expert_id')} group by expert_id) lg on lg.expert_id = x.id
    ${only('x.id')}`.execute(db);
  return result.rows;
}

/** Changes older than a day: every process that searched since has read them. */
export async function deleteOldExpertChanges(db: Database): Promise<number> {
  const result = await sql`delete from expert_changes where changed_at < now() - interval '1 day'
    and version < (select version from expert_change_counter)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
