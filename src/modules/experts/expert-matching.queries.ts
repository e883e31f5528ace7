import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { activeOnly } from './expert-search.queries.ts';
import type { ExpertVisibility } from './experts.table.ts';

/** A text's stemmed words in every platform language (each language's own stemming and stop words). */
export async function stemInAllLanguages(db: Database, text: string): Promise<Record<Locale, string[]>> {
  const result = await sql<{ locale: Locale; lexemes: string[] }>`
    select l as locale, array(select u.lexeme from unnest(to_search_vector(l, ${text})) u order by 1) as lexemes
    from unnest(${sql.val([...LOCALES])}::text[]) l`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.locale, r.lexemes])) as Record<Locale, string[]>;
}

/** Many short texts stemmed at once (the topic vocabulary, once per process). */
export async function stemPhrases(db: Database, phrases: Array<{ locale: Locale; text: string }>): Promise<string[][]> {
  if (!phrases.length) return [];
  const result = await sql<{ i: number; lexemes: string[] }>`
    select p.i::int as i, array(select u.lexeme from unnest(to_search_vector(p.locale, p.text)) u order by 1) as lexemes
    from unnest(${sql.val(phrases.map((p) => p.locale))}::text[], ${sql.val(phrases.map((p) => p.text))}::text[])
      with ordinality as p(locale, text, i)
    order by p.i`.execute(db);
  return result.rows.map((r) => r.lexemes);
}

export type MatchQuery = {
  /** Per language, the challenge's stemmed words as an OR query ('' when none). */
  words: Partial<Record<Locale, string[]>>;
  /** Wanted topics and themes with a weight (explicit 1; inferred from the text, less). */
  topics: Record<string, number>;
  themes: Record<string, number>;
  languages: string[];
  region: string | null;
  country: string | null;
  availability: string[];
  visible: ExpertVisibility[];
  /** How many candidates to score fully (the best by text and topics). */
  candidates: number;
};

export type MatchRow = {
  id: number;
  slug: string;
  external_id: string | null;
  display_name: string;
  country_code: string | null;
  home_region: string | null;
  text_rank: number;
  topics: string[];
  themes: string[];
  regions: string[];
  countries: string[];
  languages: Array<{ code: string; level: string }>;
  availability: string[];
};

function tsquery(words: string[]) {
  // Already stemmed: quoted and OR-ed under the 'simple' configuration, so nothing is stemmed twice.
  return words.length ? words.map((w) => `'${w.replaceAll("'", "''")}'`).join(' | ') : '';
}

/**
 * Candidates and their raw signals: experts whose texts share stemmed words with the challenge (in the
 * text's own language) or who work on a wanted topic or theme, visible to the caller, best first by
 * a cheap pre-score; the service computes the final score and the reasons.
 */
