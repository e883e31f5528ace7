import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import * as q from '../editions/editions.queries.ts';
import { type Edition, loadEditionById } from '../editions/editions.service.ts';
import type { NewsletterItemSource, RenderedItem } from '../newsletter.model.ts';
import { TOKEN_SLOT } from '../newsletter.model.ts';
import { connectItems } from './connect-items.service.ts';
import { EditionView } from './edition.views.tsx';
import { renderEditionMail } from './edition-mail.service.ts';
import { renderEdition } from './edition-render.service.ts';

const BASE = 'https://peerpolis.example';
let database: DatabaseHandle;
let edition: Edition;
const calls: string[][] = [];

// A content module's source: practices written in English only, one of them deleted since.
const practices: NewsletterItemSource = {
  kind: 'practice',
  suggest: async () => [],
  exists: async (_db, ids) => new Set(ids),
  render: async (_db, ids, locale) => {
    calls.push(ids);
    const items = new Map<string, RenderedItem>();
    for (const id of ids.filter((i) => i !== 'deleted'))
      items.set(id, {
        title: `Practice ${id}`,
        text: 'Written in English only.',
        url: `${BASE}/${locale}/practices/${id}`,
        locale: 'en',
        meta: 'Tunis',
      });
    return items;
  },
};
const sources = new Map([
  ['practice', practices],
  ['connect', connectItems],
]);

before(async () => {
  database = await createTestDatabase({ seed: 'none' });
  const { db } = database;
  const id = await q.insertEdition(db, { number: 41, date: '2026-11-30', status: 'sent' });
  await q.saveEditionTranslation(db, id, 'de', {
    subject: 'Grüne Korridore',
    preheader: 'Vorschau auf Deutsch',
    editorial: 'Liebe Leserinnen,\n\nzweiter Absatz.',
  });
  await q.saveEditionTranslation(db, id, 'en', {
    subject: 'Green corridors',
    preheader: 'Preview in English',
    editorial: 'Dear readers,\n\nsecond paragraph.',
  });
  await q.replaceEditionItems(db, id, [
    { section: 'review', ref: 'practice:alpha', url: null, translations: {} },
    { section: 'review', ref: 'practice:deleted', url: null, translations: {} },
    { section: 'review', ref: 'unknown:thing', url: null, translations: {} },
    { section: 'insight', ref: 'practice:beta', url: null, translations: {} },
    { section: 'outlook', ref: null, url: 'https://example.org/call', translations: { de: { title: 'Aufruf', text: 'Nur auf Deutsch.' } } },
    {
      section: 'outlook',
      ref: null,
      url: null,
      translations: { en: { title: 'Water & "waste" < 5 %', text: 'Both.' }, de: { title: 'Wasser', text: 'Beide.' } },
    },
    { section: 'connect', ref: 'practice:deleted', url: null, translations: {} },
    { section: 'insight', ref: null, url: 'javascript:alert(1)', translations: { en: { title: 'Sneaky', text: '' } } },
  ]);
  edition = (await loadEditionById(db, id)) as Edition;
});
after(() => database.close());

describe('rendering an edition per language', () => {
  it('gives a French reader the English texts, a German reader the German ones', async () => {
    const fr = await renderEdition(database.db, sources, edition, 'fr', BASE);
    assert.equal(fr.locale, 'en');
    assert.equal(fr.fellBack, true);
    assert.equal(fr.subject, 'Green corridors');
    const de = await renderEdition(database.db, sources, edition, 'de', BASE);
    assert.equal(de.locale, 'de');
    assert.equal(de.fellBack, false);
    assert.equal(de.editorial, 'Liebe Leserinnen,\n\nzweiter Absatz.');
  });

  it('renders items from their sources (one call per kind) and free items with the same fallback', async () => {
    calls.length = 0;
    const fr = await renderEdition(database.db, sources, edition, 'fr', BASE);
    assert.deepEqual(calls, [['alpha', 'deleted', 'beta']]);
    // Deleted content and unknown kinds are left out; the section left with nothing goes too.
    assert.deepEqual(
      fr.sections.map((s) => [s.kind, s.items.map((i) => [i.title, i.locale])]),
      [
        ['review', [['Practice alpha', 'en']]],
        [
          'insight',
          [
            ['Practice beta', 'en'],
            ['Sneaky', 'en'],
          ],
        ],
        [
          'outlook',
          [
            ['Aufruf', 'de'],
            ['Water & "waste" < 5 %', 'en'],
          ],
        ],
      ],
    );
    assert.equal(fr.sections[1]?.items[1]?.url, null, 'only web addresses become links');
    const de = await renderEdition(database.db, sources, edition, 'de', BASE);
    assert.deepEqual(
      de.sections[2]?.items.map((i) => i.title),
      ['Aufruf', 'Wasser'],
    );
  });

  it('marks on the web page what is not in the reader’s language', async () => {
    const de = await renderEdition(database.db, sources, edition, 'de', BASE);
    const html = String(EditionView({ i18n: getI18n('de'), edition: de }));
    assert.match(html, /<h1 id="edition-subject">Grüne Korridore<\/h1>/);
    assert.match(
      html,
      /<div lang="en" dir="ltr" class="other-language"><h3><a href="https:\/\/peerpolis.example\/de\/practices\/alpha">Practice alpha<\/a>/,
    );
    assert.match(html, /<\/div><p class="fallback-note">Noch nicht auf Deutsch verfügbar; Anzeige auf Englisch\.<\/p><\/li>/);
    const fr = String(EditionView({ i18n: getI18n('fr'), edition: await renderEdition(database.db, sources, edition, 'fr', BASE) }));
    assert.match(fr, /<div lang="en" dir="ltr" class="other-language"><h1 id="edition-subject">Green corridors<\/h1>/);
  });

  it('offers the network’s own Connect items with their pages', async () => {
    const items = await connectItems.render(
      database.db,
      ['find-expert', 'become-expert', 'share-practice', 'find-peers', 'nope'],
      'es',
      BASE,
    );
    assert.deepEqual(
      [...items].map(([id, item]) => [id, item.url, item.locale]),
      [
        ['find-expert', `${BASE}/es/experts`, 'es'],
        ['become-expert', `${BASE}/es/my/expert-profile`, 'es'],
        ['share-practice', `${BASE}/es/my/practices/new`, 'es'],
        ['find-peers', `${BASE}/es/experts/match`, 'es'],
      ],
    );
    assert.equal(items.get('find-expert')?.title, 'Encontrar a una persona experta');
    const window = { since: new Date('2026-01-01'), until: new Date('2026-12-01') };
    const suggested = await connectItems.suggest(database.db, window, 'en');
    assert.deepEqual(
      suggested.map((s) => [s.section, s.ref]),
      [
        ['connect', 'connect:find-expert'],
        ['connect', 'connect:become-expert'],
        ['connect', 'connect:share-practice'],
        ['connect', 'connect:find-peers'],
      ],
    );
    assert.deepEqual([...(await connectItems.exists(database.db, ['find-peers', 'x']))], ['find-peers']);
  });
});

