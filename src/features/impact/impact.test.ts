import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent, insertMembers } from '../../../tests/helpers/events.ts';
import { computeImpact } from './impact.service.ts';

// The impact page counts from the records: events that are over (attendance, else registrations, else
// reported figures), published practices, listed experts, published project ideas; per year, theme
// and region, as charts with tables.

let t: TestApp;
const DAY = 86_400_000;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const db = t.database.db;
  // 2019, reported figures only, in MENA.
  const reported = await insertEvent(db, {
    slug: 'reported',
    startsAt: new Date('2019-05-14T08:00:00Z'),
    endsAt: new Date('2019-05-14T12:00:00Z'),
    themes: ['local-economic-development'],
  });
  await sql`update events set reported_figures = '{"participants": 40, "municipalities": 22, "countries": 10}', region_slug = 'mena'
            where id = ${reported}`.execute(db);
  // New Year's Eve in Amman is already 2021 there: the event counts in its own zone's year.
  const registered = await insertEvent(db, {
    slug: 'registered',
    startsAt: new Date('2020-12-31T22:30:00Z'),
    endsAt: new Date('2021-01-01T01:00:00Z'),
    timeZone: 'Asia/Amman',
    themes: ['local-economic-development', 'municipal-services'],
  });
  const marked = await insertEvent(db, {
    slug: 'marked',
    startsAt: new Date('2021-03-01T08:00:00Z'),
    endsAt: new Date('2021-03-01T12:00:00Z'),
    themes: ['municipal-services'],
  });
  const members = await insertMembers(db, 5);
  for (const m of members.slice(0, 3)) {
    await sql`insert into event_registrations (event_id, user_id, status, registered_at) values (${registered}, ${m.id}, 'registered', now())`.execute(
      db,
    );
  }
  for (const [i, m] of members.entries()) {
    await sql`insert into event_registrations (event_id, user_id, status, registered_at, attended)
              values (${marked}, ${m.id}, 'registered', now(), ${i < 2})`.execute(db);
  }
  // Not counted: a draft, a cancelled event, one still to come.
  await insertEvent(db, {
    slug: 'draft',
    status: 'draft',
    startsAt: new Date('2021-02-01T08:00:00Z'),
    endsAt: new Date('2021-02-01T09:00:00Z'),
  });
  await insertEvent(db, {
    slug: 'off',
    status: 'cancelled',
    startsAt: new Date('2021-02-02T08:00:00Z'),
    endsAt: new Date('2021-02-02T09:00:00Z'),
  });
  await insertEvent(db, { slug: 'soon', startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 6 * DAY) });
});
after(() => t.close());

describe('impact in numbers', () => {
  it('counts events once over, with attendance before registrations before reported figures', async () => {
    const impact = await computeImpact(t.database.db, 'en');
    assert.equal(impact.totals.events, 3);
    assert.equal(impact.totals.participants, 40 + 3 + 2);
    assert.deepEqual(
      impact.byYear.map((r) => [r.key, r.figures.events, r.figures.participants]),
      [
        ['2019', 1, 40],
        ['2021', 2, 5],
      ],
    );
    const theme = (slug: string) => impact.byTheme.find((r) => r.key === slug)?.figures;
    assert.equal(theme('local-economic-development')?.participants, 43);
    assert.equal(theme('municipal-services')?.events, 2, 'an event with two themes counts under each');
    assert.equal(theme('good-urban-governance')?.events, 0, 'every theme is listed');
    assert.equal(impact.byRegion.find((r) => r.key === 'mena')?.figures.participants, 40);
  });

  it('draws each breakdown as a chart with its table, mirrored in Arabic, the measure chosen by a link', async () => {
    const en = await (await t.request('/en/impact')).text();
    assert.match(en, /<svg class="bar-chart"[^>]*role="img" aria-labelledby="chart-year-title"/);
    assert.match(en, /<title id="chart-year-title">Participants per year<\/title>/);
    assert.match(en, /<th scope="row">2019<\/th><td>1<\/td><td>40<\/td>/);
    const enBar = /<text x="(\d+)" y="20" text-anchor="end">2019<\/text><rect class="bar" x="(\d+)"/.exec(en);
    assert.ok(enBar, 'left to right: labels end where the bars start');
    const ar = await (await t.request('/ar/impact')).text();
    const arBar = /<text x="(\d+)" y="20" text-anchor="start">2019<\/text><rect class="bar" x="(\d+)" y="6" width="(\d+)"/.exec(ar);
    assert.ok(arBar, 'right to left: labels on the right');
    assert.ok(Number(arBar[2]) + Number(arBar[3]) < Number(arBar[1]), 'the bar ends before its label');
    const chosen = await (await t.request('/en/impact?year=events&theme=nonsense')).text();
    assert.match(chosen, /<title id="chart-year-title">Events per year<\/title>/);
    assert.match(chosen, /<title id="chart-theme-title">Events per theme<\/title>/, 'a malformed choice falls back');
  });
});
