import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';

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

function tsquery(words: string[]) {
  // Already stemmed: quoted and OR-ed under the 'simple' configuration, so nothing is stemmed twice.
  return words.length ? words.map((w) => `'${w.replaceAll("'", "''")}'`).join(' | ') : '';
}

/**
 * Experts whose texts share stemmed words with the challenge (each language's words against that
 * language's texts), with the best rank among their texts. Visibility and every other signal come
 * from the directory index (match-candidates.model.ts).
 */
export async function findTextHits(db: Database, words: Partial<Record<Locale, string[]>>): Promise<Map<number, number>> {
  const queries = LOCALES.map((l) => ({ locale: l, query: tsquery(words[l] ?? []) })).filter((q) => q.query);
  if (!queries.length) return new Map();
  // One indexed branch per language, united (a join against a list of queries is planned as a scan).
  const branches = queries.map(
    (q) => sql`select t.expert_id as id, ts_rank(t.search, to_tsquery('simple', ${q.query}), 1) as rank
               from expert_translations t where t.locale = ${q.locale} and t.search @@ to_tsquery('simple', ${q.query})`,
  );
  const rows = await sql<{ id: number; rank: number }>`
      select id, max(rank)::float8 as rank from (${sql.join(branches, sql` union all `)}) hits group by id`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.rank]));
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
