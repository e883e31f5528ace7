import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';

// Issue 13, "forms that help": the event and call forms offer languages to tick and time zones to
// choose (the network's first) instead of typed codes, and only a new form asks the browser's zone.

let t: TestApp;
let editor: Visitor;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  await createMember(t, 'editor@network.example', 'editor');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());

const event = {
  lang: 'en',
  kind: 'dialogue-event',
  format: 'virtual',
  status: 'published',
  title: 'Peer call on heat plans',
  startsAt: '2030-05-12T15:00',
  endsAt: '2030-05-12T16:30',
  timeZone: 'Africa/Nairobi',
  joinUrl: 'https://meet.example.org/heat',
  topics: ['public-space'],
};

/** The time-zone select of a page: its attributes, its groups' labels and the option chosen. */
function zoneSelect(html: string) {
  const select = /<select id="field-timeZone"([^>]*)>([\s\S]*?)<\/select>/.exec(html);
  assert.ok(select, 'a time-zone list, not a text box');
  const groups = [...(select[2] ?? '').matchAll(/<optgroup label="([^"]+)">([\s\S]*?)<\/optgroup>/g)].map((g) => ({
    label: g[1],
    zones: [...(g[2] ?? '').matchAll(/<option value="([^"]+)"/g)].map((o) => o[1]),
  }));
  const chosen = /<option value="([^"]+)" selected=""/.exec(select[2] ?? '')?.[1];
  return { attributes: select[1] ?? '', groups, chosen, options: select[2] ?? '' };
}

const checkedLanguages = (html: string) => [...html.matchAll(/name="languages" value="([a-z]{2})" checked=""/g)].map((m) => m[1]);

describe('the event form’s choices', () => {
  it('offers the network’s zones first, then all, with the default chosen and the browser asked', async () => {
    const res = await editor.get('/en/editor/events/new');
    assert.equal(res.status, 200);
    const zones = zoneSelect(editor.lastHtml);
    assert.equal(zones.groups[0]?.label, 'Common in the network');
    for (const zone of ['Europe/Berlin', 'Africa/Lagos', 'Africa/Nairobi', 'Asia/Amman', 'America/Bogota', 'Asia/Manila', 'UTC'])
      assert.ok(zones.groups[0]?.zones.includes(zone), zone);
    assert.equal(zones.groups[1]?.label, 'All time zones');
    assert.ok((zones.groups[1]?.zones.length ?? 0) > 300, 'every IANA zone');
    assert.ok(zones.groups[1]?.zones.includes('Pacific/Auckland'));
    assert.ok(!zones.groups[1]?.zones.includes('Europe/Berlin'), 'listed once');
    assert.equal(zones.chosen, 'Europe/Berlin');
    assert.match(zones.options, /America\/Mexico City \(UTC−0\d:00\)/, 'names read with spaces, with the offset');
    assert.match(zones.attributes, /data-guess-zone=""/, 'a new form takes the browser’s zone');
    const script = /<script src="(\/assets\/js\/time-zone\.[0-9a-f]+\.js)" defer=""><\/script>/.exec(editor.lastHtml)?.[1];
    assert.ok(script, 'the script, a file of the asset pipeline (the CSP allows no inline script)');
    const js = await t.request(script);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await js.text()).length < 1000, 'a few hundred bytes');
  });

  it('offers working languages to tick, named in the page’s language', async () => {
    await editor.get('/en/editor/events/new');
    assert.doesNotMatch(editor.lastHtml, /<input[^>]*name="languages"[^>]*type="text"|type="text"[^>]*name="languages"/);
    assert.match(editor.lastHtml, /<fieldset class="choices language-choices" id="field-languages">/);
    assert.match(editor.lastHtml, /name="languages" value="ar"\/><label for="field-languages-ar">Arabic<\/label>/);
    await editor.get('/fr/editor/events/new');
    assert.match(editor.lastHtml, /value="ar"\/><label for="field-languages-ar">arabe<\/label>/);
    await editor.get('/ar/editor/events/new');
    assert.match(editor.lastHtml, /value="fr"\/><label for="field-languages-fr">الفرنسية<\/label>/);
  });

  it('saves the ticked languages and the chosen zone as before (codes, IANA names) and shows them again', async () => {
    await editor.get('/en/editor/events/new');
    const res = await editor.post('/en/editor/events/new', { ...event, languages: ['sw', 'en', 'eu'] });
    assert.equal(res.status, 303);
    const slug = /\/editor\/events\/([a-z0-9-]+)\/edit/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
    const api = (await (await t.request(`/api/v1/events/${slug}`)).json()) as { languages: string[]; timeZone: string };
    assert.deepEqual([...api.languages].sort(), ['en', 'eu', 'sw']);
    assert.equal(api.timeZone, 'Africa/Nairobi');

    await editor.get(`/en/editor/events/${slug}/edit`);
    assert.deepEqual(checkedLanguages(editor.lastHtml).sort(), ['en', 'eu', 'sw'], 'Basque, not a usual choice, is kept');
    const zones = zoneSelect(editor.lastHtml);
    assert.equal(zones.chosen, 'Africa/Nairobi');
    assert.doesNotMatch(zones.attributes, /data-guess-zone/, 'a stored zone is never replaced by the browser’s');
  });

  it('refuses what is not a language code or a zone, keeps the ticks, and does not guess on a form shown again', async () => {
    await editor.get('/en/editor/events/new');
    const typed = await editor.post('/en/editor/events/new', { ...event, title: 'Typed codes', languages: 'en, fr' });
    assert.equal(typed.status, 422, 'typed codes are no choice');
    assert.match(editor.lastHtml, /href="#field-languages"/);
    const forged = await editor.post('/en/editor/events/new', { ...event, languages: ['fr', 'xx'], timeZone: 'Mars/Olympus' });
    assert.equal(forged.status, 422);
    assert.match(editor.lastHtml, /href="#field-languages"/);
    assert.match(editor.lastHtml, /href="#field-timeZone"/);
    assert.deepEqual(checkedLanguages(editor.lastHtml), ['fr']);
    const zones = zoneSelect(editor.lastHtml);
    assert.ok(!zones.options.includes('Mars'), 'a forged zone is not offered');
    assert.doesNotMatch(zones.attributes, /data-guess-zone/);
    const kept = await editor.post('/en/editor/events/new', { ...event, kind: '', timeZone: 'Asia/Calcutta' });
    assert.equal(kept.status, 422);
    assert.equal(zoneSelect(editor.lastHtml).chosen, 'Asia/Calcutta', 'a known alias stays chosen');
  });
});

describe('the call form’s time zone', () => {
  it('is a list too, guessing only on a new call', async () => {
    await editor.get('/en/editor/calls/new');
    const zones = zoneSelect(editor.lastHtml);
    assert.equal(zones.chosen, 'Europe/Berlin');
    assert.match(zones.attributes, /data-guess-zone=""/);
    assert.match(editor.lastHtml, /<script src="\/assets\/js\/time-zone\.[0-9a-f]+\.js" defer="">/);
    await editor.post('/en/editor/calls/new', {
      lang: 'en',
      kind: 'host-dialogue-event',
      status: 'draft',
      title: '',
      timeZone: 'Asia/Amman',
    });
    const again = zoneSelect(editor.lastHtml);
    assert.equal(again.chosen, 'Asia/Amman');
    assert.doesNotMatch(again.attributes, /data-guess-zone/);
  });
});
