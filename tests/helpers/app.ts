import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db/client.ts';
import { createDeps } from '../../src/platform/deps.ts';
import { createTestDatabase, type TestSeed } from './db.ts';

export type TestApp = {
  app: ReturnType<typeof createApp>;
  database: DatabaseHandle;
  /** The app's DATA_DIR: a fresh temporary directory (uploaded files land in DATA_DIR/uploads). */
  dataDir: string;
  /** A request through the app in memory (no socket); paths are relative to http://localhost. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
};

export async function createTestApp(options: { seed?: TestSeed; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ seed: options.seed ?? 'demo' });
  // Uploaded files go to a fresh directory per test app, never into the checkout.
  const dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-test-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const app = createApp(createDeps(config, database, { persistSecret: false }));
  return {
    app,
    database,
    dataDir,
    request: async (path, init) => app.request(path, init),
    close: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
