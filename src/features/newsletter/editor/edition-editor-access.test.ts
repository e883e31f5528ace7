import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { insertEdition } from '../editions/editions.queries.ts';
import { loadEditionByNumber } from '../editions/editions.service.ts';

// Who may use the editors' newsletter pages: editors and admins only. A member gets 403 on every page
// and every change, a visitor is sent to sign in, and a change without the CSRF token is refused.
// Whatever is refused leaves the edition as it was.

let t: TestApp;
let editor: Visitor;
let admin: Visitor;
let member: Visitor;

const PAGES = [
  '/en/editor/newsletter',
  '/en/editor/newsletter/7',
  '/en/editor/newsletter/7?lang=ar',
  '/en/editor/newsletter/7/preview?lang=en&as=web',
  '/en/editor/newsletter/7/preview?lang=en&as=mail',
  '/en/editor/newsletter/7/preview?lang=en&as=text',
];

const CHANGES: Array<[string, Record<string, string>]> = [
  ['/en/editor/newsletter', { number: '8', date: '2026-12-01' }],
  ['/en/editor/newsletter/7/text', { lang: 'en', subject: 'Taken over', preheader: '', editorial: '' }],
  ['/en/editor/newsletter/7/details', { date: '2026-12-02' }],
  ['/en/editor/newsletter/7/items/suggested', { ref: 'connect:find-expert', section: 'connect' }],
  ['/en/editor/newsletter/7/items/free', { section: 'review', title_en: 'Injected' }],
  ['/en/editor/newsletter/7/items/move', { item: '1', direction: 'up' }],
  ['/en/editor/newsletter/7/items/remove', { item: '1' }],
  ['/en/editor/newsletter/7/ready', {}],
  ['/en/editor/newsletter/7/draft', {}],
  ['/en/editor/newsletter/7/test-send', { lang: 'en' }],
];

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'admin@network.example', 'admin');
  await createMember(t, 'member@city.example');
  const id = await insertEdition(t.database.db, { number: 7, date: '2026-11-01' });
  await t.database.db.insertInto('newsletter_edition_translations').values({ edition_id: id, locale: 'en', subject: 'Seven' }).execute();
  editor = await signedIn(t, 'editor@network.example');
  admin = await signedIn(t, 'admin@network.example');
  member = await signedIn(t, 'member@city.example');
});
after(() => t.close());

const unchanged = async () => {
  const edition = await loadEditionByNumber(t.database.db, 7);
  assert.equal(edition?.translations.en?.subject, 'Seven');
  assert.equal(edition?.edition_date, '2026-11-01');
  assert.equal(edition?.status, 'draft');
  assert.equal(Object.values(edition?.sections ?? {}).flat().length, 0);
  assert.equal(await loadEditionByNumber(t.database.db, 8), null);
};

describe('the editors’ newsletter pages', () => {
  it('open to editors and admins, with an entry in the editorial navigation', async () => {
    for (const v of [editor, admin]) {
      for (const path of PAGES) assert.equal((await v.get(path)).status, 200, path);
    }
    const list = await (await editor.get('/en/editor/newsletter')).text();
    assert.match(list, /href="\/en\/editor\/newsletter"[^>]*>Newsletter</);
  });

  it('send visitors to sign in and bring them back', async () => {
    const visitor = newVisitor(t);
    for (const path of PAGES) {
      const res = await visitor.get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), `/en/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('refuse members with 403, on every page and every change', async () => {
    for (const path of PAGES) assert.equal((await member.get(path)).status, 403, path);
    await member.get('/en/account');
    for (const [path, fields] of CHANGES) assert.equal((await member.post(path, fields)).status, 403, path);
    await unchanged();
  });

  it('refuse a visitor’s change', async () => {
    const visitor = newVisitor(t);
    await visitor.get('/en/newsletter');
    for (const [path, fields] of CHANGES) assert.equal((await visitor.post(path, fields)).status, 401, path);
    await unchanged();
  });

  it('refuse a change without the CSRF token, or with another one', async () => {
    await editor.get('/en/editor/newsletter/7');
    for (const [path, fields] of CHANGES) {
      assert.equal((await editor.post(path, { ...fields, _csrf: '' })).status, 403, path);
      assert.equal((await editor.post(path, { ...fields, _csrf: 'x'.repeat(43) })).status, 403, path);
    }
    await unchanged();
    // The same change with the page's token goes through.
    await editor.get('/en/editor/newsletter/7');
    const res = await editor.post('/en/editor/newsletter/7/details', { date: '2026-11-02' });
    assert.equal(res.status, 303);
    assert.equal((await loadEditionByNumber(t.database.db, 7))?.edition_date, '2026-11-02');
  });

  it('answer 404 for an edition that does not exist, and for a number that is none', async () => {
    assert.equal((await editor.get('/en/editor/newsletter/99')).status, 404);
    assert.equal((await editor.get('/en/editor/newsletter/99/preview?lang=en')).status, 404);
    assert.equal((await editor.post('/en/editor/newsletter/99/text', { lang: 'en', subject: 'x' })).status, 404);
    assert.equal((await editor.get('/en/editor/newsletter/0')).status, 404);
    assert.equal((await editor.get('/en/editor/newsletter/-1')).status, 404);
  });
});