export async function findMatchCandidates(db: Database, m: MatchQuery): Promise<MatchRow[]> {
  const queries = LOCALES.map((l) => ({ locale: l, query: tsquery(m.words[l] ?? []) })).filter((q) => q.query);
  const topicList = Object.entries(m.topics);
  const themeList = Object.entries(m.themes);
  const textPart = queries.length
    ? sql`select t.expert_id, max(ts_rank(t.search, to_tsquery('simple', q.query), 1)) as rank
          from (values ${sql.join(queries.map((q) => sql`(${q.locale}, ${q.query})`))}) as q(locale, query)
          join expert_translations t on t.locale = q.locale and t.search @@ to_tsquery('simple', q.query)
          group by t.expert_id`
    : sql`select null::int as expert_id, 0::float as rank where false`;
  const topicPart = topicList.length
    ? sql`select y.expert_id, sum(w.weight) as weight from expert_topics y
          join (values ${sql.join(topicList.map(([slug, w]) => sql`(${slug}, ${w}::float)`))}) as w(slug, weight) on w.slug = y.topic_slug
          group by y.expert_id`
    : sql`select null::int as expert_id, 0::float as weight where false`;
  const themePart = themeList.length
    ? sql`select y.expert_id, sum(w.weight) as weight from expert_themes y
          join (values ${sql.join(themeList.map(([slug, w]) => sql`(${slug}, ${w}::float)`))}) as w(slug, weight) on w.slug = y.theme_slug
          group by y.expert_id`
    : sql`select null::int as expert_id, 0::float as weight where false`;
  const result = await sql<MatchRow>`
    with text_hits as (${textPart}),
    topic_hits as (${topicPart}),
    theme_hits as (${themePart}),
    scored as (
      select x.id, coalesce(th.rank, 0) as text_rank,
        coalesce(th.rank / (th.rank + 0.1), 0) * 2 + coalesce(tp.weight, 0) + coalesce(tm.weight, 0) * 0.3 as pre
      from experts x
      left join text_hits th on th.expert_id = x.id
      left join topic_hits tp on tp.expert_id = x.id
      left join theme_hits tm on tm.expert_id = x.id
      where x.visibility in (${sql.join(m.visible)}) ${activeOnly(m.visible)}
        and (th.expert_id is not null or tp.expert_id is not null or tm.expert_id is not null)
      order by pre desc, x.id
      limit ${m.candidates}
    )
    select x.id, x.slug, x.external_id, x.display_name, x.country_code, co.region_slug as home_region, s.text_rank,
      array(select y.topic_slug from expert_topics y where y.expert_id = x.id order by 1) as topics,
      array(select y.theme_slug from expert_themes y where y.expert_id = x.id order by 1) as themes,
      array(select y.region_slug from expert_regions y where y.expert_id = x.id order by 1) as regions,
      array(select y.country_code::text from expert_countries y where y.expert_id = x.id order by 1) as countries,
      coalesce((select json_agg(json_build_object('code', l.code, 'level', l.level) order by l.code)
                from expert_languages l where l.expert_id = x.id), '[]') as languages,
      x.availability
    from scored s join experts x on x.id = s.id left join countries co on co.code = x.country_code
    order by s.pre desc, x.id`.execute(db);
  return result.rows;
}

/** The headline each expert shows in the reader's language (else English, else any), for reasons. */
export async function findHeadlines(db: Database, ids: number[], locale: Locale) {
  if (!ids.length) return new Map<number, { headline: string; locale: string }>();
  const rows = await sql<{ expert_id: number; headline: string; locale: string }>`
    select distinct on (t.expert_id) t.expert_id, t.headline, t.locale from expert_translations t
    where t.expert_id in (${sql.join(ids)})
    order by t.expert_id, (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale`.execute(db);
  return new Map(rows.rows.map((r) => [r.expert_id, { headline: r.headline, locale: r.locale }]));
}

/** Which experts' texts contain which of the challenge's stemmed words (for "mentions …" reasons). */
export async function findSharedWords(db: Database, ids: number[], words: Partial<Record<Locale, string[]>>) {
  const pairs = Object.entries(words).flatMap(([locale, list]) => (list ?? []).map((w) => ({ locale, w })));
  if (!ids.length || !pairs.length) return new Map<number, string[]>();
  const rows = await sql<{ expert_id: number; words: string[] }>`
    select t.expert_id, array_agg(distinct u.lexeme) as words
    from expert_translations t cross join lateral unnest(t.search) u
    join unnest(${sql.val(pairs.map((p) => p.locale))}::text[], ${sql.val(pairs.map((p) => p.w))}::text[]) as c(locale, w)
      on c.locale = t.locale and c.w = u.lexeme
    where t.expert_id in (${sql.join(ids)})
    group by t.expert_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.expert_id, r.words]));
}

/**
 * Stemmed words that occur in more than `share` of the experts' texts, from PostgreSQL's own statistics
 * (ANALYZE keeps the most common elements of tsvector columns). Such words ("city", "municipal") say
 * nothing about fit and would make every expert a candidate. Empty without statistics or below 1,000 texts.
 */
export async function findCommonWords(db: Database, share: number): Promise<Set<string>> {
  const result = await sql<{ lexeme: string }>`
    select e.lexeme from pg_stats s
    cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(lexeme, freq)
    where s.tablename = 'expert_translations' and s.attname = 'search' and e.freq > ${share}
      -- Below a thousand texts the shares are too noisy to drop anything (and tests stay deterministic).
      and (select c.reltuples from pg_class c where c.relname = 'expert_translations' and c.relkind = 'r' limit 1) >= 1000`.execute(db);
  return new Set(result.rows.map((r) => r.lexeme));
}
