import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertEvent, insertMembers } from '../../../../tests/helpers/events.ts';
import { deliverQueuedMail, mailsTo } from '../../../../tests/helpers/mail.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { cancelRegistration, registerForEvent, sendEventReminders } from './event-registration.service.ts';

let t: TestApp;
const mailTo = async (to: string, subject: RegExp) => (await mailsTo(t.database.db, to)).find((m) => subject.test(m.subject));
const ctx = () => ({ db: t.database.db, baseUrl: 'http://localhost', mailFrom: 'Peerpolis <events@peers.example.org>' });
const DAY = 86_400_000;
const soon = () => ({ startsAt: new Date(Date.now() + 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY + 2 * 3600_000) });
const input = { city: 'Irbid', country: 'JO', answers: {} };

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(() => t.close());

async function statuses(eventId: number) {
  return t.database.db
    .selectFrom('event_registrations')
    .select(['user_id', 'status', 'queued_at'])
    .where('event_id', '=', eventId)
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
}

describe('event registration', () => {
  it('never gives more places than there are, even to members registering at the same moment', async () => {
    const id = await insertEvent(t.database.db, { slug: 'crowded-webinar', capacity: 3, ...soon() });
    const members = await insertMembers(t.database.db, 12, 'crowd');
    const outcomes = await Promise.all(members.map((m) => registerForEvent(ctx(), m, id, input)));
    assert.ok(outcomes.every((o) => o.ok));
    const rows = await statuses(id);
    assert.equal(rows.filter((r) => r.status === 'registered').length, 3);
    assert.equal(rows.filter((r) => r.status === 'waitlisted').length, 9);
    // The first three to arrive hold the places; everyone after them waits, in order.
    assert.deepEqual(
      rows.map((r) => r.status),
      [...Array(3).fill('registered'), ...Array(9).fill('waitlisted')],
    );
  });

  it('promotes the next on the waiting list when a place frees up, and tells them with an invitation', async () => {
    const id = await insertEvent(t.database.db, {
      slug: 'small-workshop',
      capacity: 1,
      format: 'hybrid',
      joinUrl: 'https://meet.example/room-9',
      ...soon(),
    });
    const [first, second, third] = (await insertMembers(t.database.db, 3, 'queue')) as [CurrentUser, CurrentUser, CurrentUser];
    for (const m of [first, second, third]) assert.ok((await registerForEvent(ctx(), m, id, input)).ok);
    const confirmation = await mailTo('queue-1@city.example', /^Registered: small-workshop/);
    assert.ok(confirmation);
    assert.match(confirmation?.text_body ?? '', /meet\.example\/room-9/, 'the join link is in the participant’s mail');
    assert.match(confirmation?.calendar ?? '', /METHOD:REQUEST/);
    const waiting = await mailTo('queue-2@city.example', /^Waiting list/);
    assert.ok(waiting);
    assert.doesNotMatch(waiting.text_body, /room-9/, 'not for those waiting');

    const cancelled = await cancelRegistration(ctx(), first, id);
    assert.deepEqual(cancelled, { ok: true, promoted: 1 });
    const rows = await statuses(id);
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.status]),
      [
        [first.id, 'cancelled'],
        [second.id, 'registered'],
        [third.id, 'waitlisted'],
      ],
    );
    const promoted = await mailTo('queue-2@city.example', /^A place for you/);
    assert.ok(promoted);
    assert.match(promoted?.calendar ?? '', /BEGIN:VEVENT/);
    assert.match((await mailTo('queue-1@city.example', /^Cancelled/))?.calendar ?? '', /METHOD:CANCEL/);

    // Leaving the waiting list frees no place: nobody is promoted.
    assert.deepEqual(await cancelRegistration(ctx(), third, id), { ok: true, promoted: 0 });
  });

  it('takes registrations only while the event is published and before it starts', async () => {
    const [m] = (await insertMembers(t.database.db, 1, 'late')) as [CurrentUser];
    const past = await insertEvent(t.database.db, {
      slug: 'started-already',
      startsAt: new Date(Date.now() - 3600_000),
      endsAt: new Date(Date.now() + 3600_000),
    });
    assert.deepEqual(await registerForEvent(ctx(), m, past, input), { ok: false, reason: 'closed' });
    const cancelledEvent = await insertEvent(t.database.db, { slug: 'called-off', status: 'cancelled', ...soon() });
    assert.deepEqual(await registerForEvent(ctx(), m, cancelledEvent, input), { ok: false, reason: 'not-taking' });
  });
});

