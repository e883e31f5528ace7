import { type Kysely, sql } from 'kysely';

// The full good-practice record: every section per language, themes/topics/SDGs, partners, links and a
// contact. The search vector now covers all sections (title weighted highest, then summary).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('practices')
    .addColumn('sdgs', sql`smallint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('partners', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contact_name', 'text')
    .addColumn('contact_organisation', 'text')
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`alter table practices add constraint practices_sdgs_check check (sdgs <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[])`.execute(
    db,
  );

  for (const section of ['challenge', 'approach', 'results', 'lessons', 'transfer', 'resources']) {
    await db.schema
      .alterTable('practice_translations')
      .addColumn(section, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  await db.schema.alterTable('practice_translations').dropColumn('search').execute();
  await db.schema
    .alterTable('practice_translations')
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B') ||
              setweight(to_search_vector(locale, challenge || ' ' || approach || ' ' || results), 'C') ||
              setweight(to_search_vector(locale, lessons || ' ' || transfer || ' ' || resources), 'D')`,
        )
        .stored(),
    )
    .execute();
  await sql`create index practice_translations_search on practice_translations using gin (search)`.execute(db);

  await db.schema
    .createTable('practice_themes')
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('theme_slug', 'text', (c) => c.notNull().references('themes.slug'))
    .addPrimaryKeyConstraint('practice_themes_pkey', ['practice_id', 'theme_slug'])
    .execute();
  await db.schema
    .createTable('practice_topics')
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('topic_slug', 'text', (c) => c.notNull().references('topics.slug'))
    .addPrimaryKeyConstraint('practice_topics_pkey', ['practice_id', 'topic_slug'])
    .execute();
  await db.schema.createIndex('practice_topics_topic').on('practice_topics').column('topic_slug').execute();
  await db.schema.createIndex('practice_themes_theme').on('practice_themes').column('theme_slug').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_topics').execute();
  await db.schema.dropTable('practice_themes').execute();
  await db.schema.alterTable('practice_translations').dropColumn('search').execute();
  for (const section of ['challenge', 'approach', 'results', 'lessons', 'transfer', 'resources']) {
    await db.schema.alterTable('practice_translations').dropColumn(section).execute();
  }
  await db.schema
    .alterTable('practice_translations')
    .addColumn('search', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')`)
        .stored(),
    )
    .execute();
  await sql`create index practice_translations_search on practice_translations using gin (search)`.execute(db);
  await db.schema
    .alterTable('practices')
    .dropColumn('sdgs')
    .dropColumn('partners')
    .dropColumn('links')
    .dropColumn('contact_name')
    .dropColumn('contact_organisation')
    .dropColumn('author_user_id')
    .execute();
}
