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
    // PGlite prepares a statement outside a transaction only (a refused PREPARE would abort it), then runs it anywhere.
    const count = () => sql`${prepared}select count(*)::int as n from regions where slug <> ${'x'}`;
    await count().execute(handle.db);
    // One connection: a transaction keeps the statement and the look-up on it.
    await handle.db.transaction().execute(async (trx) => {
      await count().execute(trx);
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      const kept = statements.rows.some((r) => r.statement.includes(`${PREPARED_MARK} select count(*)::int as n from regions`));
      assert.ok(kept, 'the marked statement is prepared');
      const workers = await sql<{ max_parallel_workers_per_gather: string }>`show max_parallel_workers_per_gather`.execute(trx);
      if (postgres) assert.equal(workers.rows[0]?.max_parallel_workers_per_gather, '0');
    });
  });

  it('prepare every marked statement, whatever characters its name holds', async () => {
    // Names are base64url: about a third hold a `-`, and some differ only in case (PGlite writes them in SQL).
    const texts = Array.from({ length: 40 }, (_, i) => sql<{ n: number }>`${prepared}select ${sql.lit(i)} + ${1}::int as n`);
    const expected = texts.map((text) => preparedName(text.compile(handle.db).sql));
    assert.ok(
      expected.some((name) => name?.includes('-')),
      'some names hold a dash',
    );
    // PostgreSQL keeps them per connection (one, in a transaction); PGlite prepares outside transactions.
    const check = async (db: DatabaseHandle['db']) => {
      for (const [i, text] of texts.entries()) assert.equal((await text.execute(db)).rows[0]?.n, i + 1);
      const names = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db);
      const kept = new Set(names.rows.map((r) => r.name));
      assert.deepEqual(
        expected.filter((name) => !kept.has(name as string)),
        [],
      );
    };
    if (process.env.TEST_DATABASE_URL) await handle.db.transaction().execute(check);
    else await check(handle.db);
  });

  it('pass every value through as given, whatever quotes, backslashes, braces or scripts it holds', async () => {
    const texts = ["it's", "'); drop table regions; --", "back\\slash \\'", 'quote " and {brace}, comma', 'مياه — ñ — 水', '', 'NULL'];
    const numbers = [0, -3, 2147483647];
    const when = new Date('2026-12-05T10:11:12.345Z');
    const pglite = !process.env.TEST_DATABASE_URL;
    // With this off, '\' escapes in plain '' strings: the literals must not depend on it.
    for (const conforming of pglite ? ['on', 'off'] : ['on']) {
      if (pglite) await sql`set standard_conforming_strings = ${sql.raw(conforming)}`.execute(handle.db);
      for (const text of texts) {
        const run = (mark: typeof prepared) =>
          sql<{ t: string; a: string[]; n: number[]; b: boolean; d: string; z: string | null }>`${mark}select ${text}::text as t,
            ${[text, 'x', null]}::text[] as a, ${numbers}::int[] as n, ${true}::boolean as b, ${when}::timestamptz::text as d,
            ${null}::text as z`.execute(handle.db);
        const [marked, plain] = [await run(prepared), await run(sql.raw(''))];
        assert.deepEqual(marked.rows, plain.rows, `${text} (standard_conforming_strings ${conforming})`);
        assert.equal(marked.rows[0]?.t, text);
        assert.deepEqual(marked.rows[0]?.a, [text, 'x', null]);
      }
    }
    if (pglite) await sql`reset standard_conforming_strings`.execute(handle.db);
    const regions = await sql<{ n: number }>`select count(*)::int as n from regions`.execute(handle.db);
    assert.ok((regions.rows[0]?.n ?? 0) > 0, 'no text ran as a statement of its own');
    if (pglite) {
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(handle.db);
      assert.ok(
        statements.rows.some((r) => r.statement.includes('as t,')),
        'the marked statement ran prepared',
      );
    }
  });

  it('write as literals only what PostgreSQL reads back exactly', () => {
    assert.equal(literalOf("it's", 'text'), "E'it''s'");
    assert.equal(literalOf('a\\b', 'text'), String.raw`E'a\\b'`);
    assert.equal(literalOf(null, 'integer'), 'null');
    assert.equal(literalOf([1, 2], 'integer[]'), "E'{1,2}'");
    assert.equal(literalOf(['a"b', 'c\\d'], 'text[]'), String.raw`E'{"a\\"b","c\\\\d"}'`);
    const refused: Array<[unknown, string]> = [
      [Number.NaN, 'integer'],
      [Infinity, 'double precision'],
      ['a\0b', 'text'],
      [Buffer.from('x'), 'bytea'],
      ['{"a":1}', 'jsonb'],
      [{ a: 1 }, 'text'],
      [[{ a: 1 }], 'text[]'],
      [[1, 2], 'integer'],
      [new Date(Number.NaN), 'timestamp with time zone'],
    ];
    for (const [value, type] of refused) assert.equal(literalOf(value, type), undefined, `${String(value)} as ${type}`);
  });
});
