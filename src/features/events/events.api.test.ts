import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent } from '../../../tests/helpers/events.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  // Berlin changes to summer time on 29 March 2026: the same wall-clock time has two offsets.
  await insertEvent(t.database.db, {
    slug: 'before-the-change',
    startsAt: new Date('2026-03-28T09:00:00Z'),
    endsAt: new Date('2026-03-28T11:00:00Z'),
    joinUrl: 'https://meet.example/never-public',
    themes: ['municipal-services'],
  });
  await insertEvent(t.database.db, {
    slug: 'after-the-change',
    startsAt: new Date('2026-03-30T08:00:00Z'),
    endsAt: new Date('2026-03-30T10:00:00Z'),
    format: 'in-person',
  });
  await insertEvent(t.database.db, {
    slug: 'quito-workshop',
    timeZone: 'America/Guayaquil',
    startsAt: new Date('2026-04-14T14:00:00Z'),
    endsAt: new Date('2026-04-14T20:00:00Z'),
  });
  await insertEvent(t.database.db, {
    slug: 'not-yet-public',
    status: 'draft',
    startsAt: new Date('2026-04-01T08:00:00Z'),
    endsAt: new Date('2026-04-01T09:00:00Z'),
  });
  await sql`update events set kind = 'workshop' where slug = 'quito-workshop'`.execute(t.database.db);
});
after(() => t.close());

type Item = { slug: string; startsAt: string; endsAt: string; timeZone: string; kind: string; format: string; themes: string[] };

describe('events API', () => {
  it('lists public events with instants in the event’s own offset, across a daylight-saving change', async () => {
    const res = await t.request('/api/v1/events?from=2026-03-01&to=2026-05-01');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { items: Item[]; total: number };
    assert.deepEqual(
      body.items.map((i) => [i.slug, i.startsAt, i.timeZone]),
      [
        ['before-the-change', '2026-03-28T10:00:00+01:00', 'Europe/Berlin'],
        ['after-the-change', '2026-03-30T10:00:00+02:00', 'Europe/Berlin'],
        ['quito-workshop', '2026-04-14T09:00:00-05:00', 'America/Guayaquil'],
      ],
    );
    assert.equal(body.total, 3, 'drafts are not listed');
    assert.equal(Date.parse(body.items[1]?.startsAt ?? ''), Date.parse('2026-03-30T08:00:00Z'), 'the offset names the right instant');
    assert.ok(!JSON.stringify(body).includes('never-public'));
  });

  it('filters by kind, format, theme and period', async () => {
    const get = async (qs: string) =>
      ((await (await t.request(`/api/v1/events?${qs}`)).json()) as { items: Item[] }).items.map((i) => i.slug);
    assert.deepEqual(await get('kind=workshop&from=2026-01-01'), ['quito-workshop']);
    assert.deepEqual(await get('format=in-person&from=2026-01-01'), ['after-the-change']);
    assert.deepEqual(await get('theme=municipal-services&from=2026-01-01'), ['before-the-change']);
    assert.deepEqual(await get('from=2026-03-29&to=2026-04-01'), ['after-the-change']);
    assert.deepEqual(await get('kind=workshop&kind=webinar&from=2026-04-10'), ['quito-workshop']);
    assert.deepEqual(await get('theme=&page=&from=2026-04-10'), ['quito-workshop'], 'an empty value counts as absent');
    assert.deepEqual(await get('when=past&utm_source=x&from=2026-04-10'), ['quito-workshop'], 'keys the API does not know are ignored');
  });

  it('gives one event, public data only, and 404 for drafts', async () => {
    const res = await t.request('/api/v1/events/before-the-change');
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.startsAt, '2026-03-28T10:00:00+01:00');
    assert.equal(body.calendar, 'http://localhost:3000/en/events/before-the-change.ics');
    assert.ok(!JSON.stringify(body).includes('never-public'), 'never the join link');
    assert.equal((await t.request('/api/v1/events/not-yet-public')).status, 404);
  });
});

describe('events API: bad parameters answer 400 with problem details naming them', () => {
  const problem = async (path: string) => {
    const res = await t.request(path);
    assert.equal(res.status, 400, path);
    assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
    const body = (await res.json()) as { type: string; title: string; status: number; detail: string; 'invalid-params': Param[] };
    assert.equal(body.status, 400);
    assert.equal(body.title, 'Bad Request');
    return body;
  };
  type Param = { name: string; in: string; reason: string };
  const names = async (path: string) => (await problem(path))['invalid-params'].map((p) => p.name);

  for (const [query, name] of [
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['page=501', 'page'],
    ['page=1&page=2', 'page'],
    ['lang=xx', 'lang'],
    ['theme=no-such-theme', 'theme'],
    ['theme=Not_A_Slug', 'theme'],
    ['region=atlantis', 'region'],
    ['kind=nonsense', 'kind'],
    ['format=paper', 'format'],
    ['language=xx', 'language'],
    ['language=english', 'language'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30T25:00', 'to'],
    ['month=2026-13', 'month'],
  ] as const) {
    it(`GET /events?${query} names ${name}`, async () => {
      assert.deepEqual(await names(`/api/v1/events?${query}`), [name]);
    });
  }

  it('names every bad parameter at once, and says why', async () => {
    const body = await problem('/api/v1/events?page=0&kind=nonsense&format=virtual');
    assert.deepEqual(body['invalid-params'].map((p) => p.name).sort(), ['kind', 'page']);
    assert.match(body.detail, /kind/);
    assert.match(body['invalid-params'].find((p) => p.name === 'kind')?.reason ?? '', /"nonsense"/);
    const unknown = await problem('/api/v1/events?theme=municipal-services&theme=no-such-theme');
    assert.deepEqual(unknown['invalid-params'], [{ name: 'theme', in: 'query', reason: '"no-such-theme": unknown theme' }]);
  });

  it('GET /events/{slug}?lang=xx names lang', async () => {
    assert.deepEqual(await names('/api/v1/events/before-the-change?lang=xx'), ['lang']);
    assert.equal((await t.request('/api/v1/events/before-the-change?lang=fr')).status, 200);
  });
});

describe('the calendar page', () => {
  it('filters without JavaScript and keeps the filters in its links', async () => {
    const html = await (await t.request('/en/events?when=past&kind=workshop')).text();
    assert.match(html, /quito-workshop/);
    assert.doesNotMatch(html, /before-the-change/);
    assert.match(html, /<option value="workshop" selected="">/);
    const month = await (await t.request('/en/events?month=2026-03')).text();
    assert.match(month, /before-the-change/);
    assert.match(month, /after-the-change/);
    assert.doesNotMatch(month, /quito-workshop/);
    const quito = await (await t.request('/en/events/quito-workshop')).text();
    assert.match(quito, /America\/Guayaquil/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(quito)?.[1] ?? '{}');
    assert.equal(ld['@type'], 'Event');
    assert.equal(ld.startDate, '2026-04-14T09:00:00-05:00');
    assert.equal(ld.eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');
    assert.ok(!quito.includes('never-public'));
  });
});
