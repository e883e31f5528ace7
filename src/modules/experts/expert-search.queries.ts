import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { ExpertVisibility } from './experts.table.ts';

export type ExpertFilters = {
  themes: string[];
  topics: string[];
  languages: string[];
  regions: string[];
  countries: string[];
  availability: string[];
};
export type ExpertFacetName = 'theme' | 'topic' | 'language' | 'region' | 'country' | 'availability';
export type ExpertSearchInput = {
  q: string;
  locale: Locale;
  filters: ExpertFilters;
  /** The visibility levels the reader may see (expert-visibility.ts): applied before anything is counted. */
  visible: ExpertVisibility[];
  sort: 'relevance' | 'name';
  limit: number;
  offset: number;
};

export type ExpertFacetCount = { value: string; count: number };

export type ExpertSearchRow = {
  id: number;
  slug: string;
  external_id: string | null;
  display_name: string;
  organisation: string;
  position: string;
  country_code: string | null;
  city_name: string | null;
  city_names: Record<string, string> | null;
  headline: string | null;
  content_locale: string | null;
  languages: Array<{ code: string; level: string }>;
  themes: string[];
  topics: string[];
  availability: string[];
};

/** How close a typed name must be (pg_trgm word similarity): "Schmitt" finds "Anna Schmidt". */
const NAME_SIMILARITY = 0.45;

/**
 * The experts whose texts match (each translation with its own language's stemming), whose
 * organisation or city contains the words, or whose name is close to them (typos). One branch per
 * index, united: an OR across tables would make PostgreSQL read every expert.
 */
