import { type Kysely, sql } from 'kysely';

// Publications: the network's library of documents (studies, guides, event documentation, factsheets,
// reports). Each is either a PDF uploaded to the platform or a link to a document elsewhere, never
// both; its summary is written per language, and the languages of the document itself are ISO 639-1
// codes (a study may exist only in Arabic while its summary is in five languages).

const CONTENT_LOCALES = ['en', 'de', 'fr', 'es', 'ar'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table publications (
    id integer primary key generated always as identity,
    external_id text unique,
    slug text not null unique,
    status text not null default 'draft' check (status in ('draft', 'published')),
    kind text not null check (kind in ('study', 'guide', 'documentation', 'factsheet', 'report')),
    year integer not null check (year between 1900 and 2100),
    languages text[] not null default '{}',
    file_upload_id integer references uploads(id),
    url text check (url ~ '^https?://'),
    cover_upload_id integer references uploads(id),
    event_id integer references events(id) on delete set null,
    created_by integer references users(id) on delete set null,
    updated_by integer references users(id) on delete set null,
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- Exactly one source: the uploaded PDF or the external address.
    constraint publications_one_source check ((file_upload_id is null) <> (url is null)))`.execute(db);
  await sql`create index publications_listing on publications (status, year desc, id desc)`.execute(db);
  await sql`create index publications_event on publications (event_id) where event_id is not null`.execute(db);
  await sql`create index publications_file on publications (file_upload_id) where file_upload_id is not null`.execute(db);
  await sql`create index publications_cover on publications (cover_upload_id) where cover_upload_id is not null`.execute(db);

  await sql`create table publication_translations (
    publication_id integer not null references publications(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null check (char_length(title) <= 200),
    summary text not null default '' check (char_length(summary) <= 5000),
    cover_alt text not null default '' check (char_length(cover_alt) <= 300),
    search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')) stored,
    primary key (publication_id, locale))`.execute(db);
  // One index per language: a query matches each language with its own configuration
  // ("locale = 'de' and search @@ to_search_query('de', …)"), which these partial indexes serve.
  for (const locale of CONTENT_LOCALES) {
    await sql`create index ${sql.raw(`publication_translations_search_${locale}`)} on publication_translations
      using gin (search) where locale = ${sql.lit(locale)}`.execute(db);
  }

  await sql`create table publication_themes (
    publication_id integer not null references publications(id) on delete cascade,
    theme_slug text not null references themes(slug),
    primary key (publication_id, theme_slug))`.execute(db);
  await sql`create index publication_themes_value on publication_themes (theme_slug, publication_id)`.execute(db);
  await sql`create table publication_regions (
    publication_id integer not null references publications(id) on delete cascade,
    region_slug text not null references regions(slug),
    primary key (publication_id, region_slug))`.execute(db);
  await sql`create index publication_regions_value on publication_regions (region_slug, publication_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['publication_regions', 'publication_themes', 'publication_translations', 'publications']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
