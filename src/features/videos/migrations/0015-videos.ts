import { type Kysely, sql } from 'kysely';

// Videos: recordings of events and Lab sessions. A recording is hosted at YouTube or Vimeo (by its id
// there) or is a file: uploaded (stored through the uploads module) or at a URL given by an import. The
// poster is always stored here, so a page loads nothing from the provider until the visitor asks.

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'];

export async function up(db: Kysely<any>): Promise<void> {
  // The uploads module now also keeps video files (MP4, WebM) and captions (WebVTT).
  await sql`alter table uploads drop constraint if exists uploads_kind_check`.execute(db);
  await sql`alter table uploads add constraint uploads_kind_check check (kind in ('document', 'image', 'video', 'captions'))`.execute(db);

  await sql`create table videos (
    id integer primary key generated always as identity,
    external_id text not null unique,
    slug text not null unique,
    status text not null default 'draft' check (status in ('draft', 'published')),
    recorded_at date not null,
    duration_seconds integer not null check (duration_seconds between 1 and 172800),
    provider text not null check (provider in ('youtube', 'vimeo', 'file')),
    provider_id text,
    -- An uploaded recording (uploads row and its bytes' name), or a URL given by an import.
    file_upload_id integer references uploads(id),
    file_sha256 text,
    file_media_type text,
    file_url text check (char_length(file_url) <= 2000),
    poster_upload_id integer references uploads(id),
    poster_sha256 text,
    poster_width integer,
    poster_height integer,
    event_id integer references events(id) on delete set null,
    published_at timestamptz,
    created_by integer references users(id) on delete set null,
    updated_by integer references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- The id must be one the provider's embed address accepts: nothing else ever reaches an iframe.
    check ((provider = 'youtube' and provider_id ~ '^[A-Za-z0-9_-]{11}$')
        or (provider = 'vimeo' and provider_id ~ '^[0-9]{1,12}$')
        or (provider = 'file' and provider_id is null and (file_sha256 is not null or file_url is not null))),
    check (status = 'draft' or published_at is not null))`.execute(db);
  await sql`create index videos_published on videos (recorded_at desc, id desc) where status = 'published'`.execute(db);
  await sql`create index videos_event on videos (event_id) where event_id is not null`.execute(db);
  await sql`create index videos_poster on videos (poster_sha256) where poster_sha256 is not null`.execute(db);
  await sql`create index videos_file on videos (file_sha256) where file_sha256 is not null`.execute(db);

  await sql`create table video_translations (
    video_id integer not null references videos(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null check (char_length(title) between 1 and 200),
    description text not null default '' check (char_length(description) <= 5000),
    transcript text not null default '' check (char_length(transcript) <= 100000),
    search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, description), 'B')
      || setweight(to_search_vector(locale, transcript), 'D')) stored,
    primary key (video_id, locale))`.execute(db);
  // One partial index per language: a search tests each translation with its own language.
  for (const locale of LOCALES) {
    await sql`create index ${sql.raw(`video_translations_search_${locale}`)} on video_translations
              using gin (search) where locale = ${sql.lit(locale)}`.execute(db);
  }

  await sql`create table video_captions (
    video_id integer not null references videos(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    upload_id integer not null references uploads(id),
    sha256 text not null,
    primary key (video_id, locale))`.execute(db);
  await sql`create index video_captions_sha256 on video_captions (sha256)`.execute(db);

  await sql`create table video_themes (
    video_id integer not null references videos(id) on delete cascade,
    theme_slug text not null references themes(slug),
    primary key (video_id, theme_slug))`.execute(db);
  await sql`create index video_themes_theme on video_themes (theme_slug)`.execute(db);
  await sql`create table video_regions (
    video_id integer not null references videos(id) on delete cascade,
    region_slug text not null references regions(slug),
    primary key (video_id, region_slug))`.execute(db);
  await sql`create index video_regions_region on video_regions (region_slug)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['video_regions', 'video_themes', 'video_captions', 'video_translations', 'videos']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table uploads drop constraint if exists uploads_kind_check`.execute(db);
  await sql`alter table uploads add constraint uploads_kind_check check (kind in ('document', 'image'))`.execute(db);
}
