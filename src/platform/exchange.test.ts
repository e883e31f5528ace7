import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import type { Database } from './db/client.ts';
import { importRecords, RecordRejected, recordLine } from './exchange.ts';

// Inside a caller's transaction the loop saves with that handle: a stand-in is enough to test the loop.
const inTransaction = { isTransaction: true } as unknown as Database;
const schema = z.object({ externalId: z.string().trim().min(1), size: z.number().int().min(0) });

describe('importRecords', () => {
  it('reports every record in order: saved, invalid, unknown to the database, twice, refused by the save', async () => {
    const saved: string[] = [];
    const report = await importRecords(
      inTransaction,
      [
        { externalId: 'a', size: 1 },
        { externalId: 'b', size: -1 },
        'not an object',
        { externalId: 'c', size: 13 },
        { externalId: 'a', size: 2 },
        { externalId: 'd', size: 4 },
        { externalId: ' e ', size: 5 },
      ],
      schema,
      {
        check: (_db, r) => (r.size === 13 ? ['size: unlucky'] : { problems: [], found: r.size * 10 }),
        save: async (trx, r, found) => {
          assert.equal(trx, inTransaction, 'the caller’s transaction');
          if (r.externalId === 'd') throw new RecordRejected(['d: refused']);
          saved.push(`${r.externalId}:${found}`);
          return 'created';
        },
      },
    );
    assert.deepEqual(report, [
      { externalId: 'a', outcome: 'created', reasons: [] },
      { externalId: 'b', outcome: 'rejected', reasons: ['size: Too small: expected number to be >=0'] },
      { externalId: '#3', outcome: 'rejected', reasons: ['record: Invalid input: expected object, received string'] },
      { externalId: 'c', outcome: 'rejected', reasons: ['size: unlucky'] },
      { externalId: 'a', outcome: 'rejected', reasons: ['externalId: appears twice in this file'] },
      { externalId: 'd', outcome: 'rejected', reasons: ['d: refused'] },
      { externalId: 'e', outcome: 'created', reasons: [] },
    ]);
    assert.deepEqual(saved, ['a:10', 'e:50']);
  });

  it('lets any other error through: the import stops', async () => {
    await assert.rejects(
      importRecords(inTransaction, [{ externalId: 'a', size: 1 }], schema, {
        save: () => Promise.reject(new Error('disk full')),
      }),
      /disk full/,
    );
  });
});

describe('one line of a record', () => {
  it('turns an imported name’s line breaks and control characters into a space, and can require it', () => {
    assert.equal(recordLine(120).parse('  Amal\r\nBcc: evil@example.org\u0007 '), 'Amal Bcc: evil@example.org');
    assert.equal(recordLine(120, 'name is required').safeParse('\r\n').error?.issues[0]?.message, 'name is required');
    assert.equal(recordLine(3).safeParse('a\nb\nc').success, false, 'the length counts after cleaning: "a b c" is 5');
  });
});
