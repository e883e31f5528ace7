import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, createPractice, publishedPractice, useWorkflowApp } from '../../../../tests/helpers/practice-workflow.ts';

const w = useWorkflowApp();

describe('practice editor over HTTP', () => {
  it('keeps everything typed when the form has errors', async () => {
    await w.author.get('/en/my/practices/new');
    const res = await w.author.post('/en/my/practices/new', { ...complete, startYear: '20x6', links: 'not a link' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /class="error-summary"/);
    assert.match(html, /Abfallsammlerinnen in Genossenschaften/);
    assert.match(html, /Tausende Menschen sammelten/);
    assert.match(html, /value="waste-management" checked/);
    assert.match(html, /20x6/);
  });

  it('stores text with NUL characters (pasted from odd sources) instead of failing', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Mit\u0000Nullzeichen', approach: 'Schritt\u0000eins' });
    const stored = await w.t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(stored.content), /MitNullzeichen/);
    await w.author.get(`/en/my/practices/${id}`);
    const res = await w.author.post(`/en/my/practices/${id}/act`, { action: 'withdraw', comment: 'a\u0000b' });
    assert.equal(res.status, 303);
  });

  it('never lets a member’s city name rename a city other practices use', async () => {
    const rabat = await publishedPractice(w, { ...complete, title: 'Rabat', city: 'الرباط', country: 'MA' });
    const casa = await publishedPractice(w, { ...complete, title: 'Casablanca', city: 'الدار البيضاء', country: 'MA' });
    const again = await publishedPractice(w, { ...complete, title: 'Rabat again', city: ' الرباط ', country: 'MA' });
    const cities = await w.t.database.db
      .selectFrom('practices as p')
      .innerJoin('cities as c', 'c.id', 'p.city_id')
      .select(['p.id', 'c.id as city_id', 'c.name'])
      .where('p.id', 'in', [rabat, casa, again])
      .orderBy('p.id')
      .execute();
    assert.deepEqual(
      cities.map((c) => c.name),
      ['الرباط', 'الدار البيضاء', 'الرباط'],
    );
    assert.equal(cities[0]?.city_id, cities[2]?.city_id, 'the same name is the same city');
    assert.notEqual(cities[0]?.city_id, cities[1]?.city_id);
  });
});
