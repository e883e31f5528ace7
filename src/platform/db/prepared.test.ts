import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from './client.ts';
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

  it('are prepared on the PostgreSQL server (whose connections run without parallel workers), never on PGlite', async () => {
    const postgres = Boolean(process.env.TEST_DATABASE_URL);
    // One connection: a transaction keeps the statement and the look-up on it.
    await handle.db.transaction().execute(async (trx) => {
      await sql`${prepared}select count(*)::int as n from regions where slug <> ${'x'}`.execute(trx);
      const statements = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      const kept = statements.rows.some((r) => r.statement.startsWith(`${PREPARED_MARK} select count(*)::int as n from regions`));
      assert.equal(kept, postgres);
      const workers = await sql<{ max_parallel_workers_per_gather: string }>`show max_parallel_workers_per_gather`.execute(trx);
      if (postgres) assert.equal(workers.rows[0]?.max_parallel_workers_per_gather, '0');
    });
  });
});
