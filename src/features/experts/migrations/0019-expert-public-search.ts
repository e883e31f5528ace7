import { type Kysely, sql } from 'kysely';

// The site search reads partial indexes that hold only what its reader may see. Migration 0017's
// per-language indexes hold every text, so a common word made the search read the matching texts of
// hidden profiles too, only to drop them (`site_visibility`, migration 0018): at 100,000 profiles,
// "water" read 15,011 texts in 4,361 heap blocks to keep the 5,006 public ones (anonymous visitors) or
// the 10,010 public and members-only ones (members). One set per reader: anonymous visitors
// (`= 'public'`, 3,412 blocks, half the time) and members (`in ('public', 'members')`); the query writes
// the levels exactly so (expert-site-search.queries.ts), as the planner must prove the index fits.
// No pending lists (`fastupdate = off`), as in 0017: PGlite has no autovacuum to empty them.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

const READERS = [
  { name: 'public', levels: sql`site_visibility = 'public'` },
  { name: 'members', levels: sql`site_visibility in ('public', 'members')` },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const reader of READERS) {
    for (const locale of LOCALES) {
      await sql`create index ${sql.raw(`expert_translations_${reader.name}_search_${locale}`)} on expert_translations
                using gin (search) with (fastupdate = off)
                where locale = ${sql.lit(locale)} and ${reader.levels}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const reader of READERS) {
    for (const locale of LOCALES) await sql`drop index ${sql.raw(`expert_translations_${reader.name}_search_${locale}`)}`.execute(db);
  }
}
