import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CalendarEvent, icsDateTime, renderCalendar } from './ical.ts';

const ARABIC =
  'ندعوكم إلى لقاء الأقران حول التعليم المفتوح، حيث نناقش التحديات؛ والفرص في المنطقة.\n' +
  'السطر الثاني يحتوي على فاصلة, وفاصلة منقوطة; وشرطة مائلة عكسية \\ ورمز تعبيري 🎉 للتأكد من عدم تقسيم الأحرف.';

function event(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'event-42@peers.example.org',
    url: 'https://peers.example.org/events/42?x=1,2',
    title: 'Peer meetup',
    description: 'Short',
    location: 'Room 1',
    startsAt: new Date('2026-11-24T09:00:00Z'),
    endsAt: new Date('2026-11-24T11:00:00Z'),
    updatedAt: new Date('2026-11-01T12:00:00Z'),
    status: 'CONFIRMED',
    sequence: 3,
    ...over,
  };
}

const NOW = new Date('2026-11-02T08:15:30Z');

function render(over: Partial<CalendarEvent> = {}, opts: Partial<Parameters<typeof renderCalendar>[0]> = {}): string {
  return renderCalendar({ name: 'Peerpolis events', events: [event(over)], now: NOW, ...opts });
}

// Logical lines: unfold (CRLF + one space) then split on CRLF.
function logicalLines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