function textMatches(q: string): RawBuilder<unknown> {
  const perLanguage = LOCALES.map(
    (l) => sql`select t.expert_id as id from expert_translations t where t.locale = ${l} and t.search @@ to_search_query(${l}, ${q})`,
  );
  const lower = q.toLowerCase();
  const like = `%${escapeLike(lower)}%`;
  return sql`${sql.join(perLanguage, sql` union `)}
    union select x.id from experts x where lower(x.organisation) like ${like}
    union select x.id from experts x join cities c on c.id = x.city_id where lower(c.name) like ${like}
    union select x.id from experts x where ${lower} <% lower(x.display_name)`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Suspended profiles (account disabled) are for editors' eyes only; editors are who may see hidden ones. */
export function activeOnly(visible: ExpertVisibility[]) {
  return visible.includes('hidden') ? sql`` : sql`and not x.suspended`;
}

/** One boolean per filter, so each facet can be counted with every filter but its own. */
function filterFlags(f: ExpertFilters) {
  const overlap = (column: string, values: string[]) =>
    values.length ? sql<boolean>`${sql.ref(column)} && array[${sql.join(values)}]::text[]` : sql<boolean>`true`;
  return {
    theme: overlap('x.f_themes', f.themes),
    topic: overlap('x.f_topics', f.topics),
    language: overlap('x.f_languages', f.languages),
    // Regions and countries of experience; the home country (and its region) counts as experience too.
    region: overlap('x.f_regions', f.regions),
    country: overlap('x.f_countries', f.countries),
    availability: overlap('x.availability', f.availability),
  } satisfies Record<ExpertFacetName, RawBuilder<boolean>>;
}

const FACETS: ExpertFacetName[] = ['theme', 'topic', 'language', 'region', 'country', 'availability'];
const FACET_COLUMN: Record<ExpertFacetName, string> = {
  theme: 'f_themes',
  topic: 'f_topics',
  language: 'f_languages',
  region: 'f_regions',
  country: 'f_countries',
  availability: 'availability',
};

/** Counts per value of one facet's array over the matches that pass `where`, as JSON, most first. */
function facetCounts(column: string, where: RawBuilder<unknown>) {
  return sql`(select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]')
    from (select v, count(*)::int as n from m cross join unnest(${sql.ref(`m.${column}`)}) v where ${where} group by v) s)`;
}

/**
 * One statement: the visible experts matching the words (materialized once, with a flag per filter),
 * then the total, every facet (each over the other filters) and the page. Hidden profiles are removed
 * before anything is counted, so counts never reveal them.
 */
export function searchExperts(db: Database, input: ExpertSearchInput) {
  // The threshold of `<%` (pg_trgm word similarity) is a setting; `set local` keeps it to this search.
  return db.transaction().execute(async (trx) => {
    await sql`set local pg_trgm.word_similarity_threshold = ${sql.lit(NAME_SIMILARITY)}`.execute(trx);
    return runSearch(trx, input);
  });
}

async function runSearch(db: Database, input: ExpertSearchInput) {
  const flags = filterFlags(input.filters);
  const others = (facet: ExpertFacetName | null) =>
    sql.join(
      FACETS.filter((f) => f !== facet).map((f) => sql.ref(`m.pass_${f}`)),
      sql` and `,
    );
  const rank = input.q
    ? sql`(select coalesce(max(ts_rank_cd(t.search, to_search_query(t.locale, ${input.q})) * (case when t.locale = ${input.locale} then 1.25 else 1 end)), 0)
             from expert_translations t where t.expert_id = x.id) + 2 * word_similarity(${input.q.toLowerCase()}, lower(x.display_name))`
    : sql`0`;
  const order = input.sort === 'relevance' && input.q ? sql`m.rank desc, m.display_name, m.id` : sql`m.display_name, m.id`;
  const result = await sql<{ total: number; facets: Record<ExpertFacetName, ExpertFacetCount[]>; rows: ExpertSearchRow[] }>`
    with m as materialized (
      select x.id, x.display_name, x.f_themes, x.f_topics, x.f_languages, x.f_regions, x.f_countries, x.availability, ${rank} as rank,
        ${sql.join(
          FACETS.map((f) => sql`${flags[f]} as ${sql.ref(`pass_${f}`)}`),
          sql`, `,
        )}
      from experts x
      where x.visibility in (${sql.join(input.visible)}) ${activeOnly(input.visible)} ${input.q ? sql`and x.id in (${textMatches(input.q)})` : sql``}
    ),
    page as (
      select m.id, m.rank from m where ${others(null)} order by ${order} limit ${input.limit} offset ${input.offset}
    )
    select
      (select count(*)::int from m where ${others(null)}) as total,
      json_build_object(${sql.join(
        FACETS.map((f) => sql`${f}::text, ${facetCounts(FACET_COLUMN[f], others(f))}`),
        sql`, `,
      )}
      ) as facets,
      (select coalesce(json_agg(r order by r.ord), '[]') from (
        select row_number() over (order by ${order}) as ord, x.id, x.slug, x.external_id, x.display_name, x.organisation, x.position,
          x.country_code, c.name as city_name, c.names as city_names, x.availability,
          tr.headline, tr.locale as content_locale,
          coalesce((select json_agg(json_build_object('code', l.code, 'level', l.level) order by (l.level = 'native') desc, l.code)
                    from expert_languages l where l.expert_id = x.id), '[]') as languages,
          array(select y.theme_slug from expert_themes y where y.expert_id = x.id order by 1) as themes,
          array(select y.topic_slug from expert_topics y where y.expert_id = x.id order by 1) as topics
        from page p join m on m.id = p.id join experts x on x.id = p.id
        left join cities c on c.id = x.city_id
        left join lateral (select t.headline, t.locale from expert_translations t where t.expert_id = x.id
                           order by (t.locale = ${input.locale}) desc, (t.locale = 'en') desc, t.locale limit 1) tr on true
      ) r) as rows`.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, facets: row?.facets ?? emptyFacets(), rows: row?.rows ?? [] };
}

function emptyFacets(): Record<ExpertFacetName, ExpertFacetCount[]> {
  return { theme: [], topic: [], language: [], region: [], country: [], availability: [] };
}
