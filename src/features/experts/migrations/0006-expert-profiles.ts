import { type Kysely, sql } from 'kysely';

// Expert profiles: a verified member's listing in the directory, with what matching reads (themes,
// topics, regions and countries of experience, languages with level, availability, texts per language).
// Visibility is the expert's choice: public, members (the default) or hidden (editors only).

const AVAILABILITY = "'advice','missions','study-visits','speaking'";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('experts')
    .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('cascade'))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('years_experience', 'smallint', (c) => c.check(sql`years_experience between 0 and 70`))
    .addColumn('availability', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('photo', 'jsonb')
    .addColumn('contact_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('listing_consent_at', 'timestamptz')
    .execute();
  await sql`alter table experts add constraint experts_availability_check check (availability <@ array[${sql.raw(AVAILABILITY)}]::text[])`.execute(
    db,
  );
  // Typo-tolerant name search (pg_trgm is enabled by the foundation migration).
  await sql`create index experts_name_trgm on experts using gin (lower(display_name) gin_trgm_ops)`.execute(db);
  await sql`create index experts_organisation_trgm on experts using gin (lower(organisation) gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('experts_visibility').on('experts').column('visibility').execute();

  await db.schema
    .createTable('expert_translations')
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('en','de','fr','es','ar')`))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`setweight(to_search_vector(locale, headline), 'A') || setweight(to_search_vector(locale, bio), 'B')`)
        .stored(),
    )
    .addPrimaryKeyConstraint('expert_translations_pkey', ['expert_id', 'locale'])
    .execute();
  await sql`create index expert_translations_search on expert_translations using gin (search) with (fastupdate = off)`.execute(db);

  for (const [table, column, type, ref] of [
    ['expert_themes', 'theme_slug', 'text', 'themes.slug'],
    ['expert_topics', 'topic_slug', 'text', 'topics.slug'],
    ['expert_regions', 'region_slug', 'text', 'regions.slug'],
    ['expert_countries', 'country_code', 'char(2)', 'countries.code'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('expert_id', 'integer', (c) => c.notNull().references('experts.id').onDelete('cascade'))
      .addColumn(column, sql.raw(type), (c) => c.notNull().references(ref))
      .addPrimaryKeyConstraint(`${table}_pkey`, ['expert_id', column])
      .execute();
    await db.schema.createIndex(`${table}_value`).on(table).columns([column, 'expert_id']).execute();
  }
  await db.schema
    .createTable('expert_languages')
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[a-z]{2}$'`))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('working','fluent','native')`))
    .addPrimaryKeyConstraint('expert_languages_pkey', ['expert_id', 'code'])
    .execute();
  await db.schema.createIndex('expert_languages_value').on('expert_languages').columns(['code', 'expert_id']).execute();

  // That someone wrote to an expert, and when; never the text (editors may see this, nobody else).
  await db.schema
    .createTable('expert_contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('sender_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('expert_contacts_expert').on('expert_contacts').columns(['expert_id', 'created_at']).execute();

  // Editors' saved matching requests, and which experts they contacted for each.
  await db.schema
    .createTable('match_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('query', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('match_request_contacts')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('match_requests.id').onDelete('cascade'))
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('noted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('match_request_contacts_pkey', ['request_id', 'expert_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'match_request_contacts',
    'match_requests',
    'expert_contacts',
    'expert_languages',
    'expert_countries',
    'expert_regions',
    'expert_topics',
    'expert_themes',
    'expert_translations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('experts_visibility').execute();
  await db.schema.dropIndex('experts_name_trgm').execute();
  await db.schema.dropIndex('experts_organisation_trgm').execute();
  await db.schema.alterTable('experts').dropConstraint('experts_availability_check').execute();
  await db.schema
    .alterTable('experts')
    .dropColumn('user_id')
    .dropColumn('organisation')
    .dropColumn('position')
    .dropColumn('years_experience')
    .dropColumn('availability')
    .dropColumn('links')
    .dropColumn('photo')
    .dropColumn('contact_enabled')
    .dropColumn('listing_consent_at')
    .execute();
}
