import { type Kysely, sql } from 'kysely';

// One change counter per module, for the anonymous page cache (ADR 015): a cached page is served only
// while no module's counter has moved since it was drawn, in any process. The counters are moved by
// triggers on the tables public pages show (each module names them: `publicTables`), installed after
// the migrations by `syncContentTriggers`, so no write path (a route, the CLI import, a job) can forget.
//
// A transaction that writes to two modules' tables must not deadlock with one writing them in the other
// order, so the counters are not touched mid-transaction. The statement trigger only remembers the module
// (a transaction-local setting, then one row in `content_changes_pending`); a deferred constraint trigger
// on that table moves every remembered counter at commit, locking the rows in the order of their names.
// The rows stay locked until the commit is done, so a reader that sees a counter has seen its change.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table content_versions (
    module text primary key,
    version bigint not null default 0,
    changed_at timestamptz not null default now())`.execute(db);
  await sql`create table content_changes_pending (
    txid bigint not null,
    module text not null,
    primary key (txid, module))`.execute(db);
  await sql`
    create or replace function note_content_change() returns trigger language plpgsql as $$
    declare
      module_name text := tg_argv[0];
      noted text := coalesce(nullif(current_setting('peerpolis.content_changed', true), ''), ',');
    begin
      if position(',' || module_name || ',' in noted) > 0 then return null; end if;
      perform set_config('peerpolis.content_changed', noted || module_name || ',', true);
      insert into content_changes_pending (txid, module) values (txid_current(), module_name) on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function apply_content_changes() returns trigger language plpgsql as $$
    declare
      changed text[];
    begin
      select array_agg(module order by module) into changed from content_changes_pending where txid = txid_current();
      if changed is null then return null; end if;
      perform 1 from content_versions where module = any(changed) order by module for update;
      update content_versions set version = version + 1, changed_at = now() where module = any(changed);
      delete from content_changes_pending where txid = txid_current();
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger content_changes_applied after insert on content_changes_pending
            deferrable initially deferred for each row execute function apply_content_changes()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table content_changes_pending`.execute(db);
  await sql`drop function apply_content_changes()`.execute(db);
  await sql`drop function note_content_change() cascade`.execute(db);
  await sql`drop table content_versions`.execute(db);
}
