import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { file, photo } from '../../../tests/helpers/uploads.ts';
import type { Logger } from '../../platform/log.ts';
import { pageForm } from './network.forms.ts';
import { exportPages, importPages } from './network.import.ts';
import { savePage } from './network.service.ts';
import { selectPages } from './pages.queries.ts';
import { loadRegionSections } from './region-sections.ts';

// The editors' pages for the network's records (roles, bad input, sanitised Markdown) and the "pages"
// array of the exchange format, on the taxonomy seed (the imprint and privacy notice are reference data).

let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  await createMember(t, 'editor@city.example', 'editor');
  await createMember(t, 'member@city.example');
});
after(() => t.close());

const page = (overrides: Record<string, string> = {}) => ({
  lang: 'en',
  slug: 'our-method',
  status: 'published',
  placement: 'footer',
  position: '3',
  title: 'Our method',
  body: 'We **listen** first.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) ![pixel](https://tracker.example/p.gif) <img src=x onerror=alert(1)>',
  ...overrides,
});

describe('the network editor', () => {
  it('is for editors and admins only', async () => {
    const anonymous = newVisitor(t);
    const res = await anonymous.get('/en/editor/network');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/en\/sign-in\?next=/);
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get('/en/editor/network')).status, 403);
    assert.equal((await member.post('/en/editor/network/pages/new', page())).status, 403);
    assert.equal((await selectPages(t.database.db, { slug: 'our-method' })).length, 0);
    const editor = await signedIn(t, 'editor@city.example');
    assert.equal((await editor.get('/en/editor/network')).status, 200);
    assert.match(editor.lastHtml, /\/imprint/);
  });

  it('refuses bad input next to each field, keeps what was typed, and saves nothing', async () => {
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/de/editor/network/pages/new');
    const res = await editor.post(
      '/de/editor/network/pages/new?lang=de',
      page({ lang: 'de', slug: 'Bad Slug!', title: 'x'.repeat(201), position: 'ten' }),
    );
    assert.equal(res.status, 422);
    assert.match(editor.lastHtml, /class="error-summary"/);
    assert.match(editor.lastHtml, /Bitte nur Kleinbuchstaben, Ziffern und einzelne Bindestriche verwenden\./);
    assert.match(editor.lastHtml, /Das ist zu lang\./);
    assert.match(editor.lastHtml, /Bitte geben Sie eine ganze Zahl von 0 bis 10\.000 ein\./);
    assert.match(editor.lastHtml, /value="Bad Slug!"/);
    await editor.post('/en/editor/network/pages/new?lang=en', page({ slug: 'privacy' }));
    assert.match(editor.lastHtml, /Another page already has this address\./);
    await editor.get('/en/editor/network/regions/new');
    await editor.post('/en/editor/network/regions/new', {
      lang: 'en',
      region: 'atlantis',
      status: 'published',
      name: 'X',
      coordinatorEmail: 'not-an-address',
    });
    assert.match(editor.lastHtml, /Please enter an e-mail address like name@example\.org\./);
    assert.equal((await selectPages(t.database.db, { slug: 'our-method' })).length, 0);
  });

  it('publishes a page with its Markdown sanitised, in the footer, and keeps the imprint and privacy notice', async () => {
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/pages/new');
    const res = await editor.post('/en/editor/network/pages/new?lang=en', page());
    assert.equal(res.status, 303);
    const v = newVisitor(t);
    await v.get('/en/about/our-method');
    assert.match(v.lastHtml, /<strong>listen<\/strong>/);
    const main = v.lastHtml.split('<main')[1]?.split('</main>')[0] ?? '';
    assert.doesNotMatch(main, /<script|href="javascript:|<img|tracker\.example/);
    assert.match(main, /&lt;script&gt;/, 'raw HTML is shown as text, not run');
    assert.match(v.lastHtml.split('<footer')[1] ?? '', /href="\/en\/about\/our-method"/);
    // Back to draft: gone from the page and the footer.
    await editor.get('/en/editor/network/pages/our-method/edit?lang=en');
    await editor.post('/en/editor/network/pages/our-method/edit?lang=en', page({ status: 'draft' }));
    assert.equal((await v.get('/en/about/our-method')).status, 404);
    await v.get('/en/');
    assert.doesNotMatch(v.lastHtml, /our-method/);
    // The privacy notice cannot be unpublished nor deleted.
    await editor.get('/en/editor/network/pages/privacy/edit?lang=en');
    assert.doesNotMatch(editor.lastHtml, /name="status"|\/delete"/);
    await editor.post('/en/editor/network/pages/privacy/edit?lang=en', {
      lang: 'en',
      status: 'draft',
      slug: 'gone',
      placement: 'about',
      position: '1',
      title: 'Privacy notice',
      body: 'Changed.',
    });
    assert.equal((await v.get('/en/privacy')).status, 200);
    assert.match(v.lastHtml, /Changed\./);
    assert.equal((await editor.post('/en/editor/network/pages/privacy/delete', { confirm: 'yes' })).status, 403);
  });
});

