import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import { createApp } from '../../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDeps } from '../../deps.ts';

describe('access log', () => {
  it('logs method, path, status and time, never the query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await createTestDatabase({ seed: 'taxonomy' });
    const app = createApp(createDeps(loadConfig({ NODE_ENV: 'test' }), database, { logger: pino(sink), persistSecret: false }));
    try {
      await app.request('/en/themes?q=amina@example.org&token=abc123');
      const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
      assert.equal(entry.method, 'GET');
      assert.equal(entry.path, '/en/themes');
      assert.equal(entry.status, 200);
      assert.equal(typeof entry.ms, 'number');
      assert.ok(!lines.join('').includes('example.org') && !lines.join('').includes('abc123'));
    } finally {
      await database.close();
    }
  });
});
