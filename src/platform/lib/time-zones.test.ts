import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dayInZone,
  instantToWallClock,
  isCalendarDay,
  isoWithOffset,
  isTimeZone,
  offsetMinutes,
  wallClockToInstant,
} from './time-zones.ts';

describe('event time zones', () => {
  it('turns wall-clock times into instants on both sides of a daylight-saving change', () => {
    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026 at 02:00 local time.
    assert.equal(wallClockToInstant('2026-03-28T10:00', 'Europe/Berlin')?.toISOString(), '2026-03-28T09:00:00.000Z');
    assert.equal(wallClockToInstant('2026-03-30T10:00', 'Europe/Berlin')?.toISOString(), '2026-03-30T08:00:00.000Z');
    assert.equal(
      wallClockToInstant('2026-03-29T02:30', 'Europe/Berlin')?.toISOString(),
      '2026-03-29T01:30:00.000Z',
      'a time in the spring gap means the same time after the clocks moved (03:30)',
    );
    assert.equal(
      wallClockToInstant('2026-10-25T02:30', 'Europe/Berlin')?.toISOString(),
      '2026-10-25T00:30:00.000Z',
      'a time that happens twice in autumn is the first one',
    );
    assert.equal(wallClockToInstant('2026-11-24T10:00', 'Asia/Amman')?.toISOString(), '2026-11-24T07:00:00.000Z');
    assert.equal(wallClockToInstant('2026-11-24T10:00', 'America/Guayaquil')?.toISOString(), '2026-11-24T15:00:00.000Z');
  });

  it('shows an instant in any zone, with the offset of that day', () => {
    const webinar = new Date('2026-03-30T08:00:00Z');
    assert.equal(instantToWallClock(webinar, 'Europe/Berlin'), '2026-03-30T10:00');
    assert.equal(isoWithOffset(webinar, 'Europe/Berlin'), '2026-03-30T10:00:00+02:00');
    assert.equal(isoWithOffset(new Date('2026-03-27T09:00:00Z'), 'Europe/Berlin'), '2026-03-27T10:00:00+01:00');
    assert.equal(isoWithOffset(webinar, 'America/Guayaquil'), '2026-03-30T03:00:00-05:00');
    assert.equal(isoWithOffset(webinar, 'UTC'), '2026-03-30T08:00:00Z');
    assert.equal(offsetMinutes(webinar, 'Asia/Kolkata'), 330);
    assert.equal(dayInZone(new Date('2026-11-24T23:30:00Z'), 'Asia/Jakarta'), '2026-11-25');
  });

  it('refuses malformed times and unknown zones', () => {
    assert.equal(wallClockToInstant('2026-02-30T10:00', 'Europe/Berlin'), null);
    assert.equal(wallClockToInstant('2026-11-24T25:00', 'Europe/Berlin'), null);
    assert.equal(wallClockToInstant('24.11.2026 10:00', 'Europe/Berlin'), null);
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(isTimeZone('UTC'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(isTimeZone('+02:00'), false);
  });

  it('tells real calendar days from impossible ones without throwing', () => {
    assert.equal(isCalendarDay('2024-02-29'), true);
    assert.equal(isCalendarDay('2023-02-29'), false, 'rolls over to March');
    assert.equal(isCalendarDay('2024-13-45'), false, 'an Invalid Date, whose toISOString would throw');
    assert.equal(isCalendarDay('2024-1-5'), false);
    assert.equal(isCalendarDay('2024-01-05T00:00'), false);
  });
});
