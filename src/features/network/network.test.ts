import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, register, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { outboxCount } from '../../../tests/helpers/contact.ts';
import { lastMailTo } from '../../../tests/helpers/mail.ts';
import { parseXml, type XmlElement } from '../../../tests/helpers/xml.ts';
import { networkSearchSource, networkSitemapSource } from './discovery.service.ts';
import { listPartnerNames } from './index.ts';
import { exportPages, importPages } from './network.import.ts';
import { selectPages } from './pages.queries.ts';

// The network's section on the demo content: its pages and what never leaks of drafts, the footer's
// partners from their records, the relay to partners and coordinators, the editor, the exchange format.

let t: TestApp;
const NETWORK_ADDRESS = /@network\.peerpolis\.example/;
const footerOf = (html: string) => html.split('<footer')[1] ?? '';
const versionShown = (moment?: Date) =>
  `${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(moment)} UTC`;
const child = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

before(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'editor@city.example', 'editor');
  await createMember(t, 'member@city.example');
});
after(() => t.close());

describe('the network’s pages', () => {
  it('shows the About section with its pages, partners and regional networks, and never an address', async () => {
    const v = newVisitor(t);
    const res = await v.get('/en/about');
    assert.equal(res.status, 200);
    assert.match(v.lastHtml, /<h1 dir="auto">About the network<\/h1>/);
    assert.match(v.lastHtml, /href="\/en\/about\/how-the-exchange-works"/);
    assert.match(v.lastHtml, /id="partner-giz"/);
    assert.match(v.lastHtml, /href="\/en\/contact\?to=partner-giz#contact">Write to Lena Hoffmann, the contact person<\/a>/);
    assert.match(v.lastHtml, /href="\/en\/about\/regions\/mena"/);
    assert.doesNotMatch(v.lastHtml, NETWORK_ADDRESS);
    await v.get('/ar/about');
    assert.match(v.lastHtml, /<html lang="ar" dir="rtl"/);
    assert.match(v.lastHtml, /المنظمات الشريكة/);
  });

  it('serves the imprint and the full privacy notice in every language, with the version members agree to', async () => {
    const v = newVisitor(t);
    await v.get('/en/privacy');
    for (const heading of ['Who is responsible', 'What we store', 'Why', 'Cookies', 'Your rights'])
      assert.match(v.lastHtml, new RegExp(`<h2>${heading}</h2>`));
    // The version shown is the one consents are stored with: the moment of the notice's last change.
    const privacy = (await selectPages(t.database.db, { slug: 'privacy' }))[0];
    assert.ok(v.lastHtml.includes(`Version of ${versionShown(privacy?.updatedAt)}`), 'the version shown');
    await v.get('/de/privacy');
    assert.match(v.lastHtml, /<h1 dir="auto">Datenschutzhinweise<\/h1>/);
    await v.get('/ar/imprint');
    assert.match(v.lastHtml, /<h1 dir="auto">بيانات الناشر<\/h1>/);
    assert.match(v.lastHtml, /Friedrich-Ebert-Allee 32 \+ 36<br/);
    assert.equal((await v.get('/en/about/privacy')).headers.get('location'), '/en/privacy');
  });

  it('never shows a draft: not as a page, in the footer, the search or the sitemap', async () => {
    const v = newVisitor(t);
    assert.equal((await v.get('/en/about/annual-report')).status, 404);
    assert.equal((await v.get('/en/about/no-such-page')).status, 404);
    await v.get('/en/about');
    assert.doesNotMatch(v.lastHtml, /annual-report|Annual report/);
    assert.doesNotMatch(footerOf(v.lastHtml), /annual-report/);
    const request = { locale: 'en' as const, viewer: null, limit: 20, offset: 0 };
    const found = await networkSearchSource.search(t.database.db, { ...request, q: 'annual report' });
    assert.equal(found.total, 0);
    const exchange = await networkSearchSource.search(t.database.db, { ...request, q: 'expert missions' });
    assert.ok(exchange.hits.some((h) => h.path === '/en/about/how-the-exchange-works'));
    assert.ok(exchange.hits.some((h) => h.path.startsWith('/en/about/regions/')));
    const arabic = await networkSearchSource.search(t.database.db, { ...request, locale: 'ar', q: 'الخصوصية' });
    assert.ok(arabic.hits.some((h) => h.path === '/ar/privacy' && h.language === 'ar'));
    const entries = await networkSitemapSource.entries(t.database.db, { offset: 0, limit: 100 });
    assert.equal(await networkSitemapSource.count(t.database.db), entries.length);
    const paths = entries.map((e) => e.path);
    for (const path of ['/about', '/privacy', '/imprint', '/about/how-the-exchange-works', '/about/regions/mena'])
      assert.ok(paths.includes(path), path);
    assert.ok(!paths.includes('/about/annual-report'));
  });

  it('shows a regional network with its coordinator to write to, never the address', async () => {
    const v = newVisitor(t);
    assert.equal((await v.get('/en/about/regions/mena')).status, 200);
    assert.match(v.lastHtml, /Nour Haddad/);
    // The region's practices and experts, contributed by those modules (network's `regionSections`).
    assert.match(v.lastHtml, /<h2 id="region-section-\d">Good practices from the region<\/h2>/);
    assert.match(v.lastHtml, /<h2 id="region-section-\d">Experts in the region<\/h2>/);
    assert.match(v.lastHtml, /href="\/en\/contact\?to=mena#contact"/);
    assert.doesNotMatch(v.lastHtml, NETWORK_ADDRESS);
    assert.equal((await v.get('/en/about/regions/europe')).status, 404, 'no regional network for Europe');
  });
});

