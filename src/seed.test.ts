import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../tests/helpers/db.ts';
import { readDemoCalls } from './features/calls/calls.seed.ts';
import { modules } from './modules.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import { seedDatabase } from './seed.ts';

type Texts = { translations: Record<string, unknown> };
const demoFile = <T>(path: string): T => JSON.parse(readFileSync(new URL(`./${path}`, import.meta.url), 'utf8')) as T;
const events = demoFile<{ events: Array<Texts & { externalId: string; startsAt: string; endsAt: string; series: null | Texts }> }>(
  'features/events/demo/demo-events.json',
).events;
const practices = demoFile<{ practices: Array<Texts & { externalId: string; country: string }> }>(
  'features/practices/demo/demo-newsletter-practices.json',
).practices;

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
});
after(() => handle.close());

describe('demo content', () => {
  it('keeps the step names databases have recorded, in the order each step finds what it names', () => {
    const steps = modules.flatMap((m) => m.demo ?? []);
    assert.deepEqual(
      steps.map((s) => s.name),
      [
        'demo-cities',
        'demo-network',
        'demo-newsletter-2020-12',
        'demo-practices-library',
        'demo-experts',
        'demo-events',
        'demo-calls',
        'demo-project-ideas',
        'demo-publications',
        'demo-videos',
        'demo-newsletter-editions',
        'demo-newsletter-subscribers',
        'demo-news',
      ],
    );
  });

  it('covers the December 2020 newsletter: its reviewed events, the COVID-19 series, three practices and the January 2021 call, in English and German', () => {
    const period = (id: string) => {
      const e = events.find((x) => x.externalId.includes(id));
      return `${e?.startsAt.slice(0, 10)}/${e?.endsAt.slice(0, 10)}`;
    };
    assert.equal(period('see-climate'), '2020-10-26/2020-11-06');
    assert.equal(period('trier'), '2020-11-18/2020-11-20');
    assert.equal(period('mena-project-planning'), '2021-01-19/2021-01-25');
    assert.deepEqual(
      practices.map((p) => p.country),
      ['MA', 'ID', 'GE'],
    );
    const series = events.flatMap((e) => (e.series ? [e.series] : []));
    for (const item of [...events, ...series, ...practices, ...readDemoCalls()]) {
      assert.ok(item.translations.en && item.translations.de, `${JSON.stringify(item).slice(0, 80)} needs en and de`);
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
    const rows = await handle.db.selectFrom('events').select('slug').execute();
    assert.equal(rows.length, 21, 'the newsletter’s 5 events, 11 COVID-19 sessions and 5 upcoming events');
  });

  it('keeps the addresses and names the newsletter’s content has had since the first demo', async () => {
    const slugs = await handle.db.selectFrom('events').select('slug').where('external_id', 'like', 'demo-event-%').execute();
    assert.ok(slugs.some((r) => r.slug === 'mitrovica-informal-waste-sector'));
    const series = await handle.db
      .selectFrom('event_series')
      .select(['slug', 'starts_on', 'ends_on'])
      .where('external_id', '=', 'demo-series-covid19-exchange')
      .executeTakeFirstOrThrow();
    assert.deepEqual(series, { slug: 'covid19-exchange', starts_on: '2020-07-01', ends_on: '2020-12-31' });
    const agadir = await handle.db
      .selectFrom('practices as p')
      .innerJoin('cities as c', 'c.id', 'p.city_id')
      .select(['c.slug', 'c.names'])
      .where('p.external_id', '=', 'demo-practice-agadir-local-development')
      .executeTakeFirstOrThrow();
    assert.deepEqual(agadir, { slug: 'agadir', names: { ar: 'أكادير' } }, 'the practice is in the demo city with its Arabic name');
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
