import { type Kysely, sql } from 'kysely';

// News articles: written by editors per language (title, lead, Markdown body), with a picture stored
// through the uploads module, classified by theme, region and country, and linked to the events,
// practices, experts and project ideas they are about. Drafts are for editors only.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table news_articles (
    id integer primary key generated always as identity,
    external_id text not null unique,
    slug text not null unique,
    status text not null default 'draft' check (status in ('draft', 'published')),
    published_at timestamptz,
    picture_upload_id integer references uploads(id) on delete set null,
    picture_sha256 text,
    picture_width integer,
    picture_height integer,
    -- The picture's text alternative per language ({"en": "…", "ar": "…"}); at least one with a picture.
    picture_alt jsonb not null default '{}',
    picture_credit text not null default '',
    created_by integer references users(id) on delete set null,
    updated_by integer references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (status = 'draft' or published_at is not null))`.execute(db);
  await sql`create index news_articles_published on news_articles (published_at desc, id desc) where status = 'published'`.execute(db);
  await sql`create index news_articles_picture on news_articles (picture_sha256) where picture_sha256 is not null`.execute(db);
  await sql`create table news_translations (
    article_id integer not null references news_articles(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null check (char_length(title) <= 200),
    lead text not null default '' check (char_length(lead) <= 600),
    body text not null default '' check (char_length(body) <= 20000),
    search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, lead), 'B')
      || setweight(to_search_vector(locale, body), 'C')) stored,
    primary key (article_id, locale))`.execute(db);
  // One partial index per language: a search tests each translation with its own language (see 0005).
  for (const locale of LOCALES) {
    await sql`create index ${sql.raw(`news_translations_search_${locale}`)} on news_translations
              using gin (search) with (fastupdate = off) where locale = ${sql.lit(locale)}`.execute(db);
  }
  await sql`create table news_themes (
    article_id integer not null references news_articles(id) on delete cascade,
    theme_slug text not null references themes(slug),
    primary key (article_id, theme_slug))`.execute(db);
  await sql`create index news_themes_theme on news_themes (theme_slug)`.execute(db);
  await sql`create table news_regions (
    article_id integer not null references news_articles(id) on delete cascade,
    region_slug text not null references regions(slug),
    primary key (article_id, region_slug))`.execute(db);
  await sql`create index news_regions_region on news_regions (region_slug)`.execute(db);
  await sql`create table news_countries (
    article_id integer not null references news_articles(id) on delete cascade,
    country_code char(2) not null references countries(code),
    primary key (article_id, country_code))`.execute(db);
  // What an article is about, named as the other module names it (externalId; an expert by slug):
  // resolved when the page is drawn, so a record that went away or was hidden simply drops out.
  await sql`create table news_related (
    article_id integer not null references news_articles(id) on delete cascade,
    kind text not null check (kind in ('event', 'practice', 'expert', 'projectIdea')),
    ref text not null,
    position integer not null,
    primary key (article_id, kind, ref))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['news_related', 'news_countries', 'news_regions', 'news_themes', 'news_translations', 'news_articles']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