describe('the edition as an e-mail', () => {
  const options = { baseUrl: BASE, postalAddress: 'Network office, Friedrich-Ebert-Allee 1, 53113 Bonn', token: TOKEN_SLOT };

  it('is right-to-left and Arabic for an Arabic reader, with the texts in their own language', async () => {
    const mail = await renderEditionMail(database.db, sources, edition, 'ar', options);
    assert.equal(mail.locale, 'en');
    assert.match(mail.html, /^<!doctype html><html lang="ar" dir="rtl">/);
    assert.match(mail.html, /<table role="presentation"[^>]*lang="ar" dir="rtl"/);
    assert.match(mail.html, /<td lang="en" dir="ltr"[^>]*><h1[^>]*>Green corridors<\/h1>/);
    assert.match(mail.html, /<meta name="color-scheme" content="light dark"\/?>/);
    // An item in English for an Arabic reader says so, in Arabic.
    assert.match(mail.html, /Practice alpha<\/a><span lang="ar" dir="rtl"[^>]*> \(باللغة الإنجليزية\)<\/span>/);
    assert.match(mail.text, /\* Practice alpha \(باللغة الإنجليزية\)/);
  });

  it('links the web version and the personal pages, and nothing else that could track a reader', async () => {
    const mail = await renderEditionMail(database.db, sources, edition, 'de', options);
    const personal = (html: string) => html.replaceAll(TOKEN_SLOT, 'tok3n');
    const hrefs = [...personal(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(
      new Set(hrefs),
      new Set([
        `${BASE}/de/newsletter/41`,
        `${BASE}/de/practices/alpha`,
        `${BASE}/de/practices/beta`,
        'https://example.org/call',
        `${BASE}/de/newsletter/preferences/tok3n`,
        `${BASE}/newsletter/unsubscribe/tok3n`,
      ]),
    );
    const text = personal(mail.text);
    for (const href of hrefs) assert.ok(text.includes(href as string), `plain text has ${href}`);
    assert.ok(!mail.html.includes('<script') && !mail.html.includes('<img'), 'no script, no image');
    assert.equal(mail.subject, 'Grüne Korridore');
    assert.match(mail.html, /Vorschau auf Deutsch/);
    assert.match(mail.html, /Friedrich-Ebert-Allee 1/);
    assert.match(mail.text, /Friedrich-Ebert-Allee 1/);
  });

  it('escapes texts in the HTML and keeps the plain text free of markup', async () => {
    const mail = await renderEditionMail(database.db, sources, edition, 'en', { ...options, postalAddress: '' });
    assert.match(mail.html, /Water &amp; &quot;waste&quot; &lt; 5 %/);
    assert.ok(mail.text.includes('Water & "waste" < 5 %'));
    assert.doesNotMatch(mail.text, /<\/?[a-z][^>]*>|&(amp|lt|gt|quot|#\d+);/i);
    assert.ok(!mail.html.includes('Friedrich-Ebert-Allee'), 'no postal line when none is configured');
    assert.match(mail.text, /^Unsubscribe: https:\/\/peerpolis.example\/newsletter\/unsubscribe\/PEERPOLISSUBSCRIBERTOKEN$/m);
    assert.match(mail.text, /Dear readers,\n\nsecond paragraph\./);
  });
});