describe('a partner organisation’s logo', () => {
  it('is refused when not a picture, shown with its alt text when published, and hidden while its partner is a draft', async () => {
    const editor = await signedIn(t, 'editor@city.example');
    const partner = (logo: File, status: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        lang: 'en',
        slug: 'city-alliance',
        status,
        position: '1',
        name: 'City Alliance',
        logoAlt: 'Two joined circles',
        contactEmail: 'alliance@network.peerpolis.example',
      }))
        form.set(k, v);
      form.set('logo', logo);
      return form;
    };
    await editor.get('/en/editor/network/partners/new');
    const refused = await editor.postMultipart(
      '/en/editor/network/partners/new?lang=en',
      partner(file('not a picture', 'logo.png', 'image/png'), 'draft'),
    );
    assert.equal(refused.status, 422);
    assert.match(editor.lastHtml, /This file is not a JPEG, PNG or WebP image\./);
    assert.match(editor.lastHtml, /value="Two joined circles"/);
    const saved = await editor.postMultipart(
      '/en/editor/network/partners/new?lang=en',
      partner(file(await photo(120, 60), 'logo.jpg', 'image/jpeg'), 'draft'),
    );
    assert.equal(saved.status, 303);
    const row = await t.database.db
      .selectFrom('network_partners as p')
      .innerJoin('uploads as u', 'u.id', 'p.logo_upload_id')
      .select('u.sha256')
      .where('p.slug', '=', 'city-alliance')
      .executeTakeFirstOrThrow();
    const v = newVisitor(t);
    assert.equal((await v.get(`/uploads/${row.sha256}.jpg`)).status, 404, 'a draft partner’s logo is nobody’s to fetch');
    await v.get('/en/about');
    assert.doesNotMatch(v.lastHtml, /City Alliance/);
    await editor.get('/en/editor/network/partners/city-alliance/edit?lang=en');
    const form = partner(file('', ''), 'published');
    form.set('slug', 'city-alliance');
    assert.equal((await editor.postMultipart('/en/editor/network/partners/city-alliance/edit?lang=en', form)).status, 303);
    await v.get('/en/about');
    assert.match(v.lastHtml, new RegExp(`<img src="/uploads/${row.sha256}.jpg" alt="Two joined circles"`));
    assert.doesNotMatch(v.lastHtml, /alliance@network/);
    assert.equal((await v.get(`/uploads/${row.sha256}.jpg`)).status, 200);
  });
});

