import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertPractice } from '../../../../tests/helpers/city-content.ts';
import { insertEvent } from '../../../../tests/helpers/events.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';

// Series and learning processes: the outcome markers of past events in the calendar, the pages of a
// series (sessions in order, recordings, documentation, practices presented), the calendar's filter,
// and the editors' creation of a series chosen in the event form.

let t: TestApp;
let editor: Visitor;
let member: Visitor;
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY);

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const db = t.database.db;
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'amal@city.example');
  editor = await signedIn(t, 'editor@network.example');
  member = await signedIn(t, 'amal@city.example');

  const series = await sql<{
    id: number;
  }>`insert into event_series (slug, starts_on, ends_on) values ('cooling-cities', '2024-01-01', '2031-12-31') returning id`.execute(db);
  const seriesId = series.rows[0]?.id as number;
  await sql`insert into event_series_translations (event_series_id, locale, title, summary) values (${seriesId}, 'en', 'Cooling cities', 'Heat in public space.')`.execute(
    db,
  );

  const first = await insertEvent(db, {
    slug: 'shade-session-one',
    title: 'Shade session one',
    startsAt: at(-60),
    endsAt: new Date(at(-60).getTime() + 2 * HOUR),
  });
  const second = await insertEvent(db, {
    slug: 'shade-session-two',
    title: 'Shade session two',
    startsAt: at(-30),
    endsAt: new Date(at(-30).getTime() + 2 * HOUR),
  });
  const third = await insertEvent(db, {
    slug: 'shade-session-three',
    title: 'Shade session three',
    startsAt: at(20),
    endsAt: new Date(at(20).getTime() + 2 * HOUR),
  });
  // A livestream link given ahead: an upcoming event is never marked as recorded.
  const upcomingWithLink = await insertEvent(db, { slug: 'heat-livestream', startsAt: at(5), endsAt: new Date(at(5).getTime() + HOUR) });
  await insertEvent(db, { slug: 'plain-past-event', startsAt: at(-10), endsAt: new Date(at(-10).getTime() + HOUR) });
  const documentedOnly = await insertEvent(db, {
    slug: 'documented-past-event',
    startsAt: at(-12),
    endsAt: new Date(at(-12).getTime() + HOUR),
  });
  await insertEvent(db, { slug: 'draft-shade-session', status: 'draft', startsAt: at(-20), endsAt: new Date(at(-20).getTime() + HOUR) });

  const recordings = JSON.stringify([{ url: 'https://video.example/shade-1', label: 'Shade session one, full recording' }]);
  await sql`update events set series_id = ${seriesId} where id in (${first}, ${second}, ${third})`.execute(db);
  await sql`update events set series_id = ${seriesId} where slug = 'draft-shade-session'`.execute(db);
  await sql`update events set recordings = ${recordings}::jsonb where id in (${first}, ${upcomingWithLink})`.execute(db);
  await sql`update event_translations set documentation = 'Notes on trees and water.' where event_id in (${second}, ${documentedOnly})`.execute(
    db,
  );
  const practice = await insertPractice(db, { slug: 'tree-planting-programme', title: 'Tree planting programme' });
  const unpublished = await insertPractice(db, { slug: 'secret-draft-practice', title: 'Secret draft practice', status: 'draft' });
  await sql`insert into event_practices (event_id, practice_id) values (${second}, ${practice}), (${second}, ${unpublished})`.execute(db);
});
after(() => t.close());

const html = async (path: string) => {
  const res = await t.request(path);
  return { status: res.status, body: await res.text() };
};
/** The card of one event in a list page. */
const card = (body: string, slug: string) =>
  new RegExp(`<li class="card" id="event-${slug}">([\\s\\S]*?)</li>\\s*(?:<li class="card"|</ul>)`).exec(body)?.[1] ?? '';

describe('markers on past events', () => {
  it('marks past events that have a recording or documentation, in words, and no others', async () => {
    const { body } = await html('/en/events?when=past');
    assert.match(card(body, 'shade-session-one'), /Recording available/);
    assert.doesNotMatch(card(body, 'shade-session-one'), /Documentation available/);
    assert.match(card(body, 'shade-session-two'), /Documentation available/);
    assert.match(card(body, 'documented-past-event'), /Documentation available/);
    assert.doesNotMatch(card(body, 'plain-past-event'), /available/);
    const upcoming = await html('/en/events');
    assert.ok(card(upcoming.body, 'heat-livestream'), 'the upcoming event is listed');
    assert.doesNotMatch(upcoming.body, /Recording available/);
    const french = await html('/fr/events?when=past');
    assert.match(card(french.body, 'shade-session-one'), /Enregistrement disponible/);
  });
});

