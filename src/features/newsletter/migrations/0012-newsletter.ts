import { type Kysely, sql } from 'kysely';

// The newsletter: subscribers (double opt-in, consent on record, no IP address), numbered editions
// written per language with four sections of items, and one delivery row per recipient and edition so
// a send that crashes resumes without sending anyone the edition twice (see the module's CONTEXT.md).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table newsletter_subscribers (
    id integer primary key generated always as identity,
    email text not null,
    name text not null default '',
    locale text not null check (locale in ('en','de','fr','es','ar')),
    themes text[] not null default '{}',
    regions text[] not null default '{}',
    status text not null default 'pending' check (status in ('pending', 'confirmed', 'unsubscribed', 'bounced')),
    -- Personal, unguessable: the preference page, the confirmation and the one-click unsubscribe use it.
    token text not null unique,
    -- Where the subscription came from: 'page', 'footer', 'account', 'import', 'demo' or an import's own word.
    source text not null default 'page',
    -- The version of the consent text the person agreed to (newsletter.model.ts), and when.
    consent_version text,
    consented_at timestamptz,
    paused_at timestamptz,
    confirmation_sent_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    confirmed_at timestamptz,
    unsubscribed_at timestamptz,
    bounced_at timestamptz)`.execute(db);
  // Addresses are matched without regard to case: a second subscription updates, never duplicates.
  await sql`create unique index newsletter_subscribers_email on newsletter_subscribers (lower(email))`.execute(db);
  await sql`create index newsletter_subscribers_audience on newsletter_subscribers (status, locale, id)`.execute(db);

  await sql`create table newsletter_editions (
    id integer primary key generated always as identity,
    external_id text unique,
    number integer not null unique check (number > 0),
    edition_date date not null,
    status text not null default 'draft'
      check (status in ('draft', 'ready', 'scheduled', 'sending', 'paused', 'cancelled', 'sent')),
    scheduled_at timestamptz,
    time_zone text not null default 'Europe/Berlin',
    -- Who receives it: {"locales":[…],"themes":[…],"regions":[…]}; an empty list does not filter.
    audience jsonb not null default '{}',
    created_by integer references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    sending_started_at timestamptz,
    sent_at timestamptz)`.execute(db);
  await sql`create table newsletter_edition_translations (
    edition_id integer not null references newsletter_editions(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    subject text not null default '',
    preheader text not null default '',
    editorial text not null default '',
    primary key (edition_id, locale))`.execute(db);
  await sql`create table newsletter_edition_items (
    id integer primary key generated always as identity,
    edition_id integer not null references newsletter_editions(id) on delete cascade,
    section text not null check (section in ('review', 'insight', 'outlook', 'connect')),
    position integer not null,
    -- Content of the platform ("event:<externalId>", "practice:<externalId>", …), rendered in each
    -- reader's language when the edition is shown or sent; or null for a free item.
    ref text,
    -- A free item: {"<locale>":{"title","text"}} and an optional link.
    url text,
    translations jsonb not null default '{}',
    check ((ref is null) <> (translations = '{}'::jsonb)))`.execute(db);
  await sql`create index newsletter_edition_items_edition on newsletter_edition_items (edition_id, section, position)`.execute(db);

  await sql`create table newsletter_deliveries (
    id bigint primary key generated always as identity,
    edition_id integer not null references newsletter_editions(id) on delete cascade,
    subscriber_id integer not null references newsletter_subscribers(id) on delete cascade,
    -- The language chosen for this reader when the send began.
    locale text not null,
    status text not null default 'queued'
      check (status in ('queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- The sender process that claimed it: a delivery left 'sending' by a dead sender becomes 'uncertain'.
    claimed_by text,
    claimed_at timestamptz,
    sent_at timestamptz,
    failed_at timestamptz,
    error text,
    -- One row per reader and edition: the database itself refuses a second delivery.
    unique (edition_id, subscriber_id))`.execute(db);
  await sql`create index newsletter_deliveries_due on newsletter_deliveries (edition_id, status, next_attempt_at, id)`.execute(db);
  await sql`create index newsletter_deliveries_subscriber on newsletter_deliveries (subscriber_id)`.execute(db);

  // The processes sending right now: a heartbeat per sender, so others can tell a crashed one.
  await sql`create table newsletter_senders (
    sender_id text primary key,
    seen_at timestamptz not null default now())`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'newsletter_senders',
    'newsletter_deliveries',
    'newsletter_edition_items',
    'newsletter_edition_translations',
    'newsletter_editions',
    'newsletter_subscribers',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
