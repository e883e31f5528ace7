import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent } from '../../../tests/helpers/events.ts';
import { mailsTo } from '../../../tests/helpers/mail.ts';

let t: TestApp;
let eventId: number;
const DAY = 86_400_000;
const mailTo = async (to: string, subject: RegExp) => (await mailsTo(t.database.db, to)).find((m) => subject.test(m.subject));
const wallClock = (d: Date) => d.toISOString().slice(0, 16);

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  eventId = await insertEvent(t.database.db, {
    slug: 'learning-process-kickoff',
    title: 'Learning process kick-off',
    capacity: 1,
    startsAt: new Date(Date.now() + 30 * DAY),
    endsAt: new Date(Date.now() + 30 * DAY + 3 * 3600_000),
  });
  await createMember(t, 'editor@network.example', 'editor');
  for (const who of ['amira', 'bilal', 'chadi', 'dana']) await createMember(t, `${who}@city.example`);
});
after(() => t.close());

const application = (city: string, extra: Record<string, string> = {}) => ({
  city,
  country: 'TN',
  organisation: 'Municipality, planning department',
  proposal: 'Green corridors along the old railway',
  'answer-0': 'Two planners and a councillor',
  ...extra,
});

describe('calls for participation', () => {
  it('an editor opens a call with a quota, a question and an event', async () => {
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/calls/new');
    const bad = await editor.post('/en/editor/calls/new', {
      lang: 'en',
      kind: '',
      title: 'Join the learning process',
      deadline: 'soon',
      timeZone: 'Mars/Base',
    });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /value="Join the learning process"/, 'what was typed is kept');
    assert.match(badHtml, /Please check this value/);
    const saved = await editor.post('/en/editor/calls/new', {
      lang: 'en',
      kind: 'join-learning-process',
      status: 'open',
      title: 'Join the learning process on green corridors',
      summary: 'Up to one practitioner per municipality.',
      eligibility: 'Staff of member municipalities.',
      questions: 'Who else in your administration works on this?',
      deadline: wallClock(new Date(Date.now() + 10 * DAY)),
      timeZone: 'Africa/Tunis',
      eventId: String(eventId),
      perMunicipality: '1',
    });
    assert.equal(saved.headers.get('location'), '/en/editor/calls/join-the-learning-process-on-green-corridors?notice=saved');
    const page = await (await t.request('/en/calls/join-the-learning-process-on-green-corridors')).text();
    assert.match(page, /At most 1 application per municipality/);
    assert.match(page, /Sign in to apply/);
    assert.match(await (await t.request('/en/calls')).text(), /Join the learning process on green corridors/);
  });

  it('members apply, the quota per municipality holds, and withdrawing frees it', async () => {
    const path = '/en/calls/join-the-learning-process-on-green-corridors';
    const amira = await signedIn(t, 'amira@city.example');
    await amira.get(path);
    const missing = await amira.post(`${path}/apply`, application('Sousse', { proposal: '', 'answer-0': '' }));
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /value="Sousse"/);
    assert.equal((await amira.post(`${path}/apply`, application('Sousse'))).headers.get('location'), `${path}?notice=submitted#apply`);
    assert.ok(await mailTo('amira@city.example', /^Application received/));

    const bilal = await signedIn(t, 'bilal@city.example');
    await bilal.get(path);
    const full = await bilal.post(`${path}/apply`, application('Sousse'));
    assert.equal(full.status, 409);
    assert.match(await full.text(), /Your municipality has reached the number of applications/);
    assert.equal((await bilal.post(`${path}/apply`, application('Sfax'))).status, 303, 'another municipality may apply');

    await amira.get(path);
    assert.equal((await amira.post(`${path}/apply`, application('Sousse', { proposal: 'Green corridors and shade' }))).status, 303);
    await amira.get(path);
    assert.match(amira.lastHtml, /Green corridors and shade/, 'changed before the deadline');
    await amira.post(`${path}/withdraw`, {});
    const chadi = await signedIn(t, 'chadi@city.example');
    await chadi.get(path);
    assert.equal((await chadi.post(`${path}/apply`, application('Sousse'))).status, 303, 'the withdrawn place is free again');
  });

  it('closes at the deadline, except for a revision the editors asked for', async () => {
    const path = '/en/calls/join-the-learning-process-on-green-corridors';
    await sql`update calls set deadline = now() - interval '1 hour'`.execute(t.database.db);
    // Everyone is told it is closed: a visitor is not invited to sign in to apply to it.
    const anonymous = await (await newVisitor(t).get(path)).text();
    assert.match(anonymous, /This call is closed: it no longer takes applications/);
    assert.doesNotMatch(anonymous, /Sign in to apply/);
    const dana = await signedIn(t, 'dana@city.example');
    await dana.get(path);
    assert.match(dana.lastHtml, /This call is closed/);
    assert.doesNotMatch(dana.lastHtml, /Send my application/);
    // Applying anyway is refused with the reason, whether the form is complete or not.
    for (const form of [application('Bizerte'), application('', { proposal: '' })]) {
      const refused = await dana.post(`${path}/apply`, form);
      assert.equal(refused.status, 409);
      const html = await refused.text();
      assert.match(html, /The call is closed: the application was not sent/);
      assert.doesNotMatch(html, /error-summary/, 'no field errors for a form that cannot be sent');
    }
    assert.equal(
      await t.database.db
        .selectFrom('call_applications as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .where('u.email', '=', 'dana@city.example')
        .select('a.id')
        .executeTakeFirst(),
      undefined,
    );

    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/calls/join-the-learning-process-on-green-corridors');
    const bilalApplication = await t.database.db
      .selectFrom('call_applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select('a.id')
      .where('u.email', '=', 'bilal@city.example')
      .executeTakeFirstOrThrow();
    const review = `/en/editor/calls/join-the-learning-process-on-green-corridors/applications/${bilalApplication.id}/review`;
    await editor.post(review, { decision: 'revision_requested', note: 'Please name the department that leads.' });
    const asked = await mailTo('bilal@city.example', /^Please revise/);
    assert.match(asked?.text_body ?? '', /Please name the department that leads/);
    const bilal = await signedIn(t, 'bilal@city.example');
    await bilal.get(path);
    assert.equal(
      (await bilal.post(`${path}/apply`, application('Sfax', { organisation: 'Sfax, environment department (lead)' }))).status,
      303,
    );

    await editor.get('/en/editor/calls/join-the-learning-process-on-green-corridors');
    await editor.post(review, { decision: 'accepted', note: '' });
    assert.ok(await mailTo('bilal@city.example', /^Accepted/));
    await bilal.get(path);
    assert.doesNotMatch(bilal.lastHtml, /Withdraw my application/, 'decided: no more changes');

    await editor.get('/en/editor/calls/join-the-learning-process-on-green-corridors');
    assert.match(editor.lastHtml, /Register the 1 accepted applicant for the event/);
    const enrolled = await editor.post('/en/editor/calls/join-the-learning-process-on-green-corridors/register-accepted', {});
    assert.match(enrolled.headers.get('location') ?? '', /notice=enrolled&r=1&w=0/);
    const registration = await t.database.db
      .selectFrom('event_registrations')
      .select(['status', 'country_code'])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(registration, { status: 'registered', country_code: 'TN' });
  });

  it('keeps the editors’ pages for editors', async () => {
    const member = await signedIn(t, 'dana@city.example');
    assert.equal((await member.get('/en/editor/calls')).status, 403);
    assert.equal((await member.get('/en/editor/calls/new')).status, 403);
    assert.equal((await member.post('/en/editor/calls/join-the-learning-process-on-green-corridors/register-accepted', {})).status, 403);
    const visitor = newVisitor(t);
    assert.notEqual((await visitor.post('/en/calls/join-the-learning-process-on-green-corridors/apply', application('Tunis'))).status, 303);
  });
});
