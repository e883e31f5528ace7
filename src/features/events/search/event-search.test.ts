import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertEvent } from '../../../../tests/helpers/events.ts';
import { eventSearchParams } from './event-search.forms.ts';

let t: TestApp;
const DAY = 24 * 3600 * 1000;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const soon = Date.now() + 10 * DAY;
  await insertEvent(t.database.db, {
    slug: 'waste-webinar',
    startsAt: new Date(soon),
    endsAt: new Date(soon + 2 * 3600 * 1000),
    themes: ['municipal-services'],
  });
  await insertEvent(t.database.db, {
    slug: 'budget-dialogue',
    startsAt: new Date(soon + DAY),
    endsAt: new Date(soon + DAY + 2 * 3600 * 1000),
    format: 'in-person',
  });
});
after(() => t.close());

const page = async (query: string) => {
  const res = await t.request(`/en/events${query ? `?${query}` : ''}`);
  return { status: res.status, html: await res.text() };
};
const note = (names: string) => `Some filters in the address were not understood and were ignored: <bdi dir="ltr">${names}</bdi>`;

describe('the calendar’s query string', () => {
  it('reads each parameter on its own: a bad value drops only itself, an empty one counts as not given', () => {
    const url = (query: string) => new URL(`http://x/en/events?${query}`);
    assert.deepEqual(eventSearchParams.read(url('kind=nonsense&kind=workshop&format=virtual')).ignored, ['kind']);
    assert.deepEqual(eventSearchParams.read(url('kind=nonsense&kind=workshop')).params.kind, ['workshop']);
    assert.deepEqual(eventSearchParams.read(url('kind=&format=&theme=&month=&when=past')).ignored, []);
    const bad = eventSearchParams.read(url('when=later&month=2025-13&from=yesterday&page=0&language=zz'));
    assert.deepEqual(bad.ignored, ['when', 'language', 'month', 'from', 'page']);
    assert.deepEqual([bad.params.when, bad.params.month, bad.params.from, bad.params.page], ['upcoming', null, null, 1]);
  });

  it('answers a bad parameter with the unfiltered list and a note naming it', async () => {
    for (const [query, names] of [
      ['kind=nonsense', 'kind'],
      ['theme=no-such-theme', 'theme'],
      ['month=2025-13&page=0', 'month, page'],
    ] as const) {
      const { status, html } = await page(query);
      assert.equal(status, 200, query);
      assert.ok(html.includes(note(names)), query);
      assert.match(html, /<div role="status" class="results-count"><h2 id="results-title">2 events<\/h2><\/div>/, query);
      assert.match(html, /waste-webinar/, query);
      assert.match(html, /budget-dialogue/, query);
    }
  });

  it('says nothing when every parameter was understood, and still filters', async () => {
    const filtered = await page('theme=municipal-services&kind=&format=&month=');
    assert.doesNotMatch(filtered.html, /not understood/);
    assert.match(filtered.html, /<h2 id="results-title">1 event</);
    assert.doesNotMatch((await page('')).html, /not understood/);
  });
});
