import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { mailsTo } from '../../../../tests/helpers/mail.ts';
import { highestEditionNumber } from '../editions/editions.queries.ts';
import { loadEditionByNumber } from '../editions/editions.service.ts';

// An editor writes the next edition on the demo content: the suggested number, English and Arabic
// texts, items from the suggestions the platform's own sources make (events, practices, calls, project
// ideas, Connect) and a free item; reorders and removes; cannot mark it ready while a section is empty or
// a language lacks its subject; previews it as web page and mail; sends themselves a test.

let t: TestApp;
let editor: Visitor;
let number = 0;
let base = '';
const EMAIL = 'editor@network.example';
const AR_SUBJECT = 'مدن تتعلم من بعضها';

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, EMAIL, 'editor');
  editor = await signedIn(t, EMAIL);
  number = (await highestEditionNumber(t.database.db)) + 1;
  base = `/en/editor/newsletter/${number}`;
});
after(() => t.close());

const edition = async () => {
  const e = await loadEditionByNumber(t.database.db, number);
  assert.ok(e);
  return e;
};
/** The suggestions on the page: [ref, section] of every "Add" form. */
const suggestionsOn = (html: string): Array<[string, string]> =>
  [...html.matchAll(/name="ref" value="([^"]+)"\/?><input type="hidden" name="section" value="([a-z]+)"/g)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]);
const decode = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

