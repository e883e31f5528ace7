import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestApp } from '../../../tests/helpers/app.ts';

describe('when the database fails', () => {
  it('shows a localized error page (500) without a stack trace, and /healthz says 503', async () => {
    const t = await createTestApp({ seed: 'taxonomy' });
    await t.database.close();
    const page = await t.request('/de/');
    assert.equal(page.status, 500);
    const html = await page.text();
    assert.match(html, /<html lang="de"/);
    assert.doesNotMatch(html, /at .*\.(ts|js):\d+|Error:/);
    const health = await t.request('/healthz');
    assert.equal(health.status, 503);
    assert.deepEqual(await health.json(), { status: 'unavailable', database: 'unavailable' });
  });
});
