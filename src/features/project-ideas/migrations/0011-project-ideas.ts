import { type Kysely, sql } from 'kysely';

// Project ideas: a city's project, developed with experts in project-planning workshops towards funding
// readiness (idea → validated by the project city → in planning → ready for funding). Editors keep them
// and publish them; each change of stage is recorded with who and when, so the page shows the path.

const LINKS = [
  ['project_idea_themes', 'theme_slug', sql`text not null references themes(slug)`],
  ['project_idea_topics', 'topic_slug', sql`text not null references topics(slug)`],
  ['project_idea_events', 'event_id', sql`integer not null references events(id) on delete cascade`],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table project_ideas (
    id integer primary key generated always as identity,
    slug text not null unique,
    external_id text unique,
    stage text not null default 'idea' check (stage in ('idea', 'validated', 'in-planning', 'ready-for-funding')),
    status text not null default 'draft' check (status in ('draft', 'published')),
    city_id integer not null references cities(id),
    country_code char(2) not null references countries(code),
    -- The call through which experts offered their support (a support-project-idea call), if any.
    call_id integer references calls(id) on delete set null,
    -- Estimated cost in euros, once the idea is planned far enough to say.
    budget_eur integer check (budget_eur >= 0),
    documents jsonb not null default '[]',
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`.execute(db);
  await sql`create index project_ideas_listing on project_ideas (status, stage)`.execute(db);
  await sql`create table project_idea_translations (
    project_idea_id integer not null references project_ideas(id) on delete cascade,
    locale text not null check (locale in ('en','de','fr','es','ar')),
    title text not null,
    summary text not null default '',
    challenge text not null default '',
    approach text not null default '',
    next_steps text not null default '',
    search tsvector generated always as (
      setweight(to_search_vector(locale, title), 'A') || setweight(to_search_vector(locale, summary), 'B')
      || setweight(to_search_vector(locale, challenge || ' ' || approach), 'C')) stored,
    primary key (project_idea_id, locale))`.execute(db);
  await sql`create index project_idea_translations_search on project_idea_translations using gin (search)`.execute(db);

  for (const [table, column, type] of LINKS) {
    await sql`create table ${sql.table(table)} (
      project_idea_id integer not null references project_ideas(id) on delete cascade,
      ${sql.ref(column)} ${type},
      primary key (project_idea_id, ${sql.ref(column)}))`.execute(db);
    await sql`create index ${sql.raw(`${table}_value`)} on ${sql.table(table)} (${sql.ref(column)}, project_idea_id)`.execute(db);
  }

  // Supporting experts, with what each contributes (in the editors' words).
  await sql`create table project_idea_experts (
    project_idea_id integer not null references project_ideas(id) on delete cascade,
    expert_id integer not null references experts(id) on delete cascade,
    contribution text not null default '',
    -- The order the page lists them in: the editors' order of adding, or the import file's.
    position integer not null default 0,
    added_at timestamptz not null default now(),
    primary key (project_idea_id, expert_id))`.execute(db);
  await sql`create index project_idea_experts_expert on project_idea_experts (expert_id)`.execute(db);

  await sql`create table project_idea_stages (
    id integer primary key generated always as identity,
    project_idea_id integer not null references project_ideas(id) on delete cascade,
    stage text not null check (stage in ('idea', 'validated', 'in-planning', 'ready-for-funding')),
    reached_on date not null,
    actor_id integer references users(id) on delete set null,
    note text not null default '',
    created_at timestamptz not null default now())`.execute(db);
  await sql`create index project_idea_stages_idea on project_idea_stages (project_idea_id, reached_on, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'project_idea_stages',
    'project_idea_experts',
    ...LINKS.map(([t]) => t),
    'project_idea_translations',
    'project_ideas',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