describe('event pages', () => {
  let eventId: number;
  before(async () => {
    eventId = await insertEvent(t.database.db, {
      slug: 'water-webinar',
      title: 'Water losses in small utilities',
      capacity: 1,
      joinUrl: 'https://meet.example/secret-room-42',
      themes: ['municipal-services'],
      questions: ['role', 'brings'],
      ...soon(),
    });
    await createMember(t, 'rania@irbid.example');
    await createMember(t, 'omar@irbid.example');
  });

  it('shows the join link only to registered participants: not on the public page, the calendar file, the feed or to others', async () => {
    const anonymous = await t.request('/en/events/water-webinar');
    assert.equal(anonymous.status, 200);
    const publicHtml = await anonymous.text();
    assert.match(publicHtml, /Water losses in small utilities/);
    assert.match(publicHtml, /Sign in to register/);
    assert.doesNotMatch(publicHtml, /secret-room-42/);
    assert.doesNotMatch(await (await t.request('/en/events/water-webinar.ics')).text(), /secret-room-42/);
    assert.doesNotMatch(await (await t.request('/en/events.ics')).text(), /secret-room-42/);

    const rania = await signedIn(t, 'rania@irbid.example');
    await rania.get('/en/events/water-webinar');
    assert.match(rania.lastHtml, /Your role in your organisation/, 'the questions this event asks');
    assert.doesNotMatch(rania.lastHtml, /Dietary needs/, 'not the ones it does not ask');
    const bad = await rania.post('/en/events/water-webinar/register', { city: '', country: 'JO', role: 'Head of water department' });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /Please fill in this field/);
    assert.match(badHtml, /value="Head of water department"/, 'what was typed is kept');
    const ok = await rania.post('/en/events/water-webinar/register', { city: 'Irbid', country: 'JO', role: 'Head of water department' });
    assert.equal(ok.headers.get('location'), '/en/events/water-webinar?notice=registered#registration');
    await rania.get('/en/events/water-webinar?notice=registered');
    assert.match(rania.lastHtml, /You are registered for this event/);
    assert.match(rania.lastHtml, /secret-room-42/);

    const omar = await signedIn(t, 'omar@irbid.example');
    await omar.get('/en/events/water-webinar');
    assert.doesNotMatch(omar.lastHtml, /secret-room-42/, 'another member does not see it');
    await omar.post('/en/events/water-webinar/register', { city: 'Zarqa', country: 'JO' });
    await omar.get('/en/events/water-webinar');
    assert.match(omar.lastHtml, /You are number 1 on the waiting list/);
    assert.doesNotMatch(omar.lastHtml, /secret-room-42/, 'nor someone on the waiting list');

    await rania.get('/en/events/water-webinar');
    await rania.post('/en/events/water-webinar/cancel', {});
    await omar.get('/en/events/water-webinar');
    assert.match(omar.lastHtml, /secret-room-42/, 'promoted: now it is theirs');
    await deliverQueuedMail(t.database.db);
    const registration = await t.database.db
      .selectFrom('event_registrations')
      .select(['answers', 'country_code'])
      .where('event_id', '=', eventId)
      .where('status', '=', 'registered')
      .executeTakeFirstOrThrow();
    assert.equal(registration.country_code, 'JO');
  });

  it('refuses registration to visitors and unconfirmed members, and hides drafts from all but editors', async () => {
    assert.equal((await newVisitor(t).post('/en/events/water-webinar/register', { city: 'x', country: 'JO' })).status, 403);
    await insertEvent(t.database.db, { slug: 'draft-meeting', status: 'draft', ...soon() });
    assert.equal((await t.request('/en/events/draft-meeting')).status, 404);
    assert.equal((await t.request('/en/events/draft-meeting.ics')).status, 404);
    await createMember(t, 'editor@network.example', 'editor');
    const editor = await signedIn(t, 'editor@network.example');
    assert.equal((await editor.get('/en/events/draft-meeting')).status, 200);
  });

  it('serves a valid calendar feed, for all themes or one', async () => {
    const res = await t.request('/en/events.ics?theme=municipal-services');
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const body = await res.text();
    assert.ok(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(body.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(body.replaceAll('\r\n', ''), /\n/, 'every line ends with CRLF');
    assert.match(body, /SUMMARY:Water losses in small utilities/);
    assert.doesNotMatch(body, /crowded-webinar/, 'other themes are left out');
    assert.match(await (await t.request('/en/events.ics')).text(), /crowded-webinar/);
  });

  it('answers 404 for an unknown theme, and a valid empty calendar for a theme without events', async () => {
    assert.equal((await t.request('/en/events.ics?theme=no-such-theme')).status, 404);
    const themes = await t.database.db.selectFrom('themes').select('slug').orderBy('slug').execute();
    let empty: string | undefined;
    for (const { slug } of themes) {
      const body = await (await t.request(`/en/events.ics?theme=${slug}`)).text();
      if (!body.includes('BEGIN:VEVENT')) empty = body;
    }
    assert.ok(empty, 'some theme has no events');
    assert.match(empty, /\r\nBEGIN:VTIMEZONE\r\nTZID:UTC\r\n/);
  });

  it('announces its calendar feed in the head of the events page, per theme when one is chosen', async () => {
    const all = await (await t.request('/en/events')).text();
    assert.match(all, /<link rel="alternate" type="text\/calendar" href="\/en\/events\.ics" title="[^"]+"/);
    const one = await (await t.request('/en/events?theme=municipal-services')).text();
    assert.match(one, /<link rel="alternate" type="text\/calendar" href="\/en\/events\.ics\?theme=municipal-services"/);
  });
});

describe('reminders', () => {
  it('remind each registered participant once, a day before, with the join link; not those waiting', async () => {
    const id = await insertEvent(t.database.db, {
      slug: 'tomorrows-webinar',
      capacity: 1,
      joinUrl: 'https://meet.example/tomorrow',
      startsAt: new Date(Date.now() + 20 * 3600_000),
      endsAt: new Date(Date.now() + 22 * 3600_000),
    });
    const later = await insertEvent(t.database.db, { slug: 'next-weeks-webinar', ...soon() });
    const [a, b] = (await insertMembers(t.database.db, 2, 'remind')) as [CurrentUser, CurrentUser];
    await registerForEvent(ctx(), a, id, input);
    await registerForEvent(ctx(), b, id, input);
    await registerForEvent(ctx(), a, later, input);
    assert.equal(await sendEventReminders(ctx()), 1, 'one registered participant of the event within a day');
    assert.equal(await sendEventReminders(ctx()), 0, 'never twice');
    const reminder = await mailTo('remind-1@city.example', /^Tomorrow: tomorrows-webinar/);
    assert.match(reminder?.text_body ?? '', /meet\.example\/tomorrow/);
    assert.equal(await mailTo('remind-2@city.example', /^Tomorrow/), undefined);
  });
});
