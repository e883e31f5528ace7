import { type Kysely, sql } from 'kysely';

// Good-practice search at tens of thousands of practices (ADR 005).
//
// One partial GIN index per language instead of one over all translations. A search tests each
// translation with its own language, `(locale = 'de' and search @@ to_search_query('de', q)) or …`; with
// one index, every fetched row had to be tested again against its full vector (several kilobytes,
// compressed, once a practice has all its sections) just to check the language, and the planner could not
// tell how many practices match. With `… where locale = 'de'`, each clause is exactly one index's
// condition: the scans are exact and the row estimates good enough to plan the facet counts.
//
// `search_head`: the title (A) and summary (B) part of `search` on its own, indexed the same way.
// Relevance ranks only the matches that can reach the requested page, title/summary hits first; the
// index tells which practices those are without reading or grouping anything per match.
//
// No pending lists (`fastupdate = off`): new entries would wait in an unsorted list (up to
// gin_pending_list_limit, 4 MB) that every search scans and that the planner prices so high that it falls
// back to reading the whole table; only (auto)vacuum empties it, and PGlite has no autovacuum. Practices
// are written rarely and searched constantly, so the indexes are updated on write instead.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('practice_translations')
    .addColumn('search_head', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')`)
        .stored(),
    )
    .execute();
  await sql`drop index practice_translations_search`.execute(db);
  for (const column of ['search', 'search_head']) {
    for (const locale of LOCALES) {
      await sql`create index ${sql.raw(`practice_translations_${column}_${locale}`)} on practice_translations
                using gin (${sql.ref(column)}) with (fastupdate = off) where locale = ${sql.lit(locale)}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['search', 'search_head']) {
    for (const locale of LOCALES) await sql`drop index ${sql.raw(`practice_translations_${column}_${locale}`)}`.execute(db);
  }
  await sql`create index practice_translations_search on practice_translations using gin (search)`.execute(db);
  await db.schema.alterTable('practice_translations').dropColumn('search_head').execute();
}
