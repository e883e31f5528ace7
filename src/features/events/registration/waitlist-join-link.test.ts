import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { mailsTo } from '../../../../tests/helpers/mail.ts';

// The online join link is for people with a place. A change to the event (or calling it off) is news
// for the waiting list too, but their mail must carry neither the link nor an invitation holding it.

const JOIN = 'https://meet.example/shaded-streets-4711';
let t: TestApp;

const webinar = {
  lang: 'en',
  kind: 'dialogue-event',
  format: 'virtual',
  status: 'published',
  title: 'Webinar on shaded streets',
  summary: 'Cooling public space in hot cities.',
  startsAt: '2030-10-26T10:00',
  endsAt: '2030-10-26T12:00',
  timeZone: 'Europe/Berlin',
  joinUrl: JOIN,
  capacity: '1',
  topics: ['public-space'],
};

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(async () => t.close());

describe('the waiting list and the join link', () => {
  it('tells the waiting list of a change and of calling it off without the join link', async () => {
    await createMember(t, 'editor@network.example', 'editor');
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/editor/events/new');
    const created = await editor.post('/en/editor/events/new', webinar);
    assert.equal(created.status, 303, editor.lastHtml);
    const slug = /\/editor\/events\/([a-z0-9-]+)\/edit/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    for (const who of ['placed@city.example', 'waiting@city.example']) {
      await createMember(t, who);
      const member = await signedIn(t, who);
      await member.get(`/en/events/${slug}`);
      assert.equal((await member.post(`/en/events/${slug}/register`, { city: 'Irbid', country: 'JO' })).status, 303);
    }

    await editor.get(`/en/editor/events/${slug}/edit`);
    const moved = { ...webinar, startsAt: '2030-10-27T10:00', endsAt: '2030-10-27T12:00' };
    assert.equal((await editor.post(`/en/editor/events/${slug}/edit?lang=en`, moved)).status, 303);
    await editor.get(`/en/editor/events/${slug}/edit`);
    assert.equal((await editor.post(`/en/editor/events/${slug}/edit?lang=en`, { ...moved, status: 'cancelled' })).status, 303);

    const placed = await mailsTo(t.database.db, 'placed@city.example');
    const changed = placed.find((m) => m.subject.startsWith('Changed: '));
    assert.ok(changed?.text_body.includes(JOIN), 'the person with a place gets the link');
    assert.ok(changed?.calendar?.includes(JOIN), 'and the invitation holds it');

    const waiting = (await mailsTo(t.database.db, 'waiting@city.example')).filter((m) => m.subject.includes('Webinar'));
    assert.deepEqual(waiting.map((m) => m.subject).sort(), [
      'Called off: Webinar on shaded streets',
      'Changed: Webinar on shaded streets',
      'Waiting list: Webinar on shaded streets',
    ]);
    for (const mail of waiting) {
      assert.ok(!mail.text_body.includes(JOIN) && !mail.html_body.includes(JOIN), `no link in “${mail.subject}”`);
      assert.equal(mail.calendar, null, `no invitation with “${mail.subject}”`);
    }
    assert.match(waiting.find((m) => m.subject.startsWith('Changed: '))?.text_body ?? '', /still on the waiting list/);
  });
});
