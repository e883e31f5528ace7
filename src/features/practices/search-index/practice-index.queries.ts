import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import type { PracticesTable } from '../practices.table.ts';

/** A published practice's row version (`xmin`, renewed by every change of it, its texts or its links: migration 0022). */
export type PracticeStamp = { id: number; stamp: string };

/** One published practice as the search index holds it: what matching, filters, counts and order read. */
export type IndexedPracticeRow = Pick<Selectable<PracticesTable>, 'id' | 'country_code' | 'sdgs' | 'start_year' | 'end_year'> & {
  stamp: string;
  themes: string[];
  topics: string[];
  /**
   * Per translation: its language, the distinct lexemes of `search` with the weights of each one's positions
   * (a letter A–D per position, in order: what its one-word rank is made of), and the lexemes of `search_head`.
   */
  texts: Array<{ locale: string; words: string[]; weights: string[]; head: string[] }>;
};

export async function listPublishedStamps(db: Database): Promise<PracticeStamp[]> {
  const result = await sql<PracticeStamp>`select id, xmin::text as stamp from practices where status = 'published'`.execute(db);
  return result.rows;
}

/**
 * The published practices among `ids` (all, with null) as the index holds them. The stamp is read with
 * the rest, so what the index keeps is exactly what that version of the practice says.
 */
export async function findIndexedPractices(db: Database, ids: number[] | null): Promise<IndexedPracticeRow[]> {
  const only = ids ? sql`and p.id = any(${ids}::int[])` : sql``;
  const result = await sql<IndexedPracticeRow>`
    select p.id, p.xmin::text as stamp, p.country_code, p.sdgs, p.start_year, p.end_year,
           array(select x.theme_slug from practice_themes x where x.practice_id = p.id) as themes,
           array(select x.topic_slug from practice_topics x where x.practice_id = p.id) as topics,
           coalesce((select json_agg(json_build_object('locale', t.locale, 'words', l.words, 'weights', l.weights,
                                                       'head', tsvector_to_array(t.search_head)))
                     from practice_translations t
                     cross join lateral (select coalesce(array_agg(u.lexeme), '{}') as words,
                                                coalesce(array_agg(array_to_string(u.weights, '')), '{}') as weights
                                         from unnest(t.search) u) l
                     where t.practice_id = p.id), '[]') as texts
    from practices p where p.status = 'published' ${only}`.execute(db);
  return result.rows;
}

/** The words as PostgreSQL reads them in each language (`to_search_query`, ADR 004): the tsquery's text. */
export async function readSearchQueries(db: Database, q: string): Promise<Record<Locale, string>> {
  const columns = LOCALES.map((l) => sql`to_search_query(${sql.lit(l)}, ${q})::text as ${sql.ref(l)}`);
  const result = await sql<Record<Locale, string>>`select ${sql.join(columns)}`.execute(db);
  return result.rows[0] as Record<Locale, string>;
}
