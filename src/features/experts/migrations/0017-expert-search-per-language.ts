import { type Kysely, sql } from 'kysely';

// The site search over 100,000 profiles: one partial GIN index per language on the profiles' texts, as
// the practices have (practices' migration 0005, ADR 005). The site search tests each translation with its
// own language, `(locale = 'de' and search @@ to_search_query('de', q)) or …`: each clause is exactly one
// of these indexes' conditions, so the scans are exact and the planner can tell how many profiles match.
// The index over every language stays: the directory and matching read it too.
//
// No pending lists (`fastupdate = off`): PGlite has no autovacuum to empty them, and profiles are written
// far less often than searched.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const locale of LOCALES) {
    await sql`create index ${sql.raw(`expert_translations_search_${locale}`)} on expert_translations
              using gin (search) with (fastupdate = off) where locale = ${sql.lit(locale)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const locale of LOCALES) await sql`drop index ${sql.raw(`expert_translations_search_${locale}`)}`.execute(db);
}
