import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { Database, DatabaseHandle } from './client.ts';
import { selectContentVersions, syncContentTriggers } from './content-versions.queries.ts';
import { currentContentVersions } from './content-versions.ts';

const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => handle.close());

const versionOf = async (module: string) => (await currentContentVersions(handle.db)).byModule.get(module) ?? -1;
/** A statement on a public table that changes no row: the trigger counts statements, not rows. */
const touch = (db: Database, table: string) => sql`delete from ${sql.table(table)} where false`.execute(db);

describe(`content change counters (${engine})`, () => {
  it('move once per committed transaction for each module it changed, and not for a rolled back one', async () => {
    const [events = 0, practices = 0, news = 0] = await Promise.all(['events', 'practices', 'news'].map(versionOf));
    await handle.db.transaction().execute(async (trx) => {
      await touch(trx, 'events');
      await touch(trx, 'event_translations');
      await touch(trx, 'practices');
      await touch(trx, 'events');
    });
    assert.equal(await versionOf('events'), events + 1);
    assert.equal(await versionOf('practices'), practices + 1);
    assert.equal(await versionOf('news'), news, 'a module not written keeps its counter');
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await touch(trx, 'news_articles');
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    assert.equal(await versionOf('news'), news);
    await touch(handle.db, 'sessions');
    assert.equal((await currentContentVersions(handle.db)).stamp.includes(`news:${news}`), true);
    const pending = await sql<{ n: number }>`select count(*)::int as n from content_changes_pending`.execute(handle.db);
    assert.equal(pending.rows[0]?.n, 0, 'nothing is left pending after commit');
  });

  it('record when the latest change was committed, and give every caller a read made after it arrived', async () => {
    const before = Date.now();
    await touch(handle.db, 'videos');
    const reads = await Promise.all(Array.from({ length: 20 }, () => currentContentVersions(handle.db)));
    assert.ok(reads.every((r) => r.stamp === reads[0]?.stamp));
    assert.ok((reads[0]?.changedAt.getTime() ?? 0) >= before - 1000);
    // Calls made while a read is in flight wait for the next read, which sees a change committed in between.
    const first = currentContentVersions(handle.db);
    const videos = (await versionOf('videos')) + 0;
    await touch(handle.db, 'videos');
    const second = currentContentVersions(handle.db);
    await first;
    assert.equal((await second).byModule.get('videos'), videos + 1);
  });

  it('are read again on PGlite only after a statement that may write (one process owns it)', async () => {
    const first = await currentContentVersions(handle.db);
    const again = await currentContentVersions(handle.db);
    await sql`select count(*) from practices`.execute(handle.db);
    await sql`with p as (select id from practices) select count(*) from p`.execute(handle.db);
    const afterRead = await currentContentVersions(handle.db);
    // On PGlite nothing but this process can write, so a reading stays good until it writes; on
    // PostgreSQL another process may have, so every call reads.
    assert.equal(again === first && afterRead === first, engine === 'pglite');
    await touch(handle.db, 'news_articles');
    const afterWrite = await currentContentVersions(handle.db);
    assert.notEqual(afterWrite, first);
    assert.equal(afterWrite.byModule.get('news'), (first.byModule.get('news') ?? 0) + 1);
    // A `with` whose part deletes is a write, and is seen at once.
    await sql`with gone as (delete from videos where false returning id) select count(*) from gone`.execute(handle.db);
    const afterWith = await currentContentVersions(handle.db);
    assert.equal(afterWith.byModule.get('videos'), (afterWrite.byModule.get('videos') ?? 0) + 1);
  });

  it('let two writers of the same two modules in opposite orders both commit', async () => {
    // The counters are moved at commit, in the order of the modules' names: no deadlock on PostgreSQL
    // (PGlite has one connection, so its transactions take turns).
    const [events = 0, practices = 0] = await Promise.all(['events', 'practices'].map(versionOf));
    const writer = (first: string, second: string) =>
      handle.db.transaction().execute(async (trx) => {
        await touch(trx, first);
        await sql`select pg_sleep(0.05)`.execute(trx);
        await touch(trx, second);
      });
    await Promise.all([writer('events', 'practices'), writer('practices', 'events')]);
    assert.equal(await versionOf('events'), events + 2);
    assert.equal(await versionOf('practices'), practices + 2);
  });

  it('are kept in step with the declared tables: a table no longer named loses its trigger', async () => {
    const triggers = async () =>
      (
        await sql<{ table: string }>`select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
                                      where t.tgname = 'peerpolis_content_change' order by 1`.execute(handle.db)
      ).rows.map((r) => r.table);
    const all = await triggers();
    assert.ok(all.includes('practices') && all.includes('news_articles'));
    let checked = false;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await syncContentTriggers(trx, { practices: ['practices'] });
        assert.deepEqual(
          (
            await sql<{ table: string }>`select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
                                       where t.tgname = 'peerpolis_content_change'`.execute(trx)
          ).rows.map((r) => r.table),
          ['practices'],
        );
        checked = true;
        throw new Error('undo');
      })
      .catch(() => undefined);
    assert.ok(checked, 'the triggers were dropped inside the transaction');
    assert.deepEqual(await triggers(), all);
    assert.ok((await selectContentVersions(handle.db)).some((r) => r.module === 'practices'));
  });
});