describe('the footer’s partners', () => {
  it('come from the partner records, and a change shows at once', async () => {
    const v = newVisitor(t);
    await v.get('/en/events');
    assert.match(footerOf(v.lastHtml), /Deutsche Gesellschaft für Internationale Zusammenarbeit \(GIZ\)/);
    assert.deepEqual((await listPartnerNames(t.database.db, 'de')).length, 3);
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/partners/engagement-global/edit?lang=en');
    assert.match(editor.lastHtml, /value="eg.contact@network.peerpolis.example"/, 'editors see the address to keep it');
    const res = await editor.post('/en/editor/network/partners/engagement-global/edit?lang=en', {
      lang: 'en',
      slug: 'engagement-global',
      status: 'published',
      position: '5',
      websiteUrl: 'https://www.engagement-global.de',
      contactName: 'Miriam Okafor',
      contactEmail: 'eg.contact@network.peerpolis.example',
      name: 'Engagement Global (renamed)',
      description: 'Supports municipal partnerships.',
      logoAlt: '',
    });
    assert.equal(res.status, 303);
    await v.get('/en/events');
    const footer = footerOf(v.lastHtml);
    assert.match(footer, /Engagement Global \(renamed\)/);
    assert.ok(footer.indexOf('Engagement Global (renamed)') < footer.indexOf('(GIZ)'), 'in the partners’ order');
    assert.deepEqual((await listPartnerNames(t.database.db, 'en'))[0], 'Engagement Global (renamed)');
  });
});

describe('writing to a partner or a coordinator', () => {
  it('relays to the partner’s contact person, shows no address, and limits a sender', async () => {
    const v = newVisitor(t);
    await v.get('/en/contact?to=partner-giz');
    assert.match(v.lastHtml, /<option value="partner-giz" selected="">Contact person at Deutsche Gesellschaft/);
    assert.doesNotMatch(v.lastHtml, NETWORK_ADDRESS);
    const fields = {
      to: 'partner-giz',
      name: 'Amina Diallo',
      email: 'amina@city.example',
      subject: 'Partnership',
      message: 'Our city would like to learn how a municipal partnership can be started with GIZ support.',
      consent: 'yes',
    };
    for (let i = 0; i < 3; i++) {
      await v.get('/en/contact');
      assert.equal((await v.post('/en/contact', fields)).status, 303);
    }
    const mail = await lastMailTo(t.database.db, 'giz.contact@network.peerpolis.example');
    assert.ok(mail?.text_body.includes('the contact person at Deutsche Gesellschaft'));
    await v.get('/en/contact');
    const before = await outboxCount(t);
    assert.equal((await v.post('/en/contact', fields)).status, 429);
    assert.equal(await outboxCount(t), before);
    assert.doesNotMatch(v.lastHtml, NETWORK_ADDRESS);
  });
});

