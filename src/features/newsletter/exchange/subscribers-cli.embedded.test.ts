import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

// The CLI on a fresh embedded data directory, in a process of its own: it never reads TEST_DATABASE_URL,
// so it runs in the PGlite run only (`*.embedded.test.ts`, tests/run.mjs). The import's rules are tested
// on both engines in subscribers-exchange.test.ts.

const D = 'csv.peerpolis.example';
const HEADER = 'email,name,locale,themes,regions,consentedAt,source';

describe('npm run cli -- subscribers (end to end, fresh data directory)', () => {
  it('migrates, loads the taxonomy, imports, and exits 3 on a rejected row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-cli-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    try {
      const input = join(dataDir, 'cli.csv');
      writeFileSync(input, `${HEADER}\nkim@${D},Kim,de,municipal-services,europe,2021-05-05T10:00:00Z,\nbad,Bad,de,,,,\n`);
      const imported = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'subscribers', 'import', input], {
        env,
      }).then(
        () => assert.fail('exit code 0 despite a rejected row'),
        (e: { code: number; stdout: string }) => e,
      );
      assert.equal(imported.code, 3, imported.stdout);
      assert.match(imported.stdout, /line 3: rejected — email: malformed address/);
      // The theme and region were known: the taxonomy was loaded into the fresh directory.
      assert.match(imported.stdout, /Subscribers: 1 created, 0 updated \(1 confirmed/);
      assert.ok(!imported.stdout.includes('@'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