function prop(ics: string, name: string): string | undefined {
  return logicalLines(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('icsDateTime', () => {
  it('keeps a calendar without events valid: RFC 5545 needs one component, so it holds the UTC time zone', () => {
    const lines = renderCalendar({ name: 'Empty', events: [], now: NOW }).split('\r\n');
    const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    assert.deepEqual(zone, [
      'BEGIN:VTIMEZONE',
      'TZID:UTC',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'TZNAME:UTC',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    assert.equal(lines.at(-2), 'END:VCALENDAR');
    assert.ok(!render().includes('VTIMEZONE'), 'with events, none: every time is in UTC already');
  });

  it('writes UTC basic format', () => {
    assert.equal(icsDateTime(new Date('2026-11-24T09:00:00Z')), '20261124T090000Z');
  });

  it('is unaffected by a DST transition', () => {
    assert.equal(icsDateTime(new Date('2026-03-29T00:30:00Z')), '20260329T003000Z');
    assert.equal(icsDateTime(new Date('2026-03-29T01:30:00Z')), '20260329T013000Z');
    assert.equal(icsDateTime(new Date('2026-10-25T00:30:00Z')), '20261025T003000Z');
  });

  it('rejects invalid dates', () => {
    assert.throws(() => icsDateTime(new Date('nope')), RangeError);
  });
});

describe('renderCalendar', () => {
  it('uses CRLF everywhere, including after the last line', () => {
    const ics = render({ description: 'a\nb\r\nc\rd' });
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/);
  });

  it('writes the calendar header and event properties', () => {
    const ics = render({ categories: ['Talks', 'A,B'] });
    const lines = logicalLines(ics);
    assert.deepEqual(lines.slice(0, 7), [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Peerpolis//Events//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:Peerpolis events',
      'X-WR-CALNAME:Peerpolis events',
    ]);
    for (const l of [
      'UID:event-42@peers.example.org',
      'DTSTAMP:20261102T081530Z',
      'DTSTART:20261124T090000Z',
      'DTEND:20261124T110000Z',
      'SUMMARY:Peer meetup',
      'DESCRIPTION:Short',
      'LOCATION:Room 1',
      'URL:https://peers.example.org/events/42?x=1,2',
      'STATUS:CONFIRMED',
      'SEQUENCE:3',
      'LAST-MODIFIED:20261101T120000Z',
      'CATEGORIES:Talks,A\\,B',
    ]) {
      assert.ok(lines.includes(l), `missing ${l}`);
    }
    assert.equal(prop(ics, 'ORGANIZER'), undefined);
    assert.equal(prop(ics, 'ATTENDEE'), undefined);
  });

  it('keeps every physical line within 75 octets', () => {
    const ics = render({ description: ARABIC.repeat(3), title: 'x'.repeat(200), location: '🎉'.repeat(60) });
    for (const line of ics.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `too long (${Buffer.byteLength(line)}): ${line}`);
    }
  });

  it('folds a long Arabic description without splitting characters and round-trips it', () => {
    const ics = render({ description: ARABIC });
    const physical = ics.split('\r\n');
    assert.ok(physical.filter((l) => l.startsWith(' ')).length > 3, 'expected folding');
    for (const line of physical) assert.doesNotMatch(line, /\p{Surrogate}/u);
    // Byte-level round trip: no UTF-8 sequence was cut (would turn into U+FFFD).
    assert.equal(Buffer.from(ics, 'utf8').toString('utf8'), ics);
    const desc = prop(ics, 'DESCRIPTION');
    assert.ok(desc);
    assert.equal(unescapeText(desc.slice('DESCRIPTION:'.length)), ARABIC);
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    const ics = render({ title: 'a,b;c\\d', description: 'one\r\ntwo\nthree\rfour' });
    assert.equal(prop(ics, 'SUMMARY'), 'SUMMARY:a\\,b\\;c\\\\d');
    assert.equal(prop(ics, 'DESCRIPTION'), 'DESCRIPTION:one\\ntwo\\nthree\\nfour');
  });

  it('strips other control characters', () => {
    const ics = render({ title: 'a\u0000b\u0007c\td\u007fe' });
    assert.equal(prop(ics, 'SUMMARY'), 'SUMMARY:abcde');
  });

  it('omits LOCATION when empty', () => {
    assert.equal(prop(render({ location: '' }), 'LOCATION'), undefined);
  });

  it('writes METHOD:CANCEL with a cancelled status', () => {
    const ics = render({ status: 'CONFIRMED', sequence: 4 }, { method: 'CANCEL', organizer: { name: 'Org', email: 'org@example.org' } });
    assert.equal(prop(ics, 'METHOD'), 'METHOD:CANCEL');
    assert.equal(prop(ics, 'STATUS'), 'STATUS:CANCELLED');
    assert.equal(prop(ics, 'SEQUENCE'), 'SEQUENCE:4');
  });

  it('writes ORGANIZER and ATTENDEE, quoting CN when needed', () => {
    const ics = render(
      {},
      {
        method: 'REQUEST',
        organizer: { name: 'Peerpolis', email: 'events@peers.example.org' },
        attendee: { name: 'Haddad, Mariam', email: 'mariam.haddad@example.org' },
      },
    );
    assert.equal(prop(ics, 'ORGANIZER'), 'ORGANIZER;CN=Peerpolis:mailto:events@peers.example.org');
    assert.equal(
      prop(ics, 'ATTENDEE'),
      'ATTENDEE;CN="Haddad, Mariam";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:mariam.haddad@example.org',
    );
  });

  it('cannot inject lines or break quoting through a CN', () => {
    const evil = 'Eve "the; hacker"\r\nATTENDEE:mailto:x@evil.example\nX-EVIL:1';
    const ics = render({}, { organizer: { name: evil, email: 'eve@example.org\r\nX-EVIL:2' } });
    const lines = logicalLines(ics);
    assert.ok(!lines.some((l) => l.startsWith('X-EVIL')));
    assert.equal(lines.filter((l) => l.startsWith('ATTENDEE')).length, 0);
    const org = prop(ics, 'ORGANIZER');
    assert.equal(org, 'ORGANIZER;CN="Eve the; hackerATTENDEE:mailto:x@evil.exampleX-EVIL:1":mailto:eve@example.orgX-EVIL:2');
  });

  it('rejects an invalid SEQUENCE', () => {
    assert.throws(() => render({ sequence: -1 }), RangeError);
    assert.throws(() => render({ sequence: 1.5 }), RangeError);
  });
});
