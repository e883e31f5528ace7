import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from './client.ts';
import { literalOf } from './pglite-prepared.ts';
import { PREPARED_MARK, prepared, preparedName } from './prepared.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => handle.close());

describe('prepared statements', () => {
  it('name a marked statement by its text, and leave others unnamed', () => {
    const a = `${PREPARED_MARK} select $1::int`;
    assert.equal(preparedName(a), preparedName(a));
    assert.match(preparedName(a) ?? '', /^p[\w-]{27}$/);
    assert.notEqual(preparedName(a), preparedName(`${a} + 1`));
    assert.equal(preparedName('select $1::int'), null);
    assert.equal(preparedName(`select 1 ${PREPARED_MARK}`), null);
  });

  it(`give the same rows as the statement unmarked, run after run (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, async () => {
    // More than five runs: PostgreSQL then switches to a generic plan, which must still see each run's values.
    for (const slug of ['mena', 'asia', 'europe', 'mena', 'latin-america', 'sub-saharan-africa', 'asia', 'nowhere']) {
      const marked = await sql<{ slug: string }>`${prepared}select slug from regions where slug = ${slug}`.execute(handle.db);
      const plain = await sql<{ slug: string }>`select slug from regions where slug = ${slug}`.execute(handle.db);
      assert.deepEqual(marked.rows, plain.rows);
      assert.deepEqual(marked.rows, slug === 'nowhere' ? [] : [{ slug }]);
    }
  });

  it('are prepared on both engines (PostgreSQL by name, PGlite by PREPARE), PostgreSQL without parallel workers', async () => {
    const postgres = Boolean(process.env.TEST_DATABASE_URL);
    // One connection: a transaction keeps the statement and the look-up on it.
    await handle.db.transaction().execute(async (trx) => {
      await sql`${prepared}select count(*)::int as n from regions where slug <> ${'x'}`.execute(trx);
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      const kept = statements.rows.some((r) => r.statement.includes(`${PREPARED_MARK} select count(*)::int as n from regions`));
      assert.ok(kept, 'the marked statement is prepared');
      const workers = await sql<{ max_parallel_workers_per_gather: string }>`show max_parallel_workers_per_gather`.execute(trx);
      if (postgres) assert.equal(workers.rows[0]?.max_parallel_workers_per_gather, '0');
    });
  });

  it('pass every value through as given, whatever quotes, backslashes, braces or scripts it holds', async () => {
    const texts = ["it's", "'); drop table regions; --", "back\\slash \\'", 'quote " and {brace}, comma', 'مياه — ñ — 水', '', 'NULL'];
    const numbers = [0, -3, 2147483647];
    const when = new Date('2026-12-05T10:11:12.345Z');
    for (const text of texts) {
      const run = (mark: typeof prepared | ReturnType<typeof sql.raw>) =>
        sql<{ t: string; a: string[]; n: number[]; b: boolean; d: string; z: string | null }>`${mark}select ${text}::text as t,
          ${[text, 'x', null]}::text[] as a, ${numbers}::int[] as n, ${true}::boolean as b, ${when}::timestamptz::text as d,
          ${null}::text as z`.execute(handle.db);
      const [marked, plain] = [await run(prepared), await run(sql.raw(''))];
      assert.deepEqual(marked.rows, plain.rows, text);
      assert.equal(marked.rows[0]?.t, text);
      assert.deepEqual(marked.rows[0]?.a, [text, 'x', null]);
    }
    const regions = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(handle.db);
    assert.ok((regions.rows[0]?.n ?? 0) > 0, 'no text ran as a statement of its own');
  });

  it('write as literals only what PostgreSQL reads back exactly', () => {
    assert.equal(literalOf("it's"), "'it''s'");
    assert.equal(literalOf(null), 'null');
    assert.equal(literalOf([1, 2]), "'{1,2}'");
    assert.equal(literalOf(['a"b', 'c\\d']), `'{"a\\"b","c\\\\d"}'`);
    for (const value of [Number.NaN, Infinity, 'a\0b', Buffer.from('x'), { a: 1 }, [{ a: 1 }], new Date(Number.NaN)]) {
      assert.equal(literalOf(value), undefined, String(value));
    }
  });
});
