import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertCity, insertPractice, insertProjectIdea } from '../../../tests/helpers/city-content.ts';
import { insertEvent } from '../../../tests/helpers/events.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../tests/helpers/experts.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';

// A municipality's page gathers what each feature links to it (practices, experts, events, project
// ideas), shows only the experts the reader may see, and every page naming the city links to it.

let t: TestApp;
let member: Visitor;
const DAY = 24 * 3600 * 1000;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const db = t.database.db;
  await createMember(t, 'amal@city.example');
  member = await signedIn(t, 'amal@city.example');

  const agadir = await insertCity(db, 'agadir', 'Agadir', 'MA');
  await sql`update cities set names = '{"ar": "أكادير"}'::jsonb where id = ${agadir}`.execute(db);
  await insertCity(db, 'cordoba', 'Córdoba', 'ES');
  await insertCity(db, 'cordoba', 'Córdoba', 'AR');
  await insertCity(db, 'quiet-town', 'Quiet Town', 'DE');

  await insertPractice(db, { slug: 'agadir-water-reuse', title: 'Water reuse in Agadir', cityId: agadir, country: 'MA' });
  await insertPractice(db, { slug: 'agadir-unpublished', title: 'Unpublished practice', cityId: agadir, country: 'MA', status: 'draft' });
  for (const fixture of EXPERT_FIXTURES) {
    const id = await insertExpert(db, fixture);
    await sql`update experts set city_id = ${agadir} where id = ${id}`.execute(db);
  }
  const soon = Date.now() + 10 * DAY;
  const held = await insertEvent(db, {
    slug: 'agadir-dialogue',
    title: 'Dialogue in Agadir',
    startsAt: new Date(soon),
    endsAt: new Date(soon + 3600_000),
  });
  const hosted = await insertEvent(db, {
    slug: 'coastal-webinar',
    title: 'Coastal webinar',
    startsAt: new Date(soon - 40 * DAY),
    endsAt: new Date(soon - 40 * DAY + 3600_000),
  });
  const draft = await insertEvent(db, {
    slug: 'agadir-draft-event',
    status: 'draft',
    startsAt: new Date(soon),
    endsAt: new Date(soon + 3600_000),
  });
  await sql`update events set city_id = ${agadir}, country_code = 'MA', format = 'in-person' where id in (${held}, ${draft})`.execute(db);
  await sql`insert into event_hosts (event_id, city_id) values (${hosted}, ${agadir})`.execute(db);
  await insertProjectIdea(db, { slug: 'agadir-cooperative', title: 'Waste pickers cooperative', cityId: agadir, country: 'MA' });
  await insertProjectIdea(db, { slug: 'agadir-idea-draft', title: 'Draft idea', cityId: agadir, country: 'MA', status: 'draft' });
});
after(() => t.close());

/** The links of one section of a city page (the header's menu links to /experts/match too). */
const sectionLinks = (body: string, heading: string) => {
  const section = new RegExp(`<h2 id="city-section-\\d">${heading}</h2>([\\s\\S]*?)</section>`).exec(body)?.[1] ?? '';
  return [...section.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
};

const get = async (path: string, who?: Visitor) => {
  const res = who ? await who.get(path) : await t.request(path);
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
};

describe('a city’s page', () => {
  it('lists its published practices, its events, its published project ideas, and only the public experts to a visitor', async () => {
    const { status, body } = await get('/en/cities/agadir-ma');
    assert.equal(status, 200);
    assert.match(body, /<title>Agadir, Morocco/);
    assert.match(body, /<meta name="description" content="[^"]*Agadir \(Morocco\)/);
    assert.match(body, /<h1 dir="auto">Agadir<\/h1>/);
    assert.match(body, /href="\/en\/practices\/agadir-water-reuse"/);
    assert.doesNotMatch(body, /agadir-unpublished/);
    assert.deepEqual(sectionLinks(body, 'Experts'), ['/en/experts/anna-schmidt'], 'members-only and hidden profiles stay out');
    assert.match(body, /href="\/en\/events\/agadir-dialogue"/);
    assert.match(body, /href="\/en\/events\/coastal-webinar"/, 'an event the city hosted');
    assert.doesNotMatch(body, /agadir-draft-event/);
    assert.match(body, /href="\/en\/project-ideas\/agadir-cooperative"/);
    assert.doesNotMatch(body, /agadir-idea-draft/);
    for (const heading of ['Good practices', 'Experts', 'Events', 'Project ideas'])
      assert.match(body, new RegExp(`<h2 id="city-section-\\d">${heading}</h2>`));
  });

  it('shows a member the members-only profiles too, never a hidden one', async () => {
    const { body } = await get('/en/cities/agadir-ma', member);
    const shown = sectionLinks(body, 'Experts').sort();
    const visible = EXPERT_FIXTURES.filter((f) => f.visibility !== 'hidden')
      .map((f) => `/en/experts/${f.slug}`)
      .sort();
    assert.deepEqual(shown, visible);
    assert.ok(EXPERT_FIXTURES.some((f) => f.visibility === 'hidden'));
  });

  it('names the city in the reader’s script and says when nothing is linked yet', async () => {
    assert.match((await get('/ar/cities/agadir-ma')).body, /<h1 dir="auto">أكادير<\/h1>/);
    const quiet = await get('/en/cities/quiet-town-de');
    assert.equal(quiet.status, 200);
    assert.match(quiet.body, /Nothing on Peerpolis is linked to Quiet Town yet/);
  });

  it('redirects a bare name of one city, asks which when several countries share it, and answers 404 for an unknown one', async () => {
    const bare = await get('/en/cities/agadir');
    assert.equal(bare.status, 301);
    assert.equal(bare.location, '/en/cities/agadir-ma');
    const shared = await get('/en/cities/cordoba');
    assert.equal(shared.status, 200);
    assert.match(shared.body, /href="\/en\/cities\/cordoba-ar"/);
    assert.match(shared.body, /href="\/en\/cities\/cordoba-es"/);
    assert.match(shared.body, /noindex/);
    for (const path of ['/en/cities/atlantis', '/en/cities/agadir-fr', '/en/cities/no-such-place-ma'])
      assert.equal((await get(path)).status, 404, path);
  });
});

describe('links to the city page', () => {
  it('from the pages of its practices, experts, events and project ideas', async () => {
    for (const path of [
      '/en/practices/agadir-water-reuse',
      '/en/experts/anna-schmidt',
      '/en/events/agadir-dialogue',
      '/en/events/coastal-webinar',
      '/en/project-ideas/agadir-cooperative',
    ]) {
      const { status, body } = await get(path);
      assert.equal(status, 200, path);
      assert.match(body, /<a href="\/en\/cities\/agadir-ma" dir="auto">Agadir<\/a>/, path);
    }
  });
});
