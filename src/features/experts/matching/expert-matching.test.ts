import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newVisitor } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../../tests/helpers/experts.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { matchInput } from './expert-matching.forms.ts';
import { reasonText } from './expert-matching.model.ts';
import { matchExperts } from './expert-matching.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  for (const f of EXPERT_FIXTURES) await insertExpert(t.database.db, f);
  await insertExpert(t.database.db, {
    slug: 'mira-bus',
    name: 'Mira Bus',
    visibility: 'public',
    country: 'DE',
    organisation: 'Stadtwerke Kiel',
    languages: [['de', 'native']],
    topics: ['urban-mobility'],
    availability: ['advice'],
    texts: { de: { headline: 'Busbeschleunigung und Radwege', bio: 'Planung von Busspuren in einer Mittelstadt.' } },
  });
  // Same theme as Mira (integrated urban development), another topic, nothing about transport.
  await insertExpert(t.database.db, {
    slug: 'olaf-kataster',
    name: 'Olaf Kataster',
    visibility: 'public',
    country: 'DE',
    organisation: 'Stadt Rostock',
    languages: [['de', 'native']],
    topics: ['land-management'],
    availability: ['advice'],
    texts: { de: { headline: 'Liegenschaftskataster', bio: 'Grundbuch und Bodenordnung.' } },
  });
});
after(() => t.close());

const editor: CurrentUser = { id: 1, name: 'e', role: 'editor', locale: 'en', emailVerified: true, sessionId: 's' };
const match = (body: Record<string, unknown>, who: CurrentUser | null = editor) =>
  matchExperts(t.database.db, matchInput.parse(body), who, 'en');

describe('matching', () => {
  it('recognises topics in any language and ranks by content, with reasons', async () => {
    const arabic = await match({ challenge: 'تواجه بلديتنا مشكلة في جمع النفايات وإعادة التدوير بسبب تزايد عدد السكان.' });
    assert.equal(arabic.language, 'ar');
    assert.deepEqual(arabic.inferredTopics, ['waste-management']);
    assert.equal(arabic.items[0]?.slug, 'karim-haddad', 'a waste expert who speaks Arabic comes first');
    const reasons = arabic.items[0]?.reasons.map((r) => reasonText(getI18n('en'), r, { topic: (s) => s, theme: (s) => s })) ?? [];
    assert.ok(reasons.includes('speaks Arabic (native)'), reasons.join('; '));
    assert.ok(reasons.includes('works on waste-management'), reasons.join('; '));
    assert.ok(!arabic.items.some((m) => m.slug === 'mira-bus'), 'nothing in common, not a candidate');
    const scores = arabic.items.map((m) => m.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  it('ignores the words of asking ("we need help for our city") in every language', async () => {
    assert.deepEqual((await match({ challenge: 'We need help for our city.' })).items, [], 'Karim’s bio says "a city": not a reason');
    assert.deepEqual((await match({ challenge: 'نحتاج إلى مساعدة في مدينتنا' })).items, []);
    const waste = await match({ challenge: 'We need help for our city with waste collection.' });
    const text = waste.items[0]?.reasons.find((r) => r.kind === 'text');
    assert.ok(text && text.kind === 'text');
    assert.deepEqual([...text.words].sort(), ['collection', 'waste'], 'only the words that say what the city needs');
  });

  it('uses places, languages and availability when asked, and never ids or names', async () => {
    const inMena = await match({ topics: ['waste-management'], region: 'mena', availability: ['missions'] });
    assert.equal(inMena.items[0]?.slug, 'anna-schmidt', 'experience in MENA and available for missions');
    const reasons = inMena.items[0]?.reasons.map((r) => r.kind);
    assert.deepEqual(reasons, ['topic', 'region', 'availability']);
    const byName = await match({ challenge: 'Anna Schmidt' });
    assert.equal(byName.items.length, 0, 'a name is not a challenge');
  });

  it('shows no one without evidence in their work or words: place, language and availability only refine', async () => {
    // Olaf speaks German, is in Germany, offers advice and works in the theme of the transport topic the
    // challenge names, but on another topic, with none of its words: he was a candidate, and is left out.
    const refined = await match({
      challenge: 'Buses and cycling in a congested centre',
      languages: ['de'],
      country: 'DE',
      availability: ['advice'],
    });
    assert.deepEqual(refined.inferredTopics, ['urban-mobility']);
    assert.ok(refined.items.some((m) => m.slug === 'mira-bus'));
    assert.ok(!refined.items.some((m) => m.slug === 'olaf-kataster'), 'a shared theme inferred from a topic is no evidence');
    for (const m of refined.items) {
      assert.ok(
        m.reasons.some((r) => r.kind === 'topic' || r.kind === 'text' || r.kind === 'theme'),
        `${m.slug} has a reason in their work or words`,
      );
    }
    assert.deepEqual((await match({ challenge: 'Zebra crossings at night', languages: ['de'], country: 'DE' })).items, []);
    // A theme the request names is evidence, and the reason says so.
    const byTheme = await match({ themes: ['integrated-urban-development'] });
    const mira = byTheme.items.find((m) => m.slug === 'mira-bus');
    assert.ok(mira, 'Mira works on a topic of the theme asked for');
    assert.ok(
      byTheme.items.some((m) => m.slug === 'olaf-kataster'),
      'so does Olaf, when the theme is asked by name',
    );
    const words = mira.reasons.map((r) => reasonText(getI18n('en'), r, { topic: (s) => s, theme: () => 'Integrated urban development' }));
    assert.ok(words.includes('works in the field of Integrated urban development'), words.join('; '));
  });

  it('applies visibility: anonymous callers see public profiles only', async () => {
    const anonymous = await match({ topics: ['waste-management'] }, null);
    assert.deepEqual(
      anonymous.items.map((m) => m.slug),
      ['anna-schmidt'],
    );
  });

  it('serves the same over the API, with reasons in words, and refuses bad JSON', async () => {
    const res = await t.request('/api/v1/experts/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challenge: 'Recycling of solid waste with informal collectors', languages: ['de'], limit: 5 }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      items: Array<{ name: string; score: number; reasons: string[]; url: string; externalId: unknown; id: number }>;
    };
    assert.deepEqual(
      body.items.map((i) => i.name),
      ['Anna Schmidt'],
    );
    assert.deepEqual(Object.keys(body.items[0] ?? {}).sort(), ['externalId', 'id', 'name', 'reasons', 'score', 'url']);
    assert.ok(body.items[0]?.reasons.includes('speaks German (native)'));
    const bad = await t.request('/api/v1/experts/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(bad.status, 400);
    const invalid = await t.request('/api/v1/experts/match', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 1000 }),
    });
    assert.equal(invalid.status, 400);
  });

  it('shows the matching page without JavaScript', async () => {
    const v = newVisitor(t);
    await v.get('/en/experts/match');
    const res = await v.post('/en/experts/match', { challenge: 'We need help with waste collection and recycling.' });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Anna Schmidt/);
    assert.doesNotMatch(html, /Karim Haddad|Lucía Paredes/);
    assert.match(html, /works on Waste management/);
    const empty = await v.post('/en/experts/match', { challenge: '' });
    assert.equal(empty.status, 422);
  });
});
