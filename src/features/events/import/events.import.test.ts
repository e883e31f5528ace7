import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertMembers } from '../../../../tests/helpers/events.ts';
import { deliverQueuedMail, mailsTo } from '../../../../tests/helpers/mail.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { registerForEvent } from '../registration/event-registration.service.ts';
import { exportEvents, importEvents } from './events.import.ts';

let t: TestApp;
const mailTo = async (to: string, subject: RegExp) => (await mailsTo(t.database.db, to)).find((m) => subject.test(m.subject));
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(() => t.close());

const dialogue = {
  externalId: 'cc-2027-irbid-gardens',
  kind: 'dialogue-event',
  format: 'hybrid',
  startsAt: '2027-03-23T10:00',
  endsAt: '2027-03-23T16:30',
  timeZone: 'Asia/Amman',
  city: 'Irbid',
  country: 'JO',
  venue: 'Town hall',
  joinUrl: 'https://meet.example.org/irbid',
  capacity: 25,
  questions: ['brings', 'dietary'],
  topics: ['urban-gardening'],
  languages: ['ar', 'en'],
  hosts: [{ city: 'Irbid', country: 'JO' }],
  partners: ['German Association of Cities'],
  learningProcess: { externalId: 'lp-gardens', translations: { en: { title: 'Learning process: urban gardens', summary: '' } } },
  translations: {
    en: {
      title: 'Urban gardens in dense neighbourhoods',
      summary: 'Three cities compare their gardens.',
      programme: 'Welcome\n\nSite visit',
    },
    ar: { title: 'الحدائق الحضرية في الأحياء المكتظة', summary: 'ثلاث مدن تقارن تجاربها.' },
  },
};

const notify = () => ({ db: t.database.db, baseUrl: 'http://localhost', mailFrom: 'Peerpolis <events@localhost>' });

