import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { moduleServices } from '../../modules.ts';
import type { Database, DatabaseHandle } from '../../platform/db/client.ts';
import { itemSourcesByKind } from './item-sources.ts';
import type { NewsletterItemSource } from './newsletter.model.ts';

// The item sources the content modules contribute, reached as the newsletter reaches them: through the
// extension point, so these tests also prove each module registered its source under its kind.

let handle: DatabaseHandle;
let db: Database;
let sources: Map<string, NewsletterItemSource>;
const ids: Record<string, number> = {};
const BASE = 'https://peerpolis.example';
// The window since the last edition; fixed dates, so the test means the same whatever day it runs.
const window = { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-12-10T00:00:00Z') };
const source = (kind: string) => {
  const found = sources.get(kind);
  assert.ok(found, `a source for ${kind}`);
  return found;
};
const refsOf = async (kind: string, locale: 'en' | 'de' | 'fr' | 'ar' = 'en') =>
  (await source(kind).suggest(db, window, locale)).map((s) => `${s.section} ${s.ref}`).sort();

async function insertRow(table: string, row: Record<string, unknown>): Promise<number> {
  const columns = Object.keys(row);
  const result = await sql<{ id: number }>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(Object.values(row))}) returning id`.execute(db);
  return result.rows[0]?.id as number;
}

async function insertTexts(table: string, key: string, id: number, texts: Record<string, [string, string]>) {
  for (const [locale, [title, summary]] of Object.entries(texts))
    await sql`insert into ${sql.table(table)} (${sql.ref(key)}, locale, title, summary) values (${id}, ${locale}, ${title}, ${summary})`.execute(
      db,
    );
}

async function event(slug: string, f: { ext?: string; status?: string; format?: string; starts: string; ends: string; city?: boolean }) {
  ids[slug] = await insertRow('events', {
    slug,
    external_id: f.ext ?? null,
    kind: 'dialogue-event',
    format: f.format ?? 'in-person',
    status: f.status ?? 'published',
    starts_at: new Date(f.starts),
    ends_at: new Date(f.ends),
    time_zone: 'Africa/Tunis',
    city_id: f.city === false ? null : ids.tunis,
    country_code: 'TN',
    venue: '',
  });
  await insertTexts('event_translations', 'event_id', ids[slug] as number, { en: [`Event ${slug}`, 'Cities met.'] });
}

async function practice(slug: string, f: { ext?: string; status?: string; publishedAt: string | null }) {
  ids[slug] = await insertRow('practices', {
    slug,
    external_id: f.ext ?? null,
    status: f.status ?? 'published',
    city_id: ids.tunis,
    country_code: 'TN',
    published_at: f.publishedAt ? new Date(f.publishedAt) : null,
    updated_at: new Date(),
  });
  await insertTexts('practice_translations', 'practice_id', ids[slug] as number, { en: [`Practice ${slug}`, 'What was done.'] });
}

async function call(slug: string, f: { ext?: string; status: string; deadline: string }) {
  ids[slug] = await insertRow('calls', {
    slug,
    external_id: f.ext ?? null,
    kind: 'join-learning-process',
    status: f.status,
    deadline: new Date(f.deadline),
    time_zone: 'Europe/Berlin',
  });
  await insertTexts('call_translations', 'call_id', ids[slug] as number, { en: [`Call ${slug}`, 'Apply now.'] });
}

async function idea(slug: string, f: { ext?: string; status?: string; steps: Array<[string, string, string?]> }) {
  const last = f.steps.at(-1)?.[0] ?? 'idea';
  ids[slug] = await insertRow('project_ideas', {
    slug,
    external_id: f.ext ?? null,
    status: f.status ?? 'published',
    stage: last,
    city_id: ids.tunis,
    country_code: 'TN',
    published_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date(),
  });
  await insertTexts('project_idea_translations', 'project_idea_id', ids[slug] as number, { en: [`Idea ${slug}`, 'A plan.'] });
  for (const [stage, reachedOn, recordedAt] of f.steps)
    await insertRow('project_idea_stages', {
      project_idea_id: ids[slug],
      stage,
      reached_on: reachedOn,
      created_at: new Date(recordedAt ?? '2026-12-04T12:00:00Z'),
    });
}

before(async () => {
  handle = await createTestDatabase({ seed: 'taxonomy' });
  db = handle.db;
  sources = itemSourcesByKind(moduleServices.extensions);
  ids.tunis = await insertRow('cities', { slug: 'tunis', country_code: 'TN', name: 'Tunis', names: JSON.stringify({ ar: 'تونس' }) });

  await event('held', { ext: 'ev-held', starts: '2026-12-03T08:00:00Z', ends: '2026-12-03T15:00:00Z' });
  await insertTexts('event_translations', 'event_id', ids.held as number, { ar: ['الحوار في تونس', 'التقت المدن.'] });
  await event('held-earlier', { ext: 'ev-earlier', starts: '2026-10-20T08:00:00Z', ends: '2026-10-20T15:00:00Z' });
  await event('held-draft', { ext: 'ev-draft', status: 'draft', starts: '2026-11-20T08:00:00Z', ends: '2026-11-20T15:00:00Z' });
  await event('coming-online', { format: 'virtual', city: false, starts: '2027-01-20T09:00:00Z', ends: '2027-01-20T11:00:00Z' });
  await event('coming-too-late', { ext: 'ev-june', starts: '2027-06-01T09:00:00Z', ends: '2027-06-01T11:00:00Z' });

  await practice('fresh', { ext: 'pr-fresh', publishedAt: '2026-11-15T10:00:00Z' });
  await insertTexts('practice_translations', 'practice_id', ids.fresh as number, { fr: ['Pratique fraîche', 'Ce qui a été fait.'] });
  await practice('platform-made', { publishedAt: '2026-12-01T10:00:00Z' });
  await practice('old', { ext: 'pr-old', publishedAt: '2026-05-01T10:00:00Z' });
  await practice('draft', { ext: 'pr-draft', status: 'draft', publishedAt: null });
  await practice('archived', { ext: 'pr-archived', status: 'archived', publishedAt: '2026-11-20T10:00:00Z' });

  await call('open', { ext: 'call-open', status: 'open', deadline: '2027-01-15T22:59:00Z' });
  await call('closing-soon', { ext: 'call-soon', status: 'open', deadline: '2026-12-05T12:00:00Z' });
  await call('closed', { ext: 'call-closed', status: 'closed', deadline: '2027-02-01T12:00:00Z' });
  await call('draft', { ext: 'call-draft', status: 'draft', deadline: '2027-02-01T12:00:00Z' });

  await idea('moved', {
    ext: 'pi-moved',
    steps: [
      ['idea', '2026-06-01'],
      ['validated', '2026-11-20'],
    ],
  });
  await idea('new', { steps: [['idea', '2026-12-09', '2026-12-09T09:30:00Z']] });
  await idea('still', { ext: 'pi-still', steps: [['idea', '2026-03-01']] });
  await idea('hidden', {
    ext: 'pi-hidden',
    status: 'draft',
    steps: [
      ['idea', '2026-06-01'],
      ['in-planning', '2026-11-25'],
    ],
  });
});
after(() => handle.close());

describe('newsletter item sources', () => {
  it('events: held in the window for the Review, coming within 120 days for the Outlook; no drafts', async () => {
    assert.deepEqual(await refsOf('event'), [`outlook event:event-${ids['coming-online']}`, 'review event:ev-held'].sort());
    const [held] = (await source('event').suggest(db, window, 'de')).filter((s) => s.section === 'review');
    assert.equal(held?.reason, 'Fand am 3. Dezember 2026 in Tunis statt');
    assert.equal(held?.title, 'Event held', 'no German text: the English title');
    assert.equal(held?.at.toISOString(), '2026-12-03T15:00:00.000Z');
    const [coming] = (await source('event').suggest(db, window, 'en')).filter((s) => s.section === 'outlook');
    assert.equal(coming?.reason, 'Takes place online on January 20, 2027');
  });

  it('practices: published in the window for the Insight, titled in the editor’s language', async () => {
    assert.deepEqual(await refsOf('practice'), [`insight practice:peerpolis-${ids['platform-made']}`, 'insight practice:pr-fresh'].sort());
    const fr = await source('practice').suggest(db, window, 'fr');
    const fresh = fr.find((s) => s.ref === 'practice:pr-fresh');
    assert.equal(fresh?.title, 'Pratique fraîche');
    assert.equal(fresh?.reason, 'Publiée le 15 novembre 2026');
  });

  it('calls: open at the end of the window for the Outlook', async () => {
    assert.deepEqual(await refsOf('call'), ['outlook call:call-open']);
    const [open] = await source('call').suggest(db, window, 'en');
    assert.equal(open?.reason, 'Open until January 15, 2027', 'the deadline day in the call’s time zone');
  });

  it('project ideas: a stage reached in the window; a first step is a new idea', async () => {
    assert.deepEqual(await refsOf('projectIdea'), ['insight projectIdea:pi-moved', `insight projectIdea:project-idea-${ids.new}`].sort());
    const suggestions = await source('projectIdea').suggest(db, window, 'en');
    const moved = suggestions.find((s) => s.ref === 'projectIdea:pi-moved');
    assert.equal(moved?.reason, 'Moved to the stage “Validated by the project city” on November 20, 2026');
    const fresh = suggestions.find((s) => s.ref !== 'projectIdea:pi-moved');
    assert.equal(fresh?.reason, 'Recorded as a new project idea on December 9, 2026');
    assert.equal(fresh?.at.toISOString(), '2026-12-09T09:30:00.000Z', 'recorded on the day it was reached: that moment');
    assert.deepEqual(
      suggestions.map((s) => s.ref),
      [`projectIdea:project-idea-${ids.new}`, 'projectIdea:pi-moved'],
      'newest first',
    );
  });

  it('renders in the reader’s language, and says which language the text is really in', async () => {
    const ar = await source('event').render(db, ['ev-held', 'ev-draft', 'nothing-here'], 'ar', BASE);
    assert.deepEqual([...ar.keys()], ['ev-held'], 'drafts and unknown ids left out');
    const held = ar.get('ev-held');
    assert.equal(held?.title, 'الحوار في تونس');
    assert.equal(held?.locale, 'ar');
    assert.equal(held?.url, `${BASE}/ar/events/held`);
    assert.match(held?.meta ?? '', /تونس/, 'the city in Arabic');

    const de = await source('practice').render(db, ['pr-fresh', 'pr-draft', 'pr-archived'], 'de', BASE);
    assert.deepEqual([...de.keys()], ['pr-fresh']);
    assert.deepEqual(de.get('pr-fresh'), {
      title: 'Practice fresh',
      text: 'What was done.',
      url: `${BASE}/de/practices/fresh`,
      locale: 'en',
      meta: 'Tunis, Tunesien',
    });

    const calls = await source('call').render(db, ['call-open', 'call-closed', 'call-draft'], 'fr', BASE);
    assert.deepEqual([...calls.keys()].sort(), ['call-closed', 'call-open'], 'a closed call keeps its page');
    assert.equal(calls.get('call-open')?.meta, 'Date limite : 15 janvier 2027');
    assert.equal(calls.get('call-open')?.locale, 'en');

    const ideas = await source('projectIdea').render(db, ['pi-moved', 'pi-hidden', `project-idea-${ids.new}`], 'en', BASE);
    assert.deepEqual([...ideas.keys()].sort(), [`project-idea-${ids.new}`, 'pi-moved'].sort());
    assert.equal(ideas.get('pi-moved')?.meta, 'Tunis, Tunisia · Validated by the project city');
    assert.equal(ideas.get('pi-moved')?.url, `${BASE}/en/project-ideas/moved`);
  });

  it('cuts long summaries to a short plain-text paragraph', async () => {
    const long = `${'Cities share what works. '.repeat(30)}\n\nSecond paragraph.`;
    await sql`update event_translations set summary = ${long} where event_id = ${ids.held} and locale = 'en'`.execute(db);
    const text = (await source('event').render(db, ['ev-held'], 'en', BASE)).get('ev-held')?.text ?? '';
    assert.ok(text.length <= 300, `${text.length} characters`);
    assert.ok(text.endsWith('…'), text.slice(-20));
    const flat = long.replace(/\s+/g, ' ');
    assert.ok(flat.startsWith(`${text.slice(0, -1)} `), 'cut between two words, on one line');
  });

  it('exists: only what may appear in an edition', async () => {
    assert.deepEqual(
      [...(await source('event').exists(db, ['ev-held', 'ev-draft', `event-${ids['coming-online']}`, 'x']))].sort(),
      [`event-${ids['coming-online']}`, 'ev-held'].sort(),
    );
    assert.deepEqual([...(await source('practice').exists(db, ['pr-old', 'pr-draft', 'pr-archived']))], ['pr-old']);
    assert.deepEqual([...(await source('call').exists(db, ['call-open', 'call-draft']))], ['call-open']);
    assert.deepEqual([...(await source('projectIdea').exists(db, ['pi-still', 'pi-hidden']))], ['pi-still']);
    // An id made of the fallback prefix does not reach a record that has an externalId of its own.
    assert.deepEqual([...(await source('practice').exists(db, [`peerpolis-${ids.fresh}`]))], []);
    assert.deepEqual([...(await source('event').exists(db, []))], []);
  });
});
