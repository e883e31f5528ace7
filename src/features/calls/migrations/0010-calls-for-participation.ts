import { type Kysely, sql } from 'kysely';

// Calls for participation: the network invites municipalities to host a dialogue event, experts to join
// a learning process (a limited number per municipality) or to support a project idea. Members apply
// before the deadline, may edit or withdraw until then, and editors review each application.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table calls (
    id integer primary key generated always as identity,
    slug text not null unique,
    external_id text unique,
    kind text not null check (kind in ('host-dialogue-event', 'join-learning-process', 'support-project-idea')),
    status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
    deadline timestamptz not null,
    time_zone text not null default 'Europe/Berlin',
    event_id integer references events(id) on delete set null,
    learning_process_id integer references learning_processes(id) on delete set null,
    region_slug text references regions(slug),
    -- At most this many active applications per municipality (null: no limit).
    per_municipality integer check (per_municipality > 0),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`.execute(db);
  await sql`create table call_translations (
    call_id integer not null references calls(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null,
    summary text not null default '',
    eligibility text not null default '',
    -- The call's own questions, in this language; answers are kept by position.
    questions text[] not null default '{}',
    primary key (call_id, locale))`.execute(db);
  await sql`create table call_themes (
    call_id integer not null references calls(id) on delete cascade,
    theme_slug text not null references themes(slug),
    primary key (call_id, theme_slug))`.execute(db);

  await sql`create table call_applications (
    id integer primary key generated always as identity,
    call_id integer not null references calls(id) on delete cascade,
    user_id integer not null references users(id) on delete cascade,
    status text not null check (status in ('submitted', 'in_review', 'revision_requested', 'accepted', 'rejected', 'withdrawn')),
    city_id integer not null references cities(id),
    country_code char(2) not null references countries(code),
    organisation text not null default '',
    -- What the application is about: the topic a municipality proposes, the expertise an expert offers.
    proposal text not null default '',
    answers jsonb not null default '[]',
    submitted_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    decided_at timestamptz,
    unique (call_id, user_id))`.execute(db);
  await sql`create index call_applications_municipality on call_applications (call_id, city_id, status)`.execute(db);
  await sql`create table call_application_history (
    id integer primary key generated always as identity,
    application_id integer not null references call_applications(id) on delete cascade,
    actor_id integer references users(id) on delete set null,
    status text not null,
    -- The editor's note to the applicant (mailed with a decision), or empty.
    note text not null default '',
    created_at timestamptz not null default now())`.execute(db);
  await sql`create index call_application_history_application on call_application_history (application_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['call_application_history', 'call_applications', 'call_themes', 'call_translations', 'calls']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
