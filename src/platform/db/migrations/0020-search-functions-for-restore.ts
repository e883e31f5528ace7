import { type Kysely, sql } from 'kysely';

// The search functions of 0001 call each other by bare name, which resolves through the search_path.
// pg_restore runs with an empty search_path and recomputes every generated `search` column while it loads
// the rows, so a restore of a pg_dump failed at the first translations table ("function
// text_search_config(text) does not exist"). The same functions, calling each other by their schema's
// name (the schema they live in, read here): still plain SQL functions, so still inlined (a `SET
// search_path` clause would stop that), with the same results, so no stored vector changes.

export async function up(db: Kysely<any>): Promise<void> {
  const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = sql.id(row.rows[0]?.schema ?? 'public');
  await sql`
    create or replace function to_search_vector(locale text, body text) returns tsvector
    language sql immutable parallel safe as $$
      select pg_catalog.to_tsvector(${schema}.text_search_config(locale), ${schema}.search_normalize(locale, coalesce(body, '')))
    $$`.execute(db);
  await sql`
    create or replace function to_search_query(locale text, query text) returns tsquery
    language sql immutable parallel safe as $$
      select pg_catalog.websearch_to_tsquery(${schema}.text_search_config(locale), ${schema}.search_normalize(locale, coalesce(query, '')))
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function to_search_vector(locale text, body text) returns tsvector
    language sql immutable parallel safe as $$
      select to_tsvector(text_search_config(locale), search_normalize(locale, coalesce(body, '')))
    $$`.execute(db);
  await sql`
    create or replace function to_search_query(locale text, query text) returns tsquery
    language sql immutable parallel safe as $$
      select websearch_to_tsquery(text_search_config(locale), search_normalize(locale, coalesce(query, '')))
    $$`.execute(db);
}
