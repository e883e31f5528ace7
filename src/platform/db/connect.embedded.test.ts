import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { migrations } from '../../modules.ts';
import { connectDatabase, DatabaseInUseError } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

describe('connectDatabase (embedded)', () => {
  it('keeps data in DATA_DIR across restarts and refuses a second process while one holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peerpolis-data-'));
    // A live process that is not us "holds" the directory.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const first = await connectDatabase({ DATA_DIR: dir, DATABASE_URL: undefined });
      assert.deepEqual(await migrateToLatest(first.db, migrations), { applied: Object.keys(migrations) });
      await first.close();
      assert.equal(existsSync(join(dir, 'peerpolis.lock')), false, 'lock released on close');

      const again = await connectDatabase({ DATA_DIR: dir, DATABASE_URL: undefined });
      assert.deepEqual(await migrateToLatest(again.db, migrations), { applied: [] }, 'the second start reuses the data');
      await again.close();

      writeFileSync(join(dir, 'peerpolis.lock'), String(other.pid));
      await assert.rejects(connectDatabase({ DATA_DIR: dir, DATABASE_URL: undefined }), (error: unknown) => {
        return error instanceof DatabaseInUseError && error.message.includes(`process ${other.pid}`);
      });

      writeFileSync(join(dir, 'peerpolis.lock'), '999999999'); // left behind by a crashed process
      const recovered = await connectDatabase({ DATA_DIR: dir, DATABASE_URL: undefined });
      await recovered.close();
    } finally {
      other.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
