import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import { createApp } from '../../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDeps } from '../../deps.ts';
import { loggablePath } from './access-log.ts';

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

      // Personal newsletter links: the token in the path opens someone's subscription.
      lines.length = 0;
      const token = 'Ab3_-xYz0123456789abcdefghijklmnopqrstuvwxy';
      assert.equal(token.length, 43);
      await app.request(`/newsletter/unsubscribe/${token}`);
      await app.request(`/de/newsletter/preferences/${token}`);
      await app.request(`/fr/newsletter/confirm/${token}`, { method: 'POST' });
      const paths = lines
        .map((l) => JSON.parse(l))
        .filter((l) => l.msg === 'request')
        .map((l) => l.path);
      assert.deepEqual(paths, ['/newsletter/unsubscribe/:token', '/de/newsletter/preferences/:token', '/fr/newsletter/confirm/:token']);
      assert.ok(!lines.join('').includes(token));
    } finally {
      await database.close();
    }
  });

  it('redacts token-shaped segments and mistyped tokens, and keeps other paths', () => {
    const token = 'Ab3_-xYz0123456789abcdefghijklmnopqrstuvwxy';
    assert.equal(loggablePath(`/newsletter/unsubscribe/${token}x`), '/newsletter/unsubscribe/:token');
    assert.equal(loggablePath(`/en/newsletter/preferences/${token.slice(0, 20)}`), '/en/newsletter/preferences/:token');
    assert.equal(loggablePath(`/somewhere/${token}/else`), '/somewhere/:token/else');
    assert.equal(loggablePath('/en/newsletter/12'), '/en/newsletter/12');
    assert.equal(loggablePath('/en/calls/green-corridors'), '/en/calls/green-corridors');
    assert.equal(loggablePath('/en/newsletter/confirm'), '/en/newsletter/confirm');
  });
});