describe('the page of a series', () => {
  it('lists its public sessions in order, its recordings, documentation and the published practices presented', async () => {
    const { status, body } = await html('/en/events/series/cooling-cities');
    assert.equal(status, 200);
    assert.match(body, /<h1>Cooling cities<\/h1>/);
    assert.match(body, /<title>Cooling cities/);
    const one = body.indexOf('id="event-shade-session-one"');
    const two = body.indexOf('id="event-shade-session-two"');
    const three = body.indexOf('id="event-shade-session-three"');
    assert.ok(one > 0 && two > one, 'past sessions in the order they were held');
    assert.ok(three > 0 && three < one, 'the upcoming session first');
    assert.doesNotMatch(body, /draft-shade-session/);
    assert.match(body, /href="https:\/\/video.example\/shade-1"/);
    assert.match(body, /href="\/en\/events\/shade-session-two#documentation"/);
    assert.match(body, /href="\/en\/practices\/tree-planting-programme"/);
    assert.doesNotMatch(body, /secret-draft-practice/);
    assert.match(body, /href="\/en\/events\?series=cooling-cities"/);
  });

  it('is linked from each of its events, and answers 404 for an unknown series or learning process', async () => {
    assert.match((await html('/en/events/shade-session-two')).body, /href="\/en\/events\/series\/cooling-cities"/);
    assert.equal((await html('/en/events/series/no-such-series')).status, 404);
    assert.equal((await html('/en/events/learning-processes/no-such-process')).status, 404);
  });
});

describe('the calendar’s filter by series', () => {
  it('narrows the list to the sessions of the series, and names an unknown one as ignored', async () => {
    const all = await html('/en/events?when=past');
    assert.match(all.body, /plain-past-event/);
    const { body } = await html('/en/events?when=past&series=cooling-cities');
    assert.match(body, /<option value="cooling-cities" selected="">Cooling cities<\/option>/);
    assert.match(body, /shade-session-one/);
    assert.match(body, /shade-session-two/);
    assert.doesNotMatch(body, /plain-past-event/);
    const unknown = await html('/en/events?when=past&series=nothing-like-it');
    assert.match(unknown.body, /not understood[^<]*<bdi dir="ltr">series<\/bdi>/);
    assert.match(unknown.body, /plain-past-event/);
  });
});

describe('editors’ series and learning processes', () => {
  it('lets an editor create a series, change it in another language and choose it in the event form', async () => {
    await editor.get('/en/editor/series');
    await editor.get('/en/editor/series/new');
    const bad = await editor.post('/en/editor/series/new', {
      lang: 'en',
      title: '',
      summary: 'Kept',
      startsOn: '2030-05-01',
      endsOn: '2030-01-01',
    });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /href="#field-title"/);
    assert.match(badHtml, /The end must come after the start/);
    assert.match(badHtml, />Kept<\/textarea>/);

    const res = await editor.post('/en/editor/series/new', {
      lang: 'en',
      title: 'Water\nsensitive  cities',
      summary: 'Sponge city exchanges.',
      startsOn: '2030-01-01',
      endsOn: '2030-12-31',
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/en\/editor\/series\/water-sensitive-cities\/edit\?lang=en&notice=saved$/);
    await editor.get('/en/editor/series/water-sensitive-cities/edit?lang=ar');
    const arabic = await editor.post('/en/editor/series/water-sensitive-cities/edit?lang=ar', {
      lang: 'ar',
      title: 'مدن حساسة للمياه',
      summary: '',
      startsOn: '2030-01-01',
      endsOn: '2030-12-31',
    });
    assert.equal(arabic.status, 303);

    await editor.get('/en/editor/events/new');
    assert.match(editor.lastHtml, /<option value="water-sensitive-cities">Water sensitive cities<\/option>/);
    const event = await editor.post('/en/editor/events/new', {
      lang: 'en',
      kind: 'webinar',
      format: 'virtual',
      status: 'published',
      title: 'Sponge parks webinar',
      startsAt: '2030-03-03T10:00',
      endsAt: '2030-03-03T11:00',
      timeZone: 'Europe/Berlin',
      series: 'water-sensitive-cities',
    });
    assert.equal(event.status, 303);
    const page = await html('/en/events/series/water-sensitive-cities');
    assert.match(page.body, /<h1>Water sensitive cities<\/h1>/);
    assert.match(page.body, /Sponge parks webinar/);
    assert.match((await html('/ar/events/series/water-sensitive-cities')).body, /<h1>مدن حساسة للمياه<\/h1>/);

    await editor.get('/en/editor/learning-processes/new');
    const process = await editor.post('/en/editor/learning-processes/new', { lang: 'en', title: 'Urban gardens cohort', summary: '' });
    assert.equal(process.status, 303);
    assert.equal((await html('/en/events/learning-processes/urban-gardens-cohort')).status, 200);
  });

  it('refuses members (403), visitors (sign-in) and a post without the CSRF token', async () => {
    assert.equal((await member.get('/en/editor/series')).status, 403);
    assert.equal((await member.get('/en/editor/series/new')).status, 403);
    await member.get('/en/events');
    assert.equal((await member.post('/en/editor/series/new', { lang: 'en', title: 'By a member' })).status, 403);
    assert.equal((await member.post('/en/editor/learning-processes/new', { lang: 'en', title: 'By a member' })).status, 403);
    assert.equal((await newVisitor(t).get('/en/editor/series')).status, 303);
    const forged = await editor.post('/en/editor/series/new', { _csrf: 'forged', lang: 'en', title: 'Forged' });
    assert.equal(forged.status, 403);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from event_series_translations where title in ('By a member', 'Forged')`.execute(t.database.db);
    assert.equal(count.rows[0]?.n, 0);
  });
});
