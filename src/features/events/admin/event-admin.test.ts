import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertEvent, insertMembers } from '../../../../tests/helpers/events.ts';
import { deliverQueuedMail } from '../../../../tests/helpers/mail.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { participantFigures } from '../page/event-page.service.ts';
import { registerForEvent } from '../registration/event-registration.service.ts';

let t: TestApp;
let eventId: number;
let people: CurrentUser[];
const DAY = 86_400_000;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  eventId = await insertEvent(t.database.db, {
    slug: 'budget-dialogue',
    title: 'Participatory budgeting dialogue',
    capacity: 2,
    questions: ['role'],
    startsAt: new Date(Date.now() + 3 * DAY),
    endsAt: new Date(Date.now() + 3 * DAY + 3 * 3600_000),
  });
  people = await insertMembers(t.database.db, 3, 'budget');
  // A name a spreadsheet would run as a formula.
  await t.database.db
    .updateTable('users')
    .set({ name: '=HYPERLINK("http://evil.example")' })
    .where('id', '=', (people[0] as CurrentUser).id)
    .execute();
  const ctx = { db: t.database.db, baseUrl: 'http://localhost', mailFrom: 'Peerpolis <events@localhost>' };
  await registerForEvent(ctx, people[0] as CurrentUser, eventId, { city: 'Tunis', country: 'TN', answers: { role: 'Budget officer' } });
  await registerForEvent(ctx, people[1] as CurrentUser, eventId, { city: 'Sfax', country: 'TN', answers: {} });
  await registerForEvent(ctx, people[2] as CurrentUser, eventId, { city: 'Irbid', country: 'JO', answers: {} });
  await deliverQueuedMail(t.database.db);
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'member@city.example');
});
after(() => t.close());

describe('editors’ registration tools', () => {
  it('are closed to members', async () => {
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get('/en/editor/events')).status, 403);
    assert.equal((await member.get('/en/editor/events/budget-dialogue/registrations')).status, 403);
    assert.equal((await member.get('/en/editor/events/budget-dialogue/registrations.csv')).status, 403);
    assert.equal((await member.post('/en/editor/events/budget-dialogue/message', { subject: 'x', message: 'y' })).status, 403);
  });

  it('export the registrations as CSV a spreadsheet opens safely', async () => {
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/events');
    assert.match(editor.lastHtml, /Participatory budgeting dialogue/);
    const res = await editor.get('/en/editor/events/budget-dialogue/registrations.csv');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const csv = new TextDecoder().decode(bytes);
    assert.match(csv, /"Name","E-mail address","Your municipality or city"/);
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil\.example""\)"/, 'the formula is neutralised');
    assert.match(csv, /"budget-2@city\.example","Sfax","Tunisia","Registered"/);
    assert.match(csv, /"Irbid","Jordan","Waiting list"/);
    assert.match(csv, /"Budget officer"/);
  });

  it('mark attendance, which the event’s figures then count', async () => {
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/events/budget-dialogue/registrations');
    const ids = await t.database.db
      .selectFrom('event_registrations')
      .select(['id', 'user_id'])
      .where('event_id', '=', eventId)
      .where('status', '=', 'registered')
      .orderBy('id')
      .execute();
    const res = await editor.post('/en/editor/events/budget-dialogue/attendance', { present: [String(ids[0]?.id)] });
    assert.equal(res.headers.get('location'), '/en/editor/events/budget-dialogue/registrations?notice=attendanceSaved');
    const figures = await participantFigures(t.database.db, eventId);
    assert.deepEqual(figures, { participants: 1, municipalities: 1, countries: 1, fromAttendance: true });
    await editor.get('/en/editor/events/budget-dialogue/registrations?notice=attendanceSaved');
    assert.match(editor.lastHtml, /Attendance is saved/);
  });

  it('write to every participant, each in their own mail, answers to the editor', async () => {
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/events/budget-dialogue/registrations');
    const empty = await editor.post('/en/editor/events/budget-dialogue/message', { subject: 'Room change', message: '' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /value="Room change"/, 'what was typed is kept');
    await sql`delete from mail_outbox`.execute(t.database.db);
    const sent = await editor.post('/en/editor/events/budget-dialogue/message', { subject: 'Room change', message: 'We meet in room 4.' });
    assert.equal(sent.headers.get('location'), '/en/editor/events/budget-dialogue/registrations?notice=messageSent&count=2');
    await deliverQueuedMail(t.database.db);
    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'headers', 'text_body']).execute();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), ['budget-1@city.example', 'budget-2@city.example'], 'not the waiting list');
    assert.ok(mails.every((m) => m.subject === 'Room change' && m.text_body.includes('We meet in room 4.')));
    assert.match(mails[0]?.headers['Reply-To'] ?? '', /editor@network\.example/);
  });
});