describe('the privacy notice’s version', () => {
  it('is stored with a new member’s consent, and follows the editors’ changes to the notice', async () => {
    const db = t.database.db;
    const consentOf = async (email: string) =>
      (await db.selectFrom('users').select('privacy_notice_version').where('email', '=', email).executeTakeFirstOrThrow())
        .privacy_notice_version;
    const notice = async () => (await selectPages(db, { slug: 'privacy' }))[0];
    const before = await notice();
    assert.equal((await register(newVisitor(t), 'first@city.example')).status, 303);
    assert.equal(await consentOf('first@city.example'), before?.updatedAt.toISOString());
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/pages/privacy/edit?lang=en');
    const saved = await editor.post('/en/editor/network/pages/privacy/edit?lang=en', {
      lang: 'en',
      placement: before?.placement ?? 'footer',
      position: String(before?.position ?? 0),
      title: 'Privacy notice',
      body: 'We now also store your city.',
    });
    assert.equal(saved.status, 303);
    const after = await notice();
    assert.ok(after && before && after.updatedAt > before.updatedAt);
    assert.equal((await register(newVisitor(t), 'second@city.example')).status, 303);
    assert.equal(await consentOf('second@city.example'), after?.updatedAt.toISOString());
    assert.equal(await consentOf('first@city.example'), before?.updatedAt.toISOString(), 'an earlier consent keeps its version');
    const v = newVisitor(t);
    await v.get('/en/privacy');
    assert.ok(v.lastHtml.includes(`Version of ${versionShown(after?.updatedAt)}`));
  });
});

describe('the sitemap and the search', () => {
  it('lists every page once, at its own address, in the languages it is written in', async () => {
    const db = t.database.db;
    // An imprint written only in German and English, as many installations have it.
    const imprint = (await exportPages(db)).find((p) => p.slug === 'imprint');
    assert.ok(imprint);
    await importPages(db, [{ ...imprint, translations: { de: imprint.translations.de, en: imprint.translations.en } }]);
    const index = parseXml(await (await t.request('/sitemap.xml')).text());
    const urls: XmlElement[] = [];
    for (const sitemap of child(index, 'sitemap')) {
      const file = new URL(child(sitemap, 'loc')[0]?.text ?? '').pathname;
      urls.push(...child(parseXml(await (await t.request(file)).text()), 'url'));
    }
    const paths = urls.map((u) => new URL(child(u, 'loc')[0]?.text ?? '').pathname);
    assert.deepEqual(
      paths.filter((p, i) => paths.indexOf(p) !== i),
      [],
      'no address twice',
    );
    assert.ok(!paths.some((p) => p.endsWith('/about/about')), 'no redirect');
    assert.equal(paths.filter((p) => /^\/[a-z]{2}\/about$/.test(p)).length, 5);
    assert.equal(paths.filter((p) => p.endsWith('/privacy')).length, 5);
    assert.deepEqual(paths.filter((p) => p.endsWith('/imprint')).sort(), ['/de/imprint', '/en/imprint']);
    for (const url of urls.filter((u) => (child(u, 'loc')[0]?.text ?? '').endsWith('/imprint')))
      assert.deepEqual(
        child(url, 'xhtml:link').map((l) => l.attrs.hreflang),
        ['en', 'de', 'x-default'],
      );
    await importPages(db, [imprint]);
  });

  it('links a match in the About page’s own text to /about', async () => {
    const request = { locale: 'en' as const, viewer: null, limit: 20, offset: 0, q: 'municipal practitioners across continents' };
    const paths = (await networkSearchSource.search(t.database.db, request)).hits.map((h) => h.path);
    assert.ok(paths.includes('/en/about'), String(paths));
    assert.ok(!paths.some((p) => p.endsWith('/about/about')));
  });
});
