import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { mailsTo } from '../../../../tests/helpers/mail.ts';

// The editors' event form: it saves through the importer's checks, keeps what was typed on a mistake,
// writes one language at a time, and tells registrants when the time, zone, place, format or status
// changes. Documents and presented practices show on the event's page afterwards.

let t: TestApp;
let editor: Visitor;
let slug = '';

const base = {
  lang: 'en',
  kind: 'dialogue-event',
  format: 'in-person',
  status: 'published',
  title: 'Dialogue on shaded streets',
  summary: 'Cooling public space in hot cities.',
  startsAt: '2030-10-26T10:00',
  endsAt: '2030-10-26T16:00',
  timeZone: 'Europe/Berlin',
  city: 'Karlsruhe',
  country: 'DE',
  venue: 'Town hall, room 2',
  capacity: '25',
  questions: ['role', 'brings'],
  topics: ['public-space'],
  languages: ['en', 'de', 'ar'],
  hosts: 'Karlsruhe, DE\nIrbid, JO',
  partners: 'Regional climate agency',
};

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'amal@city.example');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());

const apiEvent = async () => (await (await t.request(`/api/v1/events/${slug}`)).json()) as Record<string, unknown>;

describe('the editors’ event form', () => {
  it('refuses bad input with messages next to the fields and keeps everything typed', async () => {
    await editor.get('/en/editor/events/new');
    const res = await editor.post('/en/editor/events/new', {
      ...base,
      kind: '',
      timeZone: 'Mars/Olympus',
      joinUrl: 'javascript:alert(1)',
      hosts: 'Karlsruhe Germany',
      languages: 'english',
      capacity: 'many',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    for (const field of ['kind', 'timeZone', 'joinUrl', 'hosts', 'languages', 'capacity'])
      assert.match(html, new RegExp(`href="#field-${field}"`), field);
    assert.match(html, /Each line needs the city, a comma and the two-letter country code/);
    assert.match(html, /value="Dialogue on shaded streets"/);
    assert.match(html, /Karlsruhe Germany<\/textarea>/);
    assert.match(html, /value="role" checked=""/, 'ticked boxes stay ticked');
    const order = await editor.post('/en/editor/events/new', { ...base, endsAt: '2030-10-26T09:00' });
    assert.equal(order.status, 422);
    assert.match(await order.text(), /The end must come after the start/);
  });

  it('creates an event whose times are wall-clock times in its zone, and its topics bring their themes', async () => {
    const res = await editor.post('/en/editor/events/new', base);
    assert.equal(res.status, 303);
    slug = /\/editor\/events\/([a-z0-9-]+)\/edit/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    assert.equal(slug, 'dialogue-on-shaded-streets');
    const event = await apiEvent();
    assert.equal(event.startsAt, '2030-10-26T10:00:00+02:00', 'summer time in Berlin');
    assert.deepEqual(event.themes, ['municipal-services']);
    const page = await (await t.request(`/en/events/${slug}`)).text();
    assert.match(page, /Irbid/);
    assert.match(page, /Regional climate agency/);
  });

  it('mails registrants when the day moves across the change of clocks, and when the zone or format changes', async () => {
    const member = await signedIn(t, 'amal@city.example');
    await member.get(`/en/events/${slug}`);
    assert.equal((await member.post(`/en/events/${slug}/register`, { city: 'Irbid', country: 'JO', role: 'Planner' })).status, 303);

    await editor.get(`/en/editor/events/${slug}/edit`);
    assert.equal(
      (await editor.post(`/en/editor/events/${slug}/edit?lang=en`, { ...base, startsAt: '2030-10-28T10:00', endsAt: '2030-10-28T16:00' }))
        .status,
      303,
    );
    assert.equal((await apiEvent()).startsAt, '2030-10-28T10:00:00+01:00', 'winter time after the last Sunday of October');
    const moved = (await mailsTo(t.database.db, 'amal@city.example')).filter((m) => /^Changed: /.test(m.subject));
    assert.equal(moved.length, 1);
    assert.match(moved[0]?.calendar ?? '', /DTSTART:20301028T090000Z/);

    await editor.get(`/en/editor/events/${slug}/edit`);
    const zone = { ...base, startsAt: '2030-10-28T10:00', endsAt: '2030-10-28T16:00', timeZone: 'Asia/Amman' };
    assert.equal((await editor.post(`/en/editor/events/${slug}/edit?lang=en`, zone)).status, 303);
    assert.equal((await apiEvent()).startsAt, '2030-10-28T10:00:00+03:00', 'the same wall-clock time in the new zone');
    await editor.get(`/en/editor/events/${slug}/edit`);
    assert.equal(
      (await editor.post(`/en/editor/events/${slug}/edit?lang=en`, { ...zone, format: 'virtual', joinUrl: 'https://meet.example/shade' }))
        .status,
      303,
    );
    const changes = (await mailsTo(t.database.db, 'amal@city.example')).filter((m) => /^Changed: /.test(m.subject));
    assert.equal(changes.length, 3);
    // The outbox is filled by the worker, not in queue order on PostgreSQL: look for the mail of the last change.
    assert.ok(
      changes.some((m) => /meet\.example\/shade/.test(m.text_body ?? '')),
      'the new join link reaches the participant',
    );
    assert.match(await (await t.request(`/en/events/${slug}`)).text(), /The format of this event has changed: it now takes place Online/);
    assert.doesNotMatch(await (await t.request(`/en/events/${slug}`)).text(), /meet\.example\/shade/, 'never on the public page');
  });

  it('moves the waiting list up when the editor adds places', async () => {
    await editor.get('/en/editor/events/new');
    const small = { ...base, title: 'Study visit for two', capacity: '1', startsAt: '2030-11-05T09:00', endsAt: '2030-11-05T17:00' };
    const created = await editor.post('/en/editor/events/new', small);
    const visit = /\/editor\/events\/([a-z0-9-]+)\/edit/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    for (const who of ['first@city.example', 'second@city.example']) {
      await createMember(t, who);
      const member = await signedIn(t, who);
      await member.get(`/en/events/${visit}`);
      assert.equal((await member.post(`/en/events/${visit}/register`, { city: 'Irbid', country: 'JO', role: 'Planner' })).status, 303);
    }
    const status = async () =>
      (
        await t.database.db
          .selectFrom('event_registrations as r')
          .innerJoin('users as u', 'u.id', 'r.user_id')
          .select(['u.email', 'r.status'])
          .where(
            'r.event_id',
            '=',
            (
              await t.database.db.selectFrom('events').select('id').where('slug', '=', visit).executeTakeFirstOrThrow()
            ).id,
          )
          .orderBy('u.email')
          .execute()
      ).map((r) => `${r.email} ${r.status}`);
    assert.deepEqual(await status(), ['first@city.example registered', 'second@city.example waitlisted']);
    await editor.get(`/en/editor/events/${visit}/edit`);
    assert.equal((await editor.post(`/en/editor/events/${visit}/edit?lang=en`, { ...small, capacity: '2' })).status, 303);
    assert.deepEqual(await status(), ['first@city.example registered', 'second@city.example registered']);
    assert.ok((await mailsTo(t.database.db, 'second@city.example')).some((m) => /^A place for you: /.test(m.subject)));
  });

  it('writes one language at a time and keeps the others', async () => {
    await editor.get(`/en/editor/events/${slug}/edit?lang=de`);
    assert.match(editor.lastHtml, /German \(not written yet\)/);
    const german = { ...base, startsAt: '2030-10-28T10:00', endsAt: '2030-10-28T16:00', timeZone: 'Asia/Amman', format: 'virtual' };
    const res = await editor.post(`/en/editor/events/${slug}/edit?lang=de`, {
      ...german,
      lang: 'de',
      title: 'Dialog über schattige Straßen',
      summary: '',
    });
    assert.equal(res.status, 303);
    assert.match(await (await t.request(`/de/events/${slug}`)).text(), /Dialog über schattige Straßen/);
    assert.match(await (await t.request(`/en/events/${slug}`)).text(), /<h1>Dialogue on shaded streets<\/h1>/);
  });

  it('keeps a draft out of public view and lists documents and presented practices after the event', async () => {
    await editor.get('/en/editor/events/new');
    const draft = await editor.post('/en/editor/events/new', {
      ...base,
      status: 'draft',
      title: 'Review of the 2020 exchanges',
      startsAt: '2020-06-02T10:00',
      endsAt: '2020-06-02T12:00',
      practices: 'https://example.org/en/practices/no-such-practice',
    });
    assert.equal(draft.status, 422);
    assert.match(await draft.text(), /There is no good practice at one of these addresses/);
    // With another mistake in the form, both errors show at once (not the practice's after a second try).
    const both = await editor.post('/en/editor/events/new', {
      ...base,
      status: 'draft',
      title: '',
      startsAt: '2020-06-02T10:00',
      endsAt: '2020-06-02T12:00',
      practices: 'https://example.org/en/practices/no-such-practice',
    });
    assert.equal(both.status, 422);
    const bothHtml = await both.text();
    assert.match(bothHtml, /There is no good practice at one of these addresses/);
    assert.match(bothHtml, /Please fill in this field\./);
    const saved = await editor.post('/en/editor/events/new', {
      ...base,
      status: 'draft',
      title: 'Review of the 2020 exchanges',
      startsAt: '2020-06-02T10:00',
      endsAt: '2020-06-02T12:00',
    });
    const review = /\/editor\/events\/([a-z0-9-]+)\/edit/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
    assert.equal((await t.request(`/en/events/${review}`)).status, 404);
    await editor.get(`/en/editor/events/${review}/edit`);
    const form = new FormData();
    form.set('file', new File([Buffer.from('%PDF-1.4\n% report\n%%EOF\n')], 'report.pdf', { type: 'application/pdf' }));
    form.set('documentTitle', 'Report of the review');
    assert.equal((await editor.postMultipart(`/en/editor/events/${review}/documents`, form)).status, 303);
    await editor.get(`/en/editor/events/${review}/edit`);
    assert.equal(
      (
        await editor.post(`/en/editor/events/${review}/edit?lang=en`, {
          ...base,
          title: 'Review of the 2020 exchanges',
          startsAt: '2020-06-02T10:00',
          endsAt: '2020-06-02T12:00',
        })
      ).status,
      303,
    );
    const page = await (await t.request(`/en/events/${review}`)).text();
    assert.match(page, /<h3>Documents<\/h3>/);
    assert.match(page, />Report of the review<\/a>/);
  });

  it('lets only editors in, and every change needs the CSRF token', async () => {
    const anonymous = newVisitor(t);
    assert.equal((await anonymous.get('/en/editor/events/new')).status, 303);
    const member = await signedIn(t, 'amal@city.example');
    assert.equal((await member.get('/en/editor/events/new')).status, 403);
    assert.equal((await member.post(`/en/editor/events/${slug}/edit?lang=en`, { ...base, title: 'Taken over' })).status, 403);
    await editor.get(`/en/editor/events/${slug}/edit`);
    assert.equal((await editor.post(`/en/editor/events/${slug}/edit?lang=en`, { ...base, _csrf: 'forged', title: 'Forged' })).status, 403);
    assert.match(await (await t.request(`/en/events/${slug}`)).text(), /<h1>Dialogue on shaded streets<\/h1>/);
  });
});
