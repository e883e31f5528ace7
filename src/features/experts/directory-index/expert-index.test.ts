import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../../tests/helpers/experts.ts';
import type { ExpertVisibility } from '../experts.table.ts';
import { queryExperts } from './expert-facets.model.ts';
import { ExpertIndex, FACETS } from './expert-index.model.ts';
import { deleteOldExpertChanges, findIndexedExperts } from './expert-index.queries.ts';
import { currentExpertIndex } from './expert-index.service.ts';

// The directory index lives in each app process (ADR 007). These tests change profiles behind its back,
// with plain SQL as another process or a CLI import would, and check that every use sees the change.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  for (const f of EXPERT_FIXTURES) await insertExpert(t.database.db, f);
});
after(() => t.close());

const NO_FILTERS = { theme: [], topic: [], language: [], region: [], country: [], availability: [] };
const EVERYONE: ExpertVisibility[] = ['public', 'members', 'hidden'];
const browse = async (visible: ExpertVisibility[]) =>
  queryExperts(await currentExpertIndex(t.database.db), {
    visible,
    filters: NO_FILTERS,
    matches: null,
    sort: 'name',
    limit: 50,
    offset: 0,
  });

/** The same question answered by scanning every profile: the kept per-bucket counts must agree with it. */
async function scanned(visible: ExpertVisibility[]) {
  const fresh = new ExpertIndex();
  fresh.apply([], await findIndexedExperts(t.database.db, null));
  // A filter on every value of a facet nobody lacks would change nothing; use the scan path via `matches`.
  const all = new Map([...fresh.byId.keys()].map((id) => [id, 0]));
  return queryExperts(fresh, { visible, filters: NO_FILTERS, matches: all, sort: 'name', limit: 50, offset: 0 });
}

describe('the directory index', () => {
  it('sees a change made with plain SQL at the next use: visibility, a new profile, a deletion', async () => {
    assert.deepEqual(
      (await browse(['public'])).page.map((p) => p.expert.slug),
      ['anna-schmidt'],
    );
    await sql`update experts set visibility = 'public' where slug = 'karim-haddad'`.execute(t.database.db);
    assert.deepEqual(
      (await browse(['public'])).page.map((p) => p.expert.slug),
      ['anna-schmidt', 'karim-haddad'],
    );
    const extra = { ...(EXPERT_FIXTURES[0] as (typeof EXPERT_FIXTURES)[number]), slug: 'aaron-abel', name: 'Aaron Abel' };
    const id = await insertExpert(t.database.db, extra);
    assert.deepEqual(
      (await browse(['public'])).page.map((p) => p.expert.slug),
      ['aaron-abel', 'anna-schmidt', 'karim-haddad'],
      'a new profile takes its place in name order',
    );
    await sql`delete from experts where id = ${id}`.execute(t.database.db);
    await sql`update experts set visibility = 'members' where slug = 'karim-haddad'`.execute(t.database.db);
    const after = await browse(['public']);
    assert.deepEqual(
      after.page.map((p) => p.expert.slug),
      ['anna-schmidt'],
    );
    assert.equal(after.total, 1);
  });

  it('keeps the browsing counts equal to a full scan after link-table changes and a suspension', async () => {
    await sql`insert into expert_languages (expert_id, code, level) select id, 'fr', 'working' from experts where slug = 'anna-schmidt'`.execute(
      t.database.db,
    );
    await sql`delete from expert_topics where expert_id = (select id from experts where slug = 'karim-haddad')`.execute(t.database.db);
    await sql`update experts set suspended = true where slug = 'lucia-paredes'`.execute(t.database.db);
    for (const visible of [['public'], ['public', 'members'], EVERYONE] as ExpertVisibility[][]) {
      const kept = await browse(visible);
      const full = await scanned(visible);
      assert.equal(kept.total, full.total, `total for ${visible}`);
      for (const facet of FACETS) assert.deepEqual(kept.facets[facet], full.facets[facet], `${facet} for ${visible}`);
    }
    const members = await browse(['public', 'members']);
    assert.ok(members.facets.language.some((l) => l.value === 'fr' && l.count === 1));
    assert.ok(!members.facets.topic.some((l) => l.value === 'waste-management' && l.count > 1), 'Karim no longer counts for the topic');
    assert.equal((await browse(EVERYONE)).total, 3, 'editors still see the suspended profile');
    await sql`update experts set suspended = false where slug = 'lucia-paredes'`.execute(t.database.db);
  });

  it('reads everything again when the changes it missed were pruned', async () => {
    await browse(['public']);
    await sql`update expert_changes set changed_at = now() - interval '2 days'`.execute(t.database.db);
    await sql`update experts set visibility = 'public' where slug = 'lucia-paredes'`.execute(t.database.db);
    await sql`update expert_changes set changed_at = now() - interval '2 days'`.execute(t.database.db);
    assert.ok((await deleteOldExpertChanges(t.database.db)) > 0, 'old changes are pruned (the latest is kept)');
    await sql`update experts set display_name = 'Lucía Paredes Vega' where slug = 'lucia-paredes'`.execute(t.database.db);
    await deleteOldExpertChanges(t.database.db);
    const after = await browse(['public']);
    assert.ok(after.page.some((p) => p.expert.name === 'Lucía Paredes Vega'));
    await sql`update experts set visibility = 'hidden' where slug = 'lucia-paredes'`.execute(t.database.db);
  });
});
