import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { childrenNamed, parseXml } from '../../../../tests/helpers/xml.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import * as q from '../editions/editions.queries.ts';
import type { EditionStatus } from '../newsletter.model.ts';
import { ARCHIVE_PAGE_SIZE } from './archive.service.ts';

let t: TestApp;
const BASE = 'http://localhost:3000';

async function edition(number: number, status: EditionStatus, texts: Record<string, string>, date = '2026-10-01') {
  const { db } = t.database;
  const id = await q.insertEdition(db, { number, date, status });
  for (const [locale, subject] of Object.entries(texts))
    await q.saveEditionTranslation(db, id, locale, { subject, preheader: `${subject} – preheader`, editorial: `${subject}\n\nEditorial.` });
  await q.replaceEditionItems(db, id, [
    { section: 'connect', ref: 'connect:find-peers', url: null, translations: {} },
    {
      section: 'insight',
      ref: null,
      url: 'https://example.org/story',
      translations: { en: { title: 'A story from Sfax', text: 'English only.' } },
    },
  ]);
  if (status === 'sent') await q.updateEdition(db, id, { sentAt: new Date(`${date}T09:00:00Z`) });
  return id;
}

/** An edition whose sending started (or, with started = false, a cancelled one that never sent a mail). */
async function startedEdition(number: number, status: EditionStatus, subject: string, started = true) {
  const id = await edition(number, status, { en: subject }, '2026-12-01');
  if (started) await q.updateEdition(t.database.db, id, { sendingStartedAt: new Date('2026-12-01T08:00:00Z') });
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { BASE_URL: BASE } });
  await edition(1, 'sent', { de: 'Grüne Korridore', en: 'Green corridors' }, '2026-09-01');
  await edition(2, 'sent', { en: 'Water & <waste>' }, '2026-10-01');
  await edition(3, 'draft', { en: 'Draft in the making' }, '2026-11-01');
  await edition(4, 'ready', { en: 'Ready but not sent' }, '2026-11-15');
  await startedEdition(5, 'sending', 'Going out now');
  await startedEdition(6, 'paused', 'Paused halfway');
  await startedEdition(7, 'cancelled', 'Cancelled halfway');
  await startedEdition(8, 'cancelled', 'Cancelled before sending', false);
});
after(() => t.close());

const page = async (path: string) => {
  const res = await t.request(path);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
};
/** A catalog key that reached the page: t() shows the key when a message is missing. */
const rawKey = /\b(?:newsletter|subscription|common|forms)\.[a-z][A-Za-z]*\.[a-zA-Z.]+/;

