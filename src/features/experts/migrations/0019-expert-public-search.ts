import { type Kysely, sql } from 'kysely';

// The site search as most readers use it: anonymous visitors see public profiles only. Migration 0017's
// per-language indexes hold every text, so a common word made the search read the matching texts of
// hidden and members-only profiles too, only to drop two thirds of them (`site_visibility`, migration
// 0018): at 100,000 profiles, "water" read 15,011 texts in 4,361 heap blocks to keep 5,006. These
// partial indexes hold the public profiles' texts only (3,412 blocks, half the time: docs/search.md).
// Members' searches (public and members-only) keep using 0017's indexes.
//
// No pending lists (`fastupdate = off`), as in 0017: PGlite has no autovacuum to empty them.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const locale of LOCALES) {
    await sql`create index ${sql.raw(`expert_translations_public_search_${locale}`)} on expert_translations
              using gin (search) with (fastupdate = off)
              where locale = ${sql.lit(locale)} and site_visibility = 'public'`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const locale of LOCALES) await sql`drop index ${sql.raw(`expert_translations_public_search_${locale}`)}`.execute(db);
}
