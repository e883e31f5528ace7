import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { importPractices } from '../import/practices.import.ts';
import { findRelatedPractices } from './practice-page.queries.ts';

let t: TestApp;
const practice = (externalId: string, topics: string[], title: string, summary: string, status: 'published' | 'draft' = 'published') => ({
  externalId,
  status,
  city: 'Accra',
  country: 'GH',
  topics,
  translations: { en: { title, summary } },
});

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const outcomes = await importPractices(t.database.db, [
    practice(
      'me',
      ['waste-management'],
      'Waste pickers join the city collection',
      'Cooperatives of informal waste pickers collect recyclables.',
    ),
    practice('pickers', ['waste-management'], 'Contracts for waste picker cooperatives', 'Informal pickers become paid recyclers.'),
    practice('landfill', ['waste-management'], 'A new sanitary landfill', 'Engineering of a regional landfill site.'), // newer: would come first without word similarity
    practice('mobility', ['urban-mobility'], 'Bus lanes for waste pickers', 'Unrelated theme, similar words.'),
    practice('hidden', ['waste-management'], 'Waste pickers draft', 'Informal waste pickers cooperatives.', 'draft'),
  ]);
  assert.ok(
    outcomes.every((o) => o.outcome === 'created'),
    JSON.stringify(outcomes),
  );
});
after(() => t.close());

describe('related practices', () => {
  it('ranks shared topics first and, among them, shared words; never unpublished ones', async () => {
    const { id } = await t.database.db.selectFrom('practices').select('id').where('external_id', '=', 'me').executeTakeFirstOrThrow();
    const related = await findRelatedPractices(t.database.db, id, 'en', 3);
    assert.deepEqual(
      related.map((r) => r.slug),
      ['contracts-for-waste-picker-cooperatives', 'a-new-sanitary-landfill'],
    );
  });
});
