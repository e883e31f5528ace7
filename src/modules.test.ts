import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../tests/helpers/db.ts';
import { migrations, moduleServices, modules, publicTables } from './modules.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import { catalogs } from './platform/i18n/catalogs.ts';

// The registry is the one list every part of the platform loops over: these tests fail when a module
// is left out of it, or when what modules declare collides or leaves something uncovered.

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('the registry of modules', () => {
  it('lists every module folder once, and each has an entry file', () => {
    for (const layer of ['core', 'features']) {
      const folders = readdirSync(new URL(`./${layer}/`, import.meta.url), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
      for (const folder of folders) {
        assert.ok(
          modules.some((m) => m.name === folder),
          `src/${layer}/${folder} has no line in src/modules.ts`,
        );
        assert.ok(
          readdirSync(new URL(`./${layer}/${folder}/`, import.meta.url)).includes('index.ts'),
          `src/${layer}/${folder}/index.ts is missing`,
        );
      }
    }
    assert.deepEqual(duplicates(modules.map((m) => m.name)), []);
  });

  it('merges the migrations in the order of their numbers, each number once', () => {
    const names = Object.keys(migrations);
    assert.deepEqual(names, [...names].sort());
    assert.deepEqual(duplicates(names.map((n) => n.slice(0, 4))), []);
    assert.equal(names[0], '0001-foundation');
  });

  it('has no two rate limits, CLI commands, exchange keys or export keys of the same name', () => {
    assert.deepEqual(duplicates(modules.flatMap((m) => Object.values(m.rateLimits ?? {}).map((r) => r.name))), []);
    assert.deepEqual(duplicates(modules.flatMap((m) => Object.keys(m.commands ?? {}))), []);
    const exchanges = modules.flatMap((m) => [m.exchange ?? []].flat());
    assert.deepEqual(duplicates(exchanges.map((e) => e.key)), []);
    assert.deepEqual(duplicates(exchanges.map((e) => String(e.order))), []);
  });

  it('labels every navigation entry with a message in the catalogs, one entry per section and area', () => {
    for (const entry of moduleServices.navigation) {
      assert.ok(catalogs.en[entry.label], `navigation label ${entry.label} is not in the English catalog`);
      assert.match(entry.href, /^\/[a-z0-9/-]+$/);
    }
    assert.deepEqual(duplicates(moduleServices.navigation.map((e) => `${e.area}:${e.section}`)), []);
  });
});

describe('personal data', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await createTestDatabase({ seed: 'none' });
  });
  after(async () => handle.close());

  it('is exported and erased by some module for every table that refers to a person', async () => {
    // Every column with a foreign key to users, as the migrated database has it: a new table that
    // stores something about a person fails here until a module's personalData hooks name it.
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select kcu.table_name, kcu.column_name
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.constraint_name
       where ccu.table_name = 'users' and kcu.table_schema = 'public'`.execute(handle.db);
    assert.ok(rows.length >= 10, 'the query finds the tables that refer to users');
    const covered = new Set(moduleServices.personalData.flatMap((h) => h.tables));
    const uncovered = rows.filter((r) => !covered.has(r.table_name)).map((r) => `${r.table_name}.${r.column_name}`);
    assert.deepEqual(uncovered, [], 'tables with a user reference that no module exports and erases');
    assert.ok(covered.has('users'), 'the account itself is covered');
  });

  it('names only tables that exist', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(handle.db);
    const tables = new Set(rows.map((r) => r.table_name));
    for (const table of moduleServices.personalData.flatMap((h) => h.tables)) assert.ok(tables.has(table), `${table} does not exist`);
  });
});

// Tables no public page shows: a write to one must not empty the page cache (ADR 015). A new table fails
// the test below until it is named here or in its module's `publicTables`.
const NOT_SHOWN_TO_VISITORS = [
  'account_tokens',
  'audit_log',
  'call_application_history',
  'call_applications',
  'content_changes_pending',
  'content_versions',
  'expert_change_counter',
  'expert_changes',
  'expert_contacts',
  'expert_name_words',
  'jobs',
  'kysely_migration',
  'kysely_migration_lock',
  'mail_outbox',
  'match_request_contacts',
  'match_requests',
  'newsletter_deliveries',
  'newsletter_senders',
  'newsletter_subscribers',
  'practice_contacts',
  'practice_history',
  'rate_limits',
  'seed_runs',
  'sessions',
];

describe('public tables', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await createTestDatabase({ seed: 'none' });
  });
  after(async () => handle.close());

  it('are decided for every table: shown to visitors by one module, or listed as not shown', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(handle.db);
    const claimed = Object.values(publicTables).flat();
    assert.deepEqual(duplicates(claimed), [], 'a table belongs to one module');
    const undecided = rows.map((r) => r.table_name).filter((t) => !claimed.includes(t) && !NOT_SHOWN_TO_VISITORS.includes(t));
    assert.deepEqual(undecided.sort(), [], 'tables neither in a module’s publicTables nor in NOT_SHOWN_TO_VISITORS');
    assert.deepEqual(
      claimed.filter((t) => NOT_SHOWN_TO_VISITORS.includes(t)),
      [],
    );
  });

  it('each carry the trigger that moves their module’s counter', async () => {
    const { rows } = await sql<{ table: string; module: string }>`
      select c.relname as table, encode(t.tgargs, 'escape') as module from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where t.tgname = 'peerpolis_content_change'`.execute(handle.db);
    const found = Object.fromEntries(rows.map((r) => [r.table, r.module.replace(/\\000$/, '')]));
    const expected = Object.fromEntries(Object.entries(publicTables).flatMap(([m, tables]) => tables.map((t) => [t, m])));
    assert.deepEqual(found, expected);
  });
});