describe('the public archive', () => {
  it('lists the sent editions only, newest first, with the subscription and the feed', async () => {
    const { status, html } = await page('/en/newsletter');
    assert.equal(status, 200);
    const numbers = [...html.matchAll(/href="\/en\/newsletter\/(\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(numbers, ['2', '1']);
    assert.match(html, /Water &amp; &lt;waste&gt;/);
    assert.ok(!html.includes('Draft in the making') && !html.includes('Ready but not sent'));
    assert.match(html, /<time datetime="2026-09-01">September 1, 2026<\/time>/);
    assert.match(html, /<form method="post" action="\/en\/newsletter\/subscribe"/);
    assert.match(
      html,
      /<link rel="alternate" type="application\/atom\+xml" title="Peerpolis newsletter" href="http:\/\/localhost:3000\/en\/newsletter\/feed.atom"\/?>/,
    );
  });

  it('shows each subject in the reader’s language, marking the ones in another', async () => {
    const { html } = await page('/fr/newsletter');
    assert.match(
      html,
      /<a href="\/fr\/newsletter\/1"><span lang="en" dir="ltr">Green corridors<\/span><\/a><span class="meta"> \(en anglais\)<\/span>/,
    );
    assert.match(html, /<time datetime="2026-09-01">1 septembre 2026<\/time>/);
    const de = (await page('/de/newsletter')).html;
    assert.match(de, /<a href="\/de\/newsletter\/1">Grüne Korridore<\/a><\/h3>/);
  });
});

describe('an edition’s web page', () => {
  it('shows a sent edition in the reader’s language, else in English with the note', async () => {
    const de = await page('/de/newsletter/1');
    assert.equal(de.status, 200);
    assert.match(de.html, /<h1 id="edition-subject">Grüne Korridore<\/h1>/);
    assert.match(de.html, /<a href="http:\/\/localhost:3000\/de\/experts\/match">/);
    const fr = await page('/fr/newsletter/1');
    assert.match(fr.html, /<div lang="en" dir="ltr" class="other-language"><h1 id="edition-subject">Green corridors<\/h1>/);
    assert.match(fr.html, /<p class="fallback-note">Pas encore disponible en français/);
    // Written in German and English only: those are its alternates; the French page shows the English text.
    assert.match(fr.html, /<link rel="canonical" href="http:\/\/localhost:3000\/en\/newsletter\/1"/);
    const hreflangs = [...fr.html.matchAll(/<link rel="alternate" hreflang="([a-z-]+)"/g)].map((m) => m[1]);
    assert.deepEqual(hreflangs, ['en', 'de', 'x-default']);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(fr.html)?.[1] ?? '{}');
    assert.equal(ld['@type'], 'PublicationIssue');
    assert.equal(ld.issueNumber, '1');
    assert.equal(ld.inLanguage, 'en');
  });

  it('is not found for an edition that was not sent, or does not exist', async () => {
    for (const path of ['/en/newsletter/3', '/en/newsletter/4', '/en/newsletter/999', '/en/newsletter/99999999999'])
      assert.equal((await page(path)).status, 404, path);
  });

  it('is shown once sending started (sending, paused, or cancelled partway), but not listed until sent', async () => {
    for (const [number, subject] of [
      [5, 'Going out now'],
      [6, 'Paused halfway'],
      [7, 'Cancelled halfway'],
    ] as const) {
      const res = await page(`/en/newsletter/${number}`);
      assert.equal(res.status, 200, subject);
      assert.match(res.html, new RegExp(`<h1 id="edition-subject">${subject}</h1>`));
    }
    assert.equal((await page('/en/newsletter/8')).status, 404, 'cancelled before any mail went out');
    const archive = (await page('/en/newsletter')).html;
    const feed = (await page('/en/newsletter/feed.atom')).html;
    for (const subject of ['Going out now', 'Paused halfway', 'Cancelled halfway']) {
      assert.ok(!archive.includes(subject), subject);
      assert.ok(!feed.includes(subject), subject);
    }
  });
});

describe('the Atom feed', () => {
  it('lists the sent editions in a language, with the fallback language stated', async () => {
    const res = await page('/de/newsletter/feed.atom');
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/atom+xml; charset=utf-8');
    const feed = parseXml(res.html);
    assert.equal(feed.name, 'feed');
    assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
    assert.equal(feed.attrs['xml:lang'], 'de');
    const entries = childrenNamed(feed, 'entry');
    const byNumber = new Map(entries.map((e) => [childrenNamed(e, 'link')[0]?.attrs.href, e]));
    const one = byNumber.get(`${BASE}/de/newsletter/1`);
    const two = byNumber.get(`${BASE}/de/newsletter/2`);
    assert.ok(one && two, 'entries link to the web pages');
    assert.equal(one.attrs['xml:lang'], 'de');
    assert.equal(childrenNamed(one, 'title')[0]?.text, 'Grüne Korridore');
    assert.equal(two.attrs['xml:lang'], 'en');
    assert.equal(childrenNamed(two, 'title')[0]?.text, 'Water & <waste>');
    assert.equal(childrenNamed(two, 'published')[0]?.text, '2026-10-01T09:00:00.000Z');
    assert.ok(!res.html.includes('Draft in the making'));
    assert.equal(entries.length, 2);
  });
});

describe('the XML checker', () => {
  it('refuses what a feed reader would', () => {
    for (const bad of ['<a>&</a>', '<a><b></a></b>', '<a x=1/>', '<a/><b/>', '<a>\u0001</a>', '<a>&nbsp;</a>'])
      assert.throws(() => parseXml(bad), bad);
  });
});

describe('in five languages', () => {
  for (const locale of LOCALES) {
    it(`/${locale}/newsletter, an edition and the feed have all their words`, async () => {
      for (const path of [`/${locale}/newsletter`, `/${locale}/newsletter/1`, `/${locale}/newsletter/feed.atom`]) {
        const res = await page(path);
        assert.equal(res.status, 200, path);
        assert.doesNotMatch(res.html, rawKey, path);
      }
      const html = (await page(`/${locale}/newsletter/2`)).html;
      assert.match(html, new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`));
      parseXml((await page(`/${locale}/newsletter/feed.atom`)).html);
    });
  }
});

describe('a long archive', () => {
  // Last in the file: twenty newer editions push the first ones off the first page and out of the feed.
  it('pages through older editions', async () => {
    for (let n = 10; n < 10 + ARCHIVE_PAGE_SIZE; n++) await edition(n, 'sent', { en: `Edition ${n}` });
    const first = (await page('/en/newsletter')).html;
    assert.match(first, /Page 1 of 2/);
    assert.match(first, /<a href="\/en\/newsletter\?page=2">Older editions<\/a>/);
    const second = await page('/en/newsletter?page=2');
    assert.equal(second.status, 200);
    assert.deepEqual(
      [...second.html.matchAll(/href="\/en\/newsletter\/(\d+)"/g)].map((m) => m[1]),
      ['2', '1'],
    );
    assert.match(second.html, /<link rel="canonical" href="http:\/\/localhost:3000\/en\/newsletter\?page=2"/);
    assert.equal((await page('/en/newsletter?page=zwei')).status, 200, 'a malformed page number is ignored');
  });
});
