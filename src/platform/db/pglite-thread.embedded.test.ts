import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from './client.ts';

// PGlite answers from a worker thread (pglite-thread.ts, ADR 017): what crosses the thread must come back
// as PGlite in the app's thread gave it, and the app's thread must stay free while a statement runs.

describe('PGlite in its own thread', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await openDatabase({ engine: 'pglite' });
    await sql`create table places (id int primary key, name text not null constraint places_name_unique unique)`.execute(handle.db);
  });
  after(() => handle.close());

  it('gives back values and PostgreSQL errors as PGlite does (bytes, dates, days, arrays, JSON, codes and constraints)', async () => {
    const bytes = Uint8Array.from([0, 1, 254, 255]);
    const result = await sql<{ b: Uint8Array; t: Date; d: string; a: number[]; j: { a: number[] }; n: null }>`
      select ${bytes}::bytea as b, timestamptz '2026-12-06 10:00:00+00' as t, date '2026-12-06' as d,
             array[1, 2, 3] as a, '{"a": [1, 2]}'::jsonb as j, null as n`.execute(handle.db);
    const row = result.rows[0];
    assert.deepEqual(row?.b && [...row.b], [0, 1, 254, 255]);
    assert.ok(row?.t instanceof Date && row.t.toISOString() === '2026-12-06T10:00:00.000Z', 'a timestamp is a Date');
    assert.equal(row?.d, '2026-12-06', 'a day stays a string (client.ts)');
    assert.deepEqual([row?.a, row?.j, row?.n], [[1, 2, 3], { a: [1, 2] }, null]);
    // Rows cross as arrays and become objects again: a repeated name keeps its last column, as in PGlite.
    assert.deepEqual((await sql`select 1 as x, 2 as x, 'y' as y`.execute(handle.db)).rows, [{ x: 2, y: 'y' }]);
    // A column named __proto__ is a column, not the row's prototype (PGlite builds rows so too).
    const [odd] = (await sql<Record<string, unknown>>`select '{"admin": true}'::jsonb as "__proto__"`.execute(handle.db)).rows;
    assert.deepEqual([Object.keys(odd ?? {}), Object.getPrototypeOf(odd), odd?.admin], [['__proto__'], Object.prototype, undefined]);
    const asArrays = await handle.pglite?.query('select 1 as x, 2 as y', [], { rowMode: 'array' });
    assert.deepEqual(asArrays?.rows, [[1, 2]]);

    await sql`insert into places values (1, 'Tunis')`.execute(handle.db);
    await assert.rejects(sql`insert into places values (2, 'Tunis')`.execute(handle.db), (error: unknown) => {
      const e = error as Error & { code?: string; constraint?: string; table?: string };
      return e instanceof Error && e.code === '23505' && e.constraint === 'places_name_unique' && e.table === 'places';
    });
    await assert.rejects(sql`select no_such_column from places`.execute(handle.db), { code: '42703' });
  });

  it('keeps a transaction whole: rolled back on an error, committed otherwise, and reports whether one is open', async () => {
    await assert.rejects(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into places values (10, 'Amman')`.execute(trx);
        assert.equal(handle.pglite?.isInTransaction(), true);
        await sql`insert into places values (11, 'Amman')`.execute(trx);
      }),
      { code: '23505' },
    );
    assert.equal(handle.pglite?.isInTransaction(), false);
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into places values (12, 'Da Nang')`.execute(trx);
    });
    const names = await sql<{ name: string }>`select name from places where id >= 10 order by id`.execute(handle.db);
    assert.deepEqual(
      names.rows.map((r) => r.name),
      ['Da Nang'],
    );
  });

  it('leaves the app’s thread free while a statement runs', async () => {
    // Ticks of a timer while PGlite counts: in the app's thread it would run none until the count ends.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    try {
      const counted = await sql<{ n: number }>`select count(*)::int as n from generate_series(1, 3000000) g where g % 7 = 0`.execute(
        handle.db,
      );
      assert.equal(counted.rows[0]?.n, 428571);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 5, `the timer ran ${ticks} times during the statement`);
  });

  it('is closed for good after close, and an idle database does not keep a process alive', async () => {
    const other = await openDatabase({ engine: 'pglite' });
    await other.close();
    assert.equal(other.pglite?.closed, true);
    await assert.rejects(sql`select 1`.execute(other.db), /closed/);

    // Closing while statements wait: those sent before are answered, later ones refused, none left hanging.
    const third = await openDatabase({ engine: 'pglite' });
    const embedded = third.pglite as NonNullable<DatabaseHandle['pglite']>;
    const before = Array.from({ length: 50 }, (_, i) => embedded.query<{ n: number }>(`select ${i} as n`));
    // The handle's close, asked while the client's own close runs, ends only after it (then the lock goes).
    let firstClosed = false;
    const closing = [
      embedded.close().then(() => {
        firstClosed = true;
      }),
      third.close().then(() => assert.ok(firstClosed, 'the handle closed before the database had')),
    ];
    const later = Array.from({ length: 50 }, () => embedded.query('select 1'));
    // Settled together, so that no refusal goes unhandled while the others are awaited.
    const [answered, closed, refused] = await Promise.all([
      Promise.allSettled(before),
      Promise.allSettled(closing),
      Promise.allSettled(later),
    ]);
    assert.deepEqual(
      answered.map((s) => (s.status === 'fulfilled' ? s.value.rows[0]?.n : s.reason)),
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.deepEqual(
      closed.map((s) => s.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.ok(refused.every((s) => s.status === 'rejected' && /closed/.test(String(s.reason))));

    // A script that opens, asks and never closes must still end on its own.
    const client = fileURLToPath(new URL('./client.ts', import.meta.url));
    const script = `const { openDatabase } = await import(${JSON.stringify(client)});
      const h = await openDatabase({ engine: 'pglite' });
      console.log(JSON.stringify((await h.pglite.query('select 41 + 1 as n')).rows));`;
    const dir = mkdtempSync(join(tmpdir(), 'peerpolis-thread-'));
    writeFileSync(join(dir, 'idle.mjs'), script);
    const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'idle.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const killer = setTimeout(() => child.kill(), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'the script ended by itself');
    assert.equal(output.trim(), '[{"n":42}]');
  });
});
