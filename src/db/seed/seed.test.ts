import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../client.ts';
import { readDemoContent } from './demo-content.ts';
import { seedDatabase } from './seed.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
});
after(() => handle.close());

describe('demo content from the December 2020 newsletter', () => {
  it('covers the four reviewed events, the COVID-19 series, three practices and the January 2021 call, in English and German', () => {
    const content = readDemoContent();
    const period = (id: string) => {
      const e = content.events.find((x) => x.externalId.includes(id));
      return `${e?.startsOn}/${e?.endsOn}`;
    };
    assert.equal(period('see-climate'), '2020-10-26/2020-11-06');
    assert.equal(period('trier'), '2020-11-18/2020-11-20');
    assert.equal(period('mena-project-planning'), '2021-01-19/2021-01-25');
    assert.equal(content.series[0]?.startsOn, '2020-07-01');
    assert.deepEqual(
      content.practices.map((p) => p.country),
      ['MA', 'ID', 'GE'],
    );
    for (const item of [...content.events, ...content.series, ...content.practices, ...content.calls]) {
      assert.ok(item.translations.en && item.translations.de, `${item.externalId} needs en and de`);
    }
  });

  it('loads once: a second start keeps what is in the database', async () => {
    const first = await seedDatabase(handle.db, { demo: true });
    assert.equal(first.demo, 'loaded');
    await handle.db.updateTable('practice_translations').set({ title: 'Edited by an editor' }).where('locale', '=', 'en').execute();
    const second = await seedDatabase(handle.db, { demo: true });
    assert.equal(second.demo, 'already-loaded');
    const titles = await handle.db.selectFrom('practice_translations').select('title').where('locale', '=', 'en').execute();
    assert.ok(titles.every((t) => t.title === 'Edited by an editor'));
    const events = await handle.db.selectFrom('events').select('slug').execute();
    assert.equal(events.length, 21, 'the newsletter’s 5 events, 11 COVID-19 sessions and 5 upcoming events');
  });

  it('holds the events the calendar needs: the COVID-19 series, the MENA workshop with hosts, upcoming events on three themes', async () => {
    const covid = await handle.db
      .selectFrom('events as e')
      .innerJoin('event_series as s', 's.id', 'e.series_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('s.external_id', '=', 'demo-series-covid19-exchange')
      .executeTakeFirstOrThrow();
    assert.ok(Number(covid.n) >= 10, 'at least ten sessions in the series');
    const mena = await handle.db
      .selectFrom('events as e')
      .innerJoin('event_hosts as h', 'h.event_id', 'e.id')
      .select('e.time_zone')
      .where('e.external_id', '=', 'demo-event-mena-project-planning-2021')
      .execute();
    assert.ok(mena.length >= 1, 'host municipalities');
    const upcomingTopics = await handle.db
      .selectFrom('events as e')
      .innerJoin('event_topics as t', 't.event_id', 'e.id')
      .select('t.topic_slug')
      .where('e.starts_at', '>', new Date('2026-12-01'))
      .execute();
    const topics = new Set(upcomingTopics.map((r) => r.topic_slug));
    for (const topic of ['urban-gardening', 'energy-efficient-building', 'urban-mobility']) assert.ok(topics.has(topic), topic);
  });
});