describe('importing events', () => {
  it('reads wall-clock times in the event’s zone, derives themes from topics, and is idempotent by externalId', async () => {
    assert.deepEqual(await importEvents(t.database.db, [dialogue]), [
      { externalId: 'cc-2027-irbid-gardens', outcome: 'created', reasons: [] },
    ]);
    const row = await t.database.db
      .selectFrom('events')
      .select(['id', 'starts_at', 'ends_at', 'time_zone', 'slug', 'capacity', 'sequence'])
      .where('external_id', '=', 'cc-2027-irbid-gardens')
      .executeTakeFirstOrThrow();
    assert.equal(row.starts_at.toISOString(), '2027-03-23T07:00:00.000Z', '10:00 in Amman (UTC+3)');
    assert.equal(row.slug, 'urban-gardens-in-dense-neighbourhoods');
    const themes = await t.database.db.selectFrom('event_themes').select('theme_slug').where('event_id', '=', row.id).execute();
    assert.deepEqual(
      themes.map((r) => r.theme_slug),
      ['integrated-urban-development'],
    );

    const moved = { ...dialogue, startsAt: '2027-03-24T10:00', endsAt: '2027-03-24T16:30' };
    assert.equal((await importEvents(t.database.db, [moved]))[0]?.outcome, 'updated');
    const after = await t.database.db
      .selectFrom('events')
      .select(['slug', 'sequence', 'starts_at'])
      .where('external_id', '=', 'cc-2027-irbid-gardens')
      .executeTakeFirstOrThrow();
    assert.equal(after.slug, row.slug, 'the address stays');
    assert.equal(after.sequence, row.sequence + 1, 'calendars learn of the new time');
    const count = await t.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  it('rejects bad records with reasons and saves nothing of them', async () => {
    const outcomes = await importEvents(t.database.db, [
      { ...dialogue, externalId: 'bad-zone', timeZone: 'Mars/Olympus' },
      { ...dialogue, externalId: 'bad-order', endsAt: '2027-03-23T09:00' },
      { ...dialogue, externalId: 'bad-topic', topics: ['gardening-on-mars'] },
      { ...dialogue, externalId: 'bad-kind', kind: 'party' },
      { ...dialogue, externalId: 'no-text', translations: {} },
      { ...dialogue, externalId: 'offset', startsAt: '2027-05-01T08:00:00Z', endsAt: '2027-05-01T12:00:00+02:00' },
    ]);
    assert.deepEqual(
      outcomes.map((o) => [o.externalId, o.outcome]),
      [
        ['bad-zone', 'rejected'],
        ['bad-order', 'rejected'],
        ['bad-topic', 'rejected'],
        ['bad-kind', 'rejected'],
        ['no-text', 'rejected'],
        ['offset', 'created'],
      ],
    );
    assert.match(outcomes[0]?.reasons.join() ?? '', /IANA time zone/);
    assert.match(outcomes[1]?.reasons.join() ?? '', /endsAt: must be after startsAt/);
    assert.match(outcomes[2]?.reasons.join() ?? '', /unknown topic gardening-on-mars/);
    const saved = await t.database.db.selectFrom('events').select('external_id').where('external_id', 'like', 'bad-%').execute();
    assert.deepEqual(saved, []);
  });

  it('exports what it imports, with wall-clock times in the event’s zone', async () => {
    const { events } = await exportEvents(t.database.db);
    const irbid = events.find((e) => e.externalId === 'cc-2027-irbid-gardens');
    assert.equal(irbid?.startsAt, '2027-03-24T10:00');
    assert.equal(irbid?.timeZone, 'Asia/Amman');
    assert.deepEqual(irbid?.hosts, [{ city: 'Irbid', country: 'JO' }]);
    assert.equal(irbid?.learningProcess?.externalId, 'lp-gardens');
    assert.equal(irbid?.translations.ar?.title, 'الحدائق الحضرية في الأحياء المكتظة');
    // Round trip: importing the export changes nothing.
    const again = await importEvents(t.database.db, events);
    assert.ok(again.every((o) => o.outcome === 'updated'));
    assert.deepEqual((await exportEvents(t.database.db)).events, events);
  });

  it('gives a new event the address its record asks for, a series its own address and dates; an existing one keeps them', async () => {
    const series = {
      externalId: 'cc-series-gardens',
      slug: 'gardens',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      translations: { en: { title: 'Garden exchanges', summary: '' } },
    };
    const record = { ...dialogue, externalId: 'cc-2027-gardens-2', slug: 'gardens-2027', series, learningProcess: null };
    assert.equal((await importEvents(t.database.db, [record]))[0]?.outcome, 'created');
    const row = () =>
      t.database.db
        .selectFrom('events as e')
        .innerJoin('event_series as s', 's.id', 'e.series_id')
        .select(['e.slug', 's.slug as series_slug', 's.starts_on', 's.ends_on'])
        .where('e.external_id', '=', 'cc-2027-gardens-2')
        .executeTakeFirstOrThrow();
    assert.deepEqual(await row(), { slug: 'gardens-2027', series_slug: 'gardens', starts_on: '2027-01-01', ends_on: '2027-06-30' });
    const exported = (await exportEvents(t.database.db)).events.find((e) => e.externalId === 'cc-2027-gardens-2');
    assert.equal(exported?.slug, 'gardens-2027');
    assert.deepEqual(exported?.series, { ...series, translations: { en: { title: 'Garden exchanges', summary: '' } } });

    // A slug in a later file does not move the page; a series named without dates keeps its own.
    const { startsOn: _s, endsOn: _e, ...undated } = series;
    await importEvents(t.database.db, [{ ...record, slug: 'elsewhere', series: { ...undated, slug: 'elsewhere' } }]);
    assert.deepEqual(await row(), { slug: 'gardens-2027', series_slug: 'gardens', starts_on: '2027-01-01', ends_on: '2027-06-30' });

    const bad = await importEvents(t.database.db, [
      { ...record, externalId: 'bad-slug', slug: 'Gärten 2027' },
      { ...record, externalId: 'bad-series', series: { ...series, endsOn: '2026-12-31' } },
      { ...record, externalId: 'bad-day', series: { ...series, startsOn: '2027-02-30' } },
      // An Invalid Date (month 13) is one record's reason, not an exception that ends the import.
      { ...record, externalId: 'bad-month', series: { ...series, endsOn: '2027-13-45' } },
    ]);
    assert.deepEqual(
      bad.map((o) => [o.externalId, o.outcome, o.reasons.join()]),
      [
        ['bad-slug', 'rejected', 'slug: must be lowercase letters and digits joined by hyphens'],
        ['bad-series', 'rejected', 'series.endsOn: must not be before startsOn'],
        ['bad-day', 'rejected', 'series.startsOn: is not a date'],
        ['bad-month', 'rejected', 'series.endsOn: is not a date'],
      ],
    );
    await t.database.db.deleteFrom('events').where('external_id', '=', 'cc-2027-gardens-2').execute();
  });

  it('tells registrants when a re-import changes the format, and when it calls the event off', async () => {
    const [member] = (await insertMembers(t.database.db, 1, 'registrant')) as [CurrentUser];
    const event = await t.database.db
      .selectFrom('events')
      .select('id')
      .where('external_id', '=', 'cc-2027-irbid-gardens')
      .executeTakeFirstOrThrow();
    assert.ok((await registerForEvent(notify(), member, event.id, { city: 'Irbid', country: 'JO', answers: {} })).ok);
    const current = (await exportEvents(t.database.db)).events.find((e) => e.externalId === 'cc-2027-irbid-gardens');
    await importEvents(t.database.db, [{ ...current, format: 'virtual' }], notify());
    const changed = await mailTo('registrant-1@city.example', /^Changed: Urban gardens/);
    assert.ok(changed);
    assert.match(changed?.calendar ?? '', /METHOD:REQUEST[\s\S]*SEQUENCE:2/);
    assert.match(
      await (await t.request('/en/events/urban-gardens-in-dense-neighbourhoods')).text(),
      /The format of this event has changed: it now takes place Online/,
    );

    await importEvents(t.database.db, [{ ...current, format: 'virtual', status: 'cancelled' }], notify());
    const off = await mailTo('registrant-1@city.example', /^Called off: Urban gardens/);
    assert.ok(off);
    assert.match(off?.calendar ?? '', /METHOD:CANCEL/);

    const before = await t.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await importEvents(t.database.db, [{ ...current, format: 'virtual', status: 'cancelled' }], notify());
    await deliverQueuedMail(t.database.db);
    const after = await t.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'an import that changes nothing mails nobody');
  });
});
