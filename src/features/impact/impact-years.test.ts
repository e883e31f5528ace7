import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent, insertMembers } from '../../../tests/helpers/events.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../tests/helpers/experts.ts';
import { importPractices } from '../practices/import/practices.import.ts';
import { computeImpact } from './impact.service.ts';

// Records count in the year the record says (a practice's start, an expert's joining, an event's day),
// never in the year their rows were written; and the home page shows the impact page's figures.

let t: TestApp;
const DAY = 86_400_000;
const thisYear = String(new Date().getFullYear());

const practice = (externalId: string, startYear: number | null) => ({
  externalId,
  status: 'published',
  city: 'Mitrovica',
  country: 'XK',
  topics: ['waste-management'],
  startYear,
  translations: { en: { title: `Waste pickers ${externalId}`, summary: 'The city works with the waste pickers.' } },
});

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const db = t.database.db;
  // Imported today: one that started in 2019, one whose record has no start year.
  const report = await importPractices(db, [practice('started-2019', 2019), practice('no-start', null)]);
  assert.deepEqual(
    report.map((r) => r.outcome),
    ['created', 'created'],
    JSON.stringify(report),
  );
  // An account opened in 2021 whose expert profile was written today; a profile without an account;
  // a suspended one (not counted anywhere).
  const [member] = await insertMembers(db, 1, 'joined');
  await sql`update users set created_at = '2021-06-01T10:00:00Z' where id = ${member?.id}`.execute(db);
  const joined = await insertExpert(db, { ...(EXPERT_FIXTURES[0] as (typeof EXPERT_FIXTURES)[number]), slug: 'joined-2021' });
  await sql`update experts set user_id = ${member?.id} where id = ${joined}`.execute(db);
  await insertExpert(db, { ...(EXPERT_FIXTURES[0] as (typeof EXPERT_FIXTURES)[number]), slug: 'no-account' });
  const suspended = await insertExpert(db, { ...(EXPERT_FIXTURES[0] as (typeof EXPERT_FIXTURES)[number]), slug: 'suspended' });
  await sql`update experts set suspended = true where id = ${suspended}`.execute(db);
  // Events: two held, one still to come, one cancelled, one postponed, one draft.
  const past = (slug: string, iso: string, status?: 'draft' | 'cancelled' | 'postponed') =>
    insertEvent(db, { slug, status, startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });
  await past('held-2020', '2020-10-01T08:00:00Z');
  await past('held-2022', '2022-10-01T08:00:00Z');
  await past('cancelled', '2022-11-01T08:00:00Z', 'cancelled');
  await past('postponed', '2022-12-01T08:00:00Z', 'postponed');
  await past('draft', '2023-01-01T08:00:00Z', 'draft');
  await insertEvent(db, { slug: 'upcoming', startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 6 * DAY) });
});
after(() => t.close());

describe('impact counts in the year the record says', () => {
  it('counts a practice imported today that started in 2019 in 2019, one without a start year when published', async () => {
    const impact = await computeImpact(t.database.db, 'en');
    const practices = Object.fromEntries(impact.byYear.map((r) => [r.key, r.figures.practices]));
    assert.equal(practices['2019'], 1);
    assert.equal(practices[thisYear], 1, 'no start year: the year of its first publication on the platform');
    assert.equal(impact.totals.practices, 2);
  });

  it('counts an expert who joined in 2021 in 2021, even with a profile written today', async () => {
    const impact = await computeImpact(t.database.db, 'en');
    const experts = Object.fromEntries(impact.byYear.map((r) => [r.key, r.figures.experts]));
    assert.equal(experts['2021'], 1);
    assert.equal(experts[thisYear], 1, 'a profile without an account counts from the profile');
    assert.equal(impact.totals.experts, 2, 'a suspended profile is not counted');
  });

  it('counts events held in the year they took place; upcoming, cancelled, postponed and drafts not at all', async () => {
    const impact = await computeImpact(t.database.db, 'en');
    assert.equal(impact.totals.events, 2);
    assert.deepEqual(
      impact.byYear.filter((r) => r.figures.events > 0).map((r) => r.key),
      ['2020', '2022'],
    );
  });
});

describe('the home page and the impact page', () => {
  it('say the same number of events, experts and practices', async () => {
    const home = await (await t.request('/en/')).text();
    const impact = await (await t.request('/en/impact')).text();
    const figure = (html: string, label: string) => new RegExp(`<strong>(\\d+)</strong><span>${label}</span>`).exec(html)?.[1];
    assert.equal(figure(home, 'exchange events?'), '2');
    assert.equal(figure(impact, 'exchange events? held'), '2');
    assert.equal(figure(home, 'experts?'), figure(impact, 'experts? in the directory'));
    assert.equal(figure(home, 'good practices?'), figure(impact, 'good practices? published'));
  });
});
