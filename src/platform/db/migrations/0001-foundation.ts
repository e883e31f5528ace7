import { type Kysely, sql } from 'kysely';

// Foundation schema: shared reference data (regions, countries, themes, topics, cities) and the core
// records the network counts (experts, good practices, events). Later modules extend these tables with
// their own migrations. Migrations never import app code and are never edited once landed.

const LOCALES = "('en','de','fr','es','ar')";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  // One text-search configuration per content language; IMMUTABLE so generated columns and
  // indexes can use it. Unknown locales fall back to 'simple' (no stemming, still searchable).
  await sql`
    create or replace function text_search_config(locale text) returns regconfig
    language sql immutable parallel safe as $$
      select case locale
        when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig
        when 'fr' then 'french'::regconfig when 'es' then 'spanish'::regconfig
        when 'ar' then 'arabic'::regconfig else 'simple'::regconfig end
    $$`.execute(db);

  // German gendered forms ("Abfallsammlerinnen", "Expertin") reduce to the base noun before stemming.
  // PostgreSQL 18's Snowball stemmer does part of this, PostgreSQL 15's does not; doing it ourselves makes
  // "Abfallsammler" find "Abfallsammlerinnen" the same way on every engine. Restricted to agent-noun
  // endings (-er, -ent, -ist, ...) so words like "Berlin" or "Termin" stay untouched.
  await sql`
    create or replace function search_normalize(locale text, body text) returns text
    language sql immutable parallel safe as $$
      select case when locale = 'de'
        then regexp_replace(body, '([[:alpha:]]{2,}(er|ert|ent|ant|ist|og|eur|at))in(nen)?\\M', '\\1', 'gi')
        else body end
    $$`.execute(db);
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

  // Which one-off seeds (demo content) have run, so a restart never overwrites edited records.
  await db.schema
    .createTable('seed_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('regions')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('countries')
    .addColumn('code', 'char(2)', (c) => c.primaryKey().check(sql`code ~ '^[A-Z]{2}$'`))
    .addColumn('region_slug', 'text', (c) => c.notNull().references('regions.slug'))
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('theme_slug', 'text', (c) => c.notNull().references('themes.slug'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cities')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('country_code', 'char(2)', (c) => c.notNull().references('countries.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('names', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('cities_country_slug_key', ['country_code', 'slug'])
    .execute();
  await sql`create index cities_name_trgm on cities using gin (name gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('experts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.references('cities.id'))
    .addColumn('country_code', 'char(2)', (c) => c.references('countries.code'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('members').check(sql`visibility in ('public','members','hidden')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('practices')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft','submitted','in_review','changes_requested','resubmitted','published','rejected','archived')`),
    )
    .addColumn('city_id', 'integer', (c) => c.references('cities.id'))
    .addColumn('country_code', 'char(2)', (c) => c.references('countries.code'))
    .addColumn('start_year', 'integer')
    .addColumn('end_year', 'integer')
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('practices_period_check', sql`end_year is null or start_year is null or end_year >= start_year`)
    .execute();
  await createTranslations(db, 'practice');

  await db.schema
    .createTable('event_series')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await createTranslations(db, 'event_series');

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('dialogue-event','workshop','project-planning-workshop','webinar','expert-mission','network-meeting','conference')`,
        ),
    )
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('in-person','virtual','hybrid')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft','published','cancelled','postponed')`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('city_id', 'integer', (c) => c.references('cities.id'))
    .addColumn('country_code', 'char(2)', (c) => c.references('countries.code'))
    .addColumn('region_slug', 'text', (c) => c.references('regions.slug'))
    .addColumn('series_id', 'integer', (c) => c.references('event_series.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_period_check', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('events_starts_on').on('events').column('starts_on').execute();
  await createTranslations(db, 'event');
}

/** `<entity>_translations`: one row per locale, with a stemmed search vector in that locale's configuration. */
async function createTranslations(db: Kysely<any>, entity: 'practice' | 'event' | 'event_series'): Promise<void> {
  const table = `${entity}_translations`;
  const parent = entity === 'event_series' ? 'event_series' : `${entity}s`;
  await db.schema
    .createTable(table)
    .addColumn(`${entity}_id`, 'integer', (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull().check(sql.raw(`locale in ${LOCALES}`)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')`)
        .stored(),
    )
    .addPrimaryKeyConstraint(`${table}_pkey`, [`${entity}_id`, 'locale'])
    .execute();
  await sql`create index ${sql.raw(`${table}_search`)} on ${sql.table(table)} using gin (search)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'event_translations',
    'events',
    'event_series_translations',
    'event_series',
    'practice_translations',
    'practices',
    'experts',
    'cities',
    'topics',
    'themes',
    'countries',
    'regions',
    'seed_runs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists to_search_query(text, text)`.execute(db);
  await sql`drop function if exists to_search_vector(text, text)`.execute(db);
  await sql`drop function if exists search_normalize(text, text)`.execute(db);
  await sql`drop function if exists text_search_config(text)`.execute(db);
}
