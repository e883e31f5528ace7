import { type Kysely, sql } from 'kysely';

// Events become real exchange formats (ADR 008): instants with the IANA time zone they happen in,
// venue or online access, capacity and a registration window, host municipalities, partners, themes,
// topics and working languages, a learning process besides the series, the documentation afterwards,
// and registrations with a waiting list.
//
// Until now an event had calendar days only. Existing rows get 09:00–17:00 UTC on those days; the
// demo seed rewrites its events with their real times.

const LINKS = [
  ['event_themes', 'theme_slug', sql`text not null references themes(slug)`],
  ['event_topics', 'topic_slug', sql`text not null references topics(slug)`],
  ['event_languages', 'code', sql`text not null check (code ~ '^[a-z]{2}$')`],
  ['event_hosts', 'city_id', sql`integer not null references cities(id)`],
  ['event_practices', 'practice_id', sql`integer not null references practices(id) on delete cascade`],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table learning_processes (
    id integer primary key generated always as identity,
    slug text not null unique,
    external_id text unique,
    created_at timestamptz not null default now())`.execute(db);
  await sql`create table learning_process_translations (
    learning_process_id integer not null references learning_processes(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null,
    summary text not null default '',
    primary key (learning_process_id, locale))`.execute(db);

  await sql`alter table events
    add column starts_at timestamptz,
    add column ends_at timestamptz,
    add column time_zone text not null default 'UTC',
    add column venue text not null default '',
    add column join_url text,
    add column capacity integer check (capacity > 0),
    add column registration_opens_at timestamptz,
    add column registration_closes_at timestamptz,
    add column learning_process_id integer references learning_processes(id) on delete set null,
    add column partners jsonb not null default '[]',
    add column recordings jsonb not null default '[]',
    add column documents jsonb not null default '[]',
    add column questions text[] not null default '{}' check (questions <@ array['role','brings','dietary']),
    add column reported_figures jsonb not null default '{}',
    add column format_changed_at timestamptz,
    add column sequence integer not null default 0`.execute(db);
  // A confirmation carries the event as an iCalendar invitation (shown in the development mailbox too).
  await sql`alter table mail_outbox add column calendar text`.execute(db);
  await sql`update events set starts_at = (starts_on + time '09:00') at time zone 'UTC',
                              ends_at = (ends_on + time '17:00') at time zone 'UTC'`.execute(db);
  await sql`alter table events alter column starts_at set not null, alter column ends_at set not null,
            drop constraint events_period_check, drop column starts_on, drop column ends_on,
            add constraint events_period_check check (ends_at > starts_at),
            add constraint events_window_check check (registration_closes_at is null or registration_opens_at is null
                                                      or registration_closes_at > registration_opens_at)`.execute(db);
  await sql`create index events_starts_at on events (starts_at)`.execute(db);
  await sql`create index events_ends_at on events (ends_at)`.execute(db);

  // The programme is searched too (weight C); the documentation is what happened, shown after the event.
  await sql`alter table event_translations
    add column programme text not null default '',
    add column documentation text not null default '',
    drop column search`.execute(db);
  await sql`alter table event_translations add column search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')
      || setweight(to_search_vector(locale, programme), 'C')) stored`.execute(db);
  await sql`create index event_translations_search on event_translations using gin (search)`.execute(db);

  for (const [table, column, type] of LINKS) {
    await sql`create table ${sql.table(table)} (
      event_id integer not null references events(id) on delete cascade,
      ${sql.ref(column)} ${type},
      primary key (event_id, ${sql.ref(column)}))`.execute(db);
    await sql`create index ${sql.raw(`${table}_value`)} on ${sql.table(table)} (${sql.ref(column)}, event_id)`.execute(db);
  }

  await sql`create table event_registrations (
    id integer primary key generated always as identity,
    event_id integer not null references events(id) on delete cascade,
    user_id integer not null references users(id) on delete cascade,
    status text not null check (status in ('registered', 'waitlisted', 'cancelled')),
    -- The municipality and country the participant comes from: the event's figures count them.
    city_id integer references cities(id),
    country_code char(2) references countries(code),
    answers jsonb not null default '{}',
    queued_at timestamptz not null default clock_timestamp(),
    registered_at timestamptz,
    cancelled_at timestamptz,
    attended boolean,
    reminded_at timestamptz,
    unique (event_id, user_id))`.execute(db);
  // The waiting list in arrival order, and the count of places taken, both per event.
  await sql`create index event_registrations_queue on event_registrations (event_id, status, queued_at, id)`.execute(db);
  await sql`create index event_registrations_user on event_registrations (user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table event_registrations`.execute(db);
  await sql`alter table mail_outbox drop column calendar`.execute(db);
  for (const [table] of LINKS) await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table event_translations drop column search, drop column programme, drop column documentation`.execute(db);
  await sql`alter table event_translations add column search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')) stored`.execute(db);
  await sql`create index event_translations_search on event_translations using gin (search)`.execute(db);
  await sql`alter table events add column starts_on date, add column ends_on date`.execute(db);
  await sql`update events set starts_on = (starts_at at time zone time_zone)::date, ends_on = (ends_at at time zone time_zone)::date`.execute(
    db,
  );
  await sql`alter table events drop constraint events_period_check, drop constraint events_window_check,
            alter column starts_on set not null, alter column ends_on set not null,
            add constraint events_period_check check (ends_on >= starts_on)`.execute(db);
  await sql`alter table events drop column starts_at, drop column ends_at, drop column time_zone, drop column venue,
            drop column join_url, drop column capacity, drop column registration_opens_at, drop column registration_closes_at,
            drop column learning_process_id, drop column partners, drop column recordings, drop column documents,
            drop column questions, drop column reported_figures, drop column format_changed_at, drop column sequence`.execute(db);
  await sql`create index events_starts_on on events (starts_on)`.execute(db);
  await sql`drop table learning_process_translations`.execute(db);
  await sql`drop table learning_processes`.execute(db);
}
