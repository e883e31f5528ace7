import { type Kysely, sql } from 'kysely';

// The network's own records: its simple pages (about, imprint, privacy notice and whatever the editors
// add), its partner organisations and its regional networks. Each has texts per language; pages and
// regional networks are searched, with one partial GIN index per language (see 0005).

const LOCALES = ['en', 'de', 'fr', 'es', 'ar'] as const;
const LOCALE_CHECK = sql.raw(`(${LOCALES.map((l) => `'${l}'`).join(',')})`);

async function perLocaleIndexes(db: Kysely<any>, table: string): Promise<void> {
  for (const locale of LOCALES) {
    await sql`create index ${sql.raw(`${table}_search_${locale}`)} on ${sql.table(table)}
              using gin (search) with (fastupdate = off) where locale = ${sql.lit(locale)}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table network_pages (
    id integer primary key generated always as identity,
    external_id text not null unique,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status text not null default 'draft' check (status in ('draft', 'published')),
    -- Where the page is offered: the About section's menu, the footer, or only the About page's list.
    placement text not null default 'about' check (placement in ('main', 'footer', 'about')),
    position integer not null default 0,
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    -- The imprint and the privacy notice must always be there: a law asks for them.
    constraint network_pages_reserved_published check (slug not in ('imprint', 'privacy') or status = 'published'))`.execute(db);
  await sql`create table network_page_translations (
    page_id integer not null references network_pages(id) on delete cascade,
    locale text not null check (locale in ${LOCALE_CHECK}),
    title text not null,
    body text not null default '',
    search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, body), 'C')) stored,
    primary key (page_id, locale))`.execute(db);
  await perLocaleIndexes(db, 'network_page_translations');

  await sql`create table network_partners (
    id integer primary key generated always as identity,
    external_id text not null unique,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status text not null default 'published' check (status in ('draft', 'published')),
    position integer not null default 0,
    website_url text not null default '',
    logo_upload_id integer references uploads(id) on delete set null,
    -- The contact person is written to through the relay: the address never reaches a page.
    contact_name text not null default '',
    contact_email text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`.execute(db);
  await sql`create table network_partner_translations (
    partner_id integer not null references network_partners(id) on delete cascade,
    locale text not null check (locale in ${LOCALE_CHECK}),
    name text not null,
    description text not null default '',
    logo_alt text not null default '',
    primary key (partner_id, locale))`.execute(db);

  await sql`create table regional_networks (
    id integer primary key generated always as identity,
    external_id text not null unique,
    region_slug text not null unique references regions(slug),
    status text not null default 'draft' check (status in ('draft', 'published')),
    position integer not null default 0,
    coordinator_name text not null default '',
    coordinator_email text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`.execute(db);
  await sql`create table regional_network_translations (
    regional_network_id integer not null references regional_networks(id) on delete cascade,
    locale text not null check (locale in ${LOCALE_CHECK}),
    name text not null,
    description text not null default '',
    search tsvector generated always as (
      setweight(to_search_vector(locale, name), 'A') || setweight(to_search_vector(locale, description), 'C')) stored,
    primary key (regional_network_id, locale))`.execute(db);
  await perLocaleIndexes(db, 'regional_network_translations');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'regional_network_translations',
    'regional_networks',
    'network_partner_translations',
    'network_partners',
    'network_page_translations',
    'network_pages',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
