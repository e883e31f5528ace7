import { type Kysely, sql } from 'kysely';

// The expert directory's facets, filters and matching signals are computed in each app process from
// a compact copy of every profile (modules/experts/expert-index.ts, ADR 007): at 100,000 experts any
// SQL that touches tens of thousands of rows per request costs more than the whole 50 ms budget.
//
// For that copy to be exact in every process, each change of `experts` is numbered here: a statement
// trigger takes the next number from a one-row counter and records which profiles changed. The counter
// row stays locked until the writer commits, so numbers become visible in order and a reader that has
// seen number N has seen every change up to N. Link tables need no trigger of their own: their
// triggers (0007) rewrite the profile's facet arrays, which is an update of `experts`.
//
// Also: the distinct words of expert names, for typo-tolerant name search. Comparing a typed name with
// a few thousand distinct words (pg_trgm, indexed) is far cheaper than with 100,000 names when many
// people share a surname.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table expert_change_counter (
    singleton boolean primary key default true check (singleton),
    version bigint not null default 0)`.execute(db);
  await sql`insert into expert_change_counter (singleton, version) values (true, 0)`.execute(db);
  await sql`create table expert_changes (
    version bigint primary key,
    expert_ids integer[] not null,
    changed_at timestamptz not null default now())`.execute(db);
  await sql`create index expert_changes_changed_at on expert_changes (changed_at)`.execute(db);
  await sql`
    create or replace function note_expert_changes() returns trigger language plpgsql as $$
    declare
      ids integer[];
      next_version bigint;
    begin
      select array_agg(id) into ids from changed_rows;
      if ids is null then return null; end if;
      update expert_change_counter set version = version + 1 returning version into next_version;
      insert into expert_changes (version, expert_ids) values (next_version, ids);
      return null;
    end $$`.execute(db);
  await sql`create trigger experts_noted_insert after insert on experts referencing new table as changed_rows
            for each statement execute function note_expert_changes()`.execute(db);
  await sql`create trigger experts_noted_update after update on experts referencing new table as changed_rows
            for each statement execute function note_expert_changes()`.execute(db);
  await sql`create trigger experts_noted_delete after delete on experts referencing old table as changed_rows
            for each statement execute function note_expert_changes()`.execute(db);

  await sql`create table expert_name_words (word text primary key)`.execute(db);
  await sql`create index expert_name_words_trgm on expert_name_words using gin (word gin_trgm_ops)`.execute(db);
  await sql`
    create or replace function note_expert_name_words() returns trigger language plpgsql as $$
    begin
      insert into expert_name_words (word)
      select distinct w from unnest(expert_name_words_of(new.display_name)) w
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function expert_name_words_of(name text) returns text[] language sql immutable as $$
      select coalesce(array_agg(distinct w), '{}') from regexp_split_to_table(lower(name), '[^[:alpha:]]+') w where length(w) >= 2
    $$`.execute(db);
  await sql`create trigger experts_name_words after insert or update of display_name on experts
            for each row execute function note_expert_name_words()`.execute(db);
  await sql`insert into expert_name_words (word) select distinct unnest(expert_name_words_of(display_name)) from experts
            on conflict do nothing`.execute(db);
  // Replaced by the name words above and by the process index (ordering by name happens there).
  await sql`drop index if exists experts_name_trgm`.execute(db);
  await sql`drop index if exists experts_visible_name`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index experts_visible_name on experts (visibility, display_name, id)`.execute(db);
  await sql`create index experts_name_trgm on experts using gin (lower(display_name) gin_trgm_ops)`.execute(db);
  await sql`drop trigger experts_name_words on experts`.execute(db);
  await sql`drop function note_expert_name_words()`.execute(db);
  await sql`drop function expert_name_words_of(text)`.execute(db);
  await sql`drop table expert_name_words`.execute(db);
  for (const t of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.raw(`experts_noted_${t}`)} on experts`.execute(db);
  await sql`drop function note_expert_changes()`.execute(db);
  await sql`drop table expert_changes`.execute(db);
  await sql`drop table expert_change_counter`.execute(db);
}