describe('addresses that change', () => {
  it('lets a new page, partner or regional network take the address another one had before', async () => {
    const editor = await signedIn(t, 'editor@city.example');
    const post = async (path: string, fields: Record<string, string>) => {
      await editor.get(path.replace(/\?.*$/, ''));
      return (await editor.post(path, { lang: 'en', status: 'published', position: '0', ...fields })).status;
    };
    // A page renamed, then a new one at its old address (its external id once was `page-<slug>`).
    assert.equal(await post('/en/editor/network/pages/new?lang=en', { slug: 'exchange-rules', placement: 'about', title: 'Rules' }), 303);
    assert.equal(
      await post('/en/editor/network/pages/exchange-rules/edit?lang=en', { slug: 'rules', placement: 'about', title: 'Rules' }),
      303,
    );
    assert.equal(await post('/en/editor/network/pages/new?lang=en', { slug: 'exchange-rules', placement: 'about', title: 'New' }), 303);
    // The same for a partner organisation.
    assert.equal(await post('/en/editor/network/partners/new?lang=en', { slug: 'city-fund', name: 'City Fund' }), 303);
    assert.equal(await post('/en/editor/network/partners/city-fund/edit?lang=en', { slug: 'the-city-fund', name: 'City Fund' }), 303);
    assert.equal(await post('/en/editor/network/partners/new?lang=en', { slug: 'city-fund', name: 'Another fund' }), 303);
    // And for a regional network moved to another region.
    assert.equal(await post('/en/editor/network/regions/new?lang=en', { region: 'mena', name: 'MENA network' }), 303);
    assert.equal(await post('/en/editor/network/regions/mena/edit?lang=en', { region: 'europe', name: 'Europe network' }), 303);
    assert.equal(await post('/en/editor/network/regions/new?lang=en', { region: 'mena', name: 'New MENA network' }), 303);
    assert.equal(await post('/en/editor/network/regions/new?lang=en', { region: 'mena', name: 'Twice' }), 422);
    assert.match(editor.lastHtml, /value="Twice"/);
    const ids = (await selectPages(t.database.db)).map((p) => p.externalId);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('answers “address taken” to the second of two editors saving the same new address at once', async () => {
    const form = pageForm.parse({ lang: 'en', slug: 'same-time', status: 'draft', placement: 'about', position: '0', title: 'Same' });
    const outcomes = await Promise.all([savePage(t.database.db, null, form), savePage(t.database.db, null, form)]);
    assert.deepEqual(outcomes.map((o) => o.ok).sort(), [false, true]);
    assert.deepEqual(
      outcomes.find((o) => !o.ok),
      { ok: false, errors: { slug: 'slugTaken' } },
    );
  });

  it('records no upload when a partner with a new logo is refused', async () => {
    const editor = await signedIn(t, 'editor@city.example');
    const uploads = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('uploads')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await uploads();
    const form = new FormData();
    for (const [k, v] of Object.entries({ lang: 'en', slug: 'city-fund', status: 'draft', position: '1', name: 'Taken address' }))
      form.set(k, v);
    form.set('logo', file(await photo(90, 40), 'logo.jpg', 'image/jpeg'));
    await editor.get('/en/editor/network/partners/new');
    assert.equal((await editor.postMultipart('/en/editor/network/partners/new?lang=en', form)).status, 422);
    assert.match(editor.lastHtml, /Another page already has this address\.|already/);
    assert.equal(await uploads(), before, 'no orphaned upload');
  });
});

describe('a regional network’s sections', () => {
  it('leaves out a section that fails, logs it, and keeps the others', async () => {
    const logged: unknown[] = [];
    const logger = { error: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
    const sections = await loadRegionSections(
      [
        async () => {
          throw new Error('events are down');
        },
        async () => ({ heading: 'Experts', links: [{ href: '/en/experts/x', title: 'X', lang: 'en' }] }),
      ],
      { db: t.database.db, i18n: {} as never, viewer: null, logger },
      'mena',
    );
    assert.deepEqual(
      sections.map((s) => s.heading),
      ['Experts'],
    );
    assert.equal(logged.length, 1);
  });
});

describe('the "pages" array of the exchange format', () => {
  it('imports idempotently by externalId, rejects bad records with reasons, and round-trips through export', async () => {
    const db = t.database.db;
    const report = await importPages(db, [
      {
        externalId: 'p-1',
        status: 'published',
        slug: 'history',
        position: 2,
        placement: 'main',
        translations: { en: { title: 'History', body: 'Since 2020.' }, ar: { title: 'التاريخ', body: 'منذ 2020.' } },
      },
      { externalId: 'p-2', status: 'published', slug: 'privacy', translations: { en: { title: 'Mine', body: '' } } },
      { externalId: 'page-privacy', status: 'draft', slug: 'privacy', translations: { en: { title: 'Privacy', body: '' } } },
      { externalId: 'p-3', status: 'published', slug: 'Not a slug', translations: { en: { title: '' } } },
      { externalId: 'p-4', status: 'published', slug: 'empty', translations: {} },
    ]);
    assert.deepEqual(
      report.map((r) => r.outcome),
      ['created', 'rejected', 'rejected', 'rejected', 'rejected'],
    );
    assert.match(report[1]?.reasons.join() ?? '', /slug: privacy is the address of page page-privacy/);
    assert.match(report[2]?.reasons.join() ?? '', /status: the imprint and the privacy notice stay published/);
    assert.match(report[3]?.reasons.join() ?? '', /slug: .*title: title is required/);
    assert.match(report[4]?.reasons.join() ?? '', /at least one translation/);
    const exported = await exportPages(db);
    const again = await importPages(db, exported);
    assert.ok(
      again.every((r) => r.outcome === 'updated'),
      JSON.stringify(again),
    );
    assert.deepEqual(await exportPages(db), exported);
    // A language the file leaves out is removed from the page.
    const history = exported.find((p) => p.externalId === 'p-1');
    await importPages(db, [{ ...history, translations: { en: history?.translations.en } }]);
    assert.deepEqual(Object.keys((await exportPages(db)).find((p) => p.externalId === 'p-1')?.translations ?? {}), ['en']);
    await importPages(db, [history]);
    assert.deepEqual(
      exported.find((p) => p.externalId === 'p-1'),
      {
        externalId: 'p-1',
        status: 'published',
        slug: 'history',
        position: 2,
        placement: 'main',
        translations: { ar: { title: 'التاريخ', body: 'منذ 2020.' }, en: { title: 'History', body: 'Since 2020.' } },
      },
    );
  });
});