describe('writing an edition', () => {
  it('suggests the next number and today, and refuses a number already used, keeping what was typed', async () => {
    const page = await (await editor.get('/en/editor/newsletter')).text();
    assert.match(page, new RegExp(`name="number" type="text" value="${number}"`));
    assert.match(page, new RegExp(`value="${new Date().toISOString().slice(0, 10)}"`));
    assert.match(page, new RegExp(`href="/en/editor/newsletter/${number - 1}"`), 'the demo editions are listed');
    const taken = await editor.post('/en/editor/newsletter', { number: String(number - 1), date: '2026-12-01' });
    assert.equal(taken.status, 422);
    const html = await taken.text();
    assert.match(html, /There is already an edition with this number\./);
    assert.match(html, new RegExp(`value="${number - 1}"`));
    assert.match(html, /value="2026-12-01"/);
    const bad = await editor.post('/en/editor/newsletter', { number: 'thirty', date: '2026-02-30' });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /Please enter a whole number greater than zero\./);
    assert.match(badHtml, /Please enter a date like 2026-12-01\./);
    assert.match(badHtml, /value="thirty"/);
    const res = await editor.post('/en/editor/newsletter', { number: String(number), date: '2026-12-01' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${base}?notice=created`);
    assert.equal((await edition()).status, 'draft');
  });

  it('saves the texts one language at a time and refuses over-long fields and unknown languages', async () => {
    await editor.get(base);
    const long = await editor.post(`${base}/text`, { lang: 'en', subject: 'S'.repeat(151), preheader: '', editorial: 'Kept paragraph.' });
    assert.equal(long.status, 422);
    const html = await long.text();
    assert.match(html, /This is too long\./);
    assert.match(html, /Kept paragraph\.<\/textarea>/);
    const unknown = await editor.post(`${base}/text`, { lang: 'xx', subject: 'Hello', preheader: '', editorial: '' });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /This language is not one of the newsletter(’|&#39;)s languages\./);
    const en = {
      lang: 'en',
      subject: 'Cities learning from each other',
      preheader: 'Review, insight, outlook',
      editorial: 'Dear readers,\n\nA year of exchanges.',
    };
    assert.equal((await editor.post(`${base}/text`, en)).status, 303);
    const ar = { lang: 'ar', subject: AR_SUBJECT, preheader: 'نظرة إلى الوراء وإلى الأمام', editorial: 'قراءنا الأعزاء،' };
    const saved = await editor.post(`${base}/text`, ar);
    assert.equal(saved.headers.get('location'), `${base}?lang=ar&notice=textSaved#texts`);
    const e = await edition();
    assert.deepEqual(e.locales, ['en', 'ar']);
    assert.equal(e.translations.en?.editorial, 'Dear readers,\n\nA year of exchanges.');
    const tab = await (await editor.get(`${base}?lang=ar`)).text();
    assert.match(tab, new RegExp(`lang="ar" dir="rtl"[^>]*value="${AR_SUBJECT}"|value="${AR_SUBJECT}"[^>]*lang="ar"`));
  });

  it('adds items from the suggestions since the last sent edition, each once, and refuses unknown ones', async () => {
    const page = await (await editor.get(base)).text();
    const suggestions = suggestionsOn(page);
    const sections = new Set(suggestions.map(([, s]) => s));
    for (const section of ['review', 'insight', 'outlook', 'connect']) assert.ok(sections.has(section), `suggestions for ${section}`);
    const kinds = new Set(suggestions.map(([ref]) => ref.split(':')[0]));
    for (const kind of ['event', 'practice', 'connect']) assert.ok(kinds.has(kind), `suggestions from ${kind}`);
    const pick = (section: string, n = 0) => suggestions.filter(([, s]) => s === section)[n] as [string, string];
    for (const [ref, section] of [pick('review'), pick('insight'), pick('insight', 1), pick('outlook')]) {
      assert.equal((await editor.post(`${base}/items/suggested`, { ref: decode(ref), section })).status, 303, ref);
    }
    const again = await editor.post(`${base}/items/suggested`, { ref: decode(pick('review')[0]), section: 'review' });
    assert.equal(again.status, 422);
    assert.match(await again.text(), /This item is in the edition already\./);
    const unknown = await editor.post(`${base}/items/suggested`, { ref: 'event:no-such-event', section: 'review' });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /This item does not exist \(any more\)\./);
    const e = await edition();
    assert.equal(e.sections.review[0]?.ref, decode(pick('review')[0]));
    assert.equal(e.sections.insight.length, 2);
    const after = await (await editor.get(base)).text();
    assert.ok(!suggestionsOn(after).some(([ref]) => ref === pick('review')[0]), 'an item in the edition is no longer suggested');
  });

  it('reorders and removes items', async () => {
    const [first, second] = (await edition()).sections.insight;
    assert.ok(first && second);
    await editor.get(base);
    assert.equal((await editor.post(`${base}/items/move`, { item: String(second.id), direction: 'up' })).status, 303);
    assert.deepEqual(
      (await edition()).sections.insight.map((i) => i.id),
      [second.id, first.id],
    );
    assert.equal((await editor.post(`${base}/items/move`, { item: String(first.id), direction: 'sideways' })).status, 422);
    assert.equal((await editor.post(`${base}/items/remove`, { item: String(second.id) })).status, 303);
    assert.deepEqual(
      (await edition()).sections.insight.map((i) => i.id),
      [first.id],
    );
    const gone = await editor.post(`${base}/items/remove`, { item: String(second.id) });
    assert.equal(gone.status, 422);
  });

  it('cannot be marked ready with an empty section or a language without subject, and says so next to them', async () => {
    await editor.post(`${base}/text`, { lang: 'de', subject: '', preheader: '', editorial: 'Liebe Leserinnen und Leser,' });
    const res = await editor.post(`${base}/ready`, {});
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /The edition is not ready yet:/);
    assert.match(html, /<p class="field-error" id="field-subject-error">The German text has no subject\.<\/p>/);
    assert.match(html, /id="section-connect"[^>]*>.*?<p class="field-error">The section Connect has no items\.<\/p>/s);
    assert.equal((await edition()).status, 'draft');
  });

  it('adds a free item, refusing a link that is not http(s) and a text without title', async () => {
    const bad = await editor.post(`${base}/items/free`, {
      section: 'connect',
      url: 'javascript:alert(1)',
      title_en: 'Meet the network in Amman',
      text_de: 'Ohne Titel',
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Please enter an address starting with https:\/\/ or http:\/\/\./);
    assert.match(html, /A text needs a title in the same language\./);
    assert.match(html, /value="Meet the network in Amman"/);
    const none = await editor.post(`${base}/items/free`, { section: 'connect', url: '' });
    assert.match(await none.text(), /Please give the item a title in at least one language\./);
    const ok = await editor.post(`${base}/items/free`, {
      section: 'connect',
      url: 'https://example.org/amman',
      title_en: 'Meet the network in Amman',
      text_en: 'Peer learning days in March.',
      title_ar: 'لقاء الشبكة في عمّان',
      text_ar: 'أيام التعلم بين الأقران في مارس.',
    });
    assert.equal(ok.status, 303);
    const item = (await edition()).sections.connect[0];
    assert.equal(item?.url, 'https://example.org/amman');
    assert.deepEqual(Object.keys(item?.translations ?? {}).sort(), ['ar', 'en']);
  });

  it('is marked ready once every language has its subject and keeps being ready', async () => {
    await editor.get(base);
    assert.equal((await editor.post(`${base}/text`, { lang: 'de', subject: '', preheader: '', editorial: '' })).status, 303);
    assert.equal((await editor.post(`${base}/ready`, {})).status, 303);
    assert.equal((await edition()).status, 'ready');
    // A change that would leave it unsendable is refused while it is ready.
    const only = (await edition()).sections.review[0];
    const res = await editor.post(`${base}/items/remove`, { item: String(only?.id) });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Put it back to draft first\./);
    assert.equal((await edition()).sections.review.length, 1);
    const page = await (await editor.get(base)).text();
    assert.match(page, new RegExp(`href="${base}/sending"`));
  });

  it('previews every language as web page, as mail and as plain text', async () => {
    const en = await editor.get(`${base}/preview?lang=en&as=web`);
    assert.equal(en.status, 200);
    const enHtml = await en.text();
    assert.match(enHtml, /Cities learning from each other/);
    assert.match(enHtml, /Meet the network in Amman/);
    assert.match(enHtml, new RegExp(`href="${base}/preview\\?lang=ar&amp;as=mail"`));
    const ar = await (await editor.get(`${base}/preview?lang=ar&as=web`)).text();
    assert.match(ar, /lang="ar" dir="rtl"/);
    assert.match(ar, new RegExp(AR_SUBJECT));
    assert.match(ar, /لقاء الشبكة في عمّان/);
    const mail = await editor.get(`${base}/preview?lang=ar&as=mail`);
    assert.equal(mail.status, 200);
    assert.match(mail.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const mailHtml = await mail.text();
    assert.match(mailHtml, /dir="rtl"/);
    assert.match(mailHtml, new RegExp(AR_SUBJECT));
    const text = await editor.get(`${base}/preview?lang=en&as=text`);
    assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await text.text(), /Cities learning from each other/);
    const de = await editor.get(`${base}/preview?lang=de&as=web`);
    assert.equal(de.status, 404);
    assert.match(await de.text(), /The edition has no subject in this language\./);
  });

  it('test-sends a language to the editor’s own address only, with the List-Unsubscribe headers, a few times an hour', async () => {
    await editor.get(base);
    const res = await editor.post(`${base}/test-send`, { lang: 'ar' });
    assert.equal(res.status, 303);
    const mails = await mailsTo(t.database.db, EMAIL);
    const mail = mails.at(-1);
    assert.ok(mail);
    assert.equal(mail.subject, `[تجربة] ${AR_SUBJECT}`);
    assert.match(mail.headers['List-Unsubscribe'] ?? '', /^<http[^>]+\/newsletter\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(mail.text_body, /عمّان/);
    const outbox = await t.database.db.selectFrom('mail_outbox').select('to_address').where('subject', 'like', '%تجربة%').execute();
    assert.deepEqual([...new Set(outbox.map((m) => m.to_address))], [EMAIL]);
    // With a subscription of their own, the links are theirs.
    await t.database.db
      .insertInto('newsletter_subscribers')
      .values({ email: EMAIL.toUpperCase(), locale: 'en', token: 'editorOwnToken1234567890', status: 'confirmed' })
      .execute();
    assert.equal((await editor.post(`${base}/test-send`, { lang: 'en' })).status, 303);
    assert.match((await mailsTo(t.database.db, EMAIL)).at(-1)?.headers['List-Unsubscribe'] ?? '', /editorOwnToken1234567890/);
    const unwritten = await editor.post(`${base}/test-send`, { lang: 'de' });
    assert.equal(unwritten.status, 422);
    assert.match(await unwritten.text(), /The edition has no subject in this language\./);
    let refused: Response | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const r = await editor.post(`${base}/test-send`, { lang: 'en' });
      if (r.status !== 303) refused = r;
    }
    assert.equal(refused?.status, 422);
    assert.match((await refused?.text()) ?? '', /You have sent many tests in the last hour\./);
  });

  it('goes back to draft, and once sent shows read-only with a link to the sending page', async () => {
    assert.equal((await editor.post(`${base}/draft`, {})).status, 303);
    assert.equal((await edition()).status, 'draft');
    await t.database.db
      .updateTable('newsletter_editions')
      .set({ status: 'sent', sent_at: new Date() })
      .where('number', '=', number)
      .execute();
    const page = await (await editor.get(base)).text();
    assert.doesNotMatch(page, new RegExp(`action="${base}/text"`));
    assert.doesNotMatch(page, /name="ref"/);
    assert.match(page, new RegExp(`href="${base}/sending"`));
    await editor.get('/en/editor/newsletter');
    const res = await editor.post(`${base}/text`, { lang: 'en', subject: 'Changed after sending', preheader: '', editorial: '' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /can no longer be changed/);
    assert.equal((await edition()).translations.en?.subject, 'Cities learning from each other');
  });
});
