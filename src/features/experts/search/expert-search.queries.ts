import { type Selectable, sql } from 'kysely';
import type { CitiesTable } from '../../../core/cities/cities.table.ts';
import type { Database } from '../../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { seesSuspended } from '../expert-visibility.model.ts';
import type { ExpertLanguage, ExpertsTable, ExpertVisibility } from '../experts.table.ts';

type City = Selectable<CitiesTable>;

/** One card of a result page: the profile's record, its city, the headline in the reader's language, its lists. */
export type ExpertSearchRow = Pick<
  Selectable<ExpertsTable>,
  'id' | 'slug' | 'external_id' | 'display_name' | 'organisation' | 'position' | 'country_code' | 'availability'
> & {
  city_name: City['name'] | null;
  city_names: City['names'] | null;
  headline: string | null;
  content_locale: string | null;
  languages: ExpertLanguage[];
  themes: string[];
  topics: string[];
};

/** How close a typed word must be to a word of a name (pg_trgm word similarity): "Schmitt" finds "Schmidt". */
export const NAME_SIMILARITY = 0.45;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The experts whose texts match the words (each translation with its own language's stemming; the
 * reader's language weighs a quarter more) or whose organisation or city contains them, with the text's
 * rank. One indexed branch per source, united: an OR across tables would make PostgreSQL read every expert.
 */
export async function findTextMatches(db: Database, q: string, locale: Locale): Promise<Array<{ id: number; rank: number }>> {
  const perLanguage = LOCALES.map(
    (l) => sql`select t.expert_id as id, ts_rank_cd(t.search, to_search_query(${l}, ${q})) * ${l === locale ? 1.25 : 1}::float8 as rank
               from expert_translations t where t.locale = ${l} and t.search @@ to_search_query(${l}, ${q})`,
  );
  const like = `%${escapeLike(q.toLowerCase())}%`;
  const result = await sql<{ id: number; rank: number }>`
    select id, max(rank)::float8 as rank from (
      ${sql.join(perLanguage, sql` union all `)}
      union all select x.id, 0 from experts x where lower(x.organisation) like ${like}
      union all select x.id, 0 from experts x join cities c on c.id = x.city_id where lower(c.name) like ${like}
    ) hits group by id`.execute(db);
  return result.rows;
}

/**
 * Words of expert names close to each word typed (typos, a missing letter), with their similarity:
 * looked up among the distinct name words (migration 0008), not among every name.
 */
export function findSimilarNameWords(db: Database, q: string) {
  return db.transaction().execute(async (trx) => {
    // The threshold of `<%` is a setting; `set local` keeps it to this lookup.
    await sql`set local pg_trgm.word_similarity_threshold = ${sql.lit(NAME_SIMILARITY)}`.execute(trx);
    const result = await sql<{ typed: string; word: string; similarity: number }>`
      select typed, d.word, word_similarity(typed, d.word)::float8 as similarity
      from unnest(expert_name_words_of(${q})) typed
      join expert_name_words d on typed <% d.word`.execute(trx);
    return result.rows;
  });
}

/** The cards of one result page, in the given order; a profile the reader may not see is left out. */
export async function findExpertCards(
  db: Database,
  ids: number[],
  locale: Locale,
  visible: ExpertVisibility[],
): Promise<ExpertSearchRow[]> {
  if (!ids.length) return [];
  const result = await sql<ExpertSearchRow>`
    select x.id, x.slug, x.external_id, x.display_name, x.organisation, x.position,
      x.country_code, c.name as city_name, c.names as city_names, x.availability,
      tr.headline, tr.locale as content_locale,
      coalesce((select json_agg(json_build_object('code', l.code, 'level', l.level) order by (l.level = 'native') desc, l.code)
                from expert_languages l where l.expert_id = x.id), '[]') as languages,
      array(select y.theme_slug from expert_themes y where y.expert_id = x.id order by 1) as themes,
      array(select y.topic_slug from expert_topics y where y.expert_id = x.id order by 1) as topics
    from experts x
    left join cities c on c.id = x.city_id
    left join lateral (select t.headline, t.locale from expert_translations t where t.expert_id = x.id
                       order by (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale limit 1) tr on true
    where x.id = any(${sql.val(ids)}::int[]) and x.visibility in (${sql.join(visible)}) ${activeOnly(visible)}`.execute(db);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Suspended profiles (account disabled) are for editors' eyes only (expert-visibility.model.ts). */
export function activeOnly(visible: ExpertVisibility[]) {
  return seesSuspended(visible) ? sql`` : sql`and not x.suspended`;
}

/** The profiles of a municipality, by name (whoever may see them: findExpertCards applies the visibility). */
export async function listExpertIdsOfCity(db: Database, cityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('experts')
    .select('id')
    .where('city_id', '=', cityId)
    .orderBy('display_name')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}
