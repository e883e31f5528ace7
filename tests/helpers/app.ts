import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createDeps } from '../../src/deps.ts';
import { createTestDatabase, type TestSeed } from './db.ts';

export type TestApp = {
  app: ReturnType<typeof createApp>;
  database: DatabaseHandle;
  /** A request through the app in memory (no socket); paths are relative to http://localhost. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
};

export async function createTestApp(options: { seed?: TestSeed; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ seed: options.seed ?? 'demo' });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const app = createApp(createDeps(config, database, { persistSecret: false }));
  return {
    app,
    database,
    request: async (path, init) => app.request(path, init),
    close: () => database.close(),
  };
}
