import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { file, photo } from '../../../tests/helpers/uploads.ts';
import { exportPartners, exportRegionalNetworks, importPartners, importRegionalNetworks } from './network.import.ts';
import { selectPartners } from './partners.queries.ts';
import { selectRegionalNetworks } from './regions.queries.ts';

// Partner organisations and regional networks: the editors delete them (role, CSRF, confirmation, the
// logo's upload and file going with the partner), a refused save leaves no logo file behind, and the
// "partners" and "regionalNetworks" arrays of the exchange format. Its own DATA_DIR, to look at the files.

let t: TestApp;
let dataDir: string;
const uploads = () => join(dataDir, 'uploads');
const storedFiles = () => (existsSync(uploads()) ? readdirSync(uploads()).sort() : []);

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-network-'));
  t = await createTestApp({ seed: 'taxonomy', env: { DATA_DIR: dataDir } });
  await createMember(t, 'editor@city.example', 'editor');
  await createMember(t, 'member@city.example');
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function partnerForm(fields: Record<string, string>, logo?: File): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ lang: 'en', status: 'published', position: '1', ...fields })) form.set(k, v);
  if (logo) form.set('logo', logo);
  return form;
}

describe('deleting partner organisations and regional networks', () => {
  it('takes a partner, its texts, its logo’s upload and file, only for editors with the CSRF token and the confirmation', async () => {
    const db = t.database.db;
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/partners/new');
    const logo = file(await photo(100, 50), 'logo.jpg', 'image/jpeg');
    const saved = await editor.postMultipart(
      '/en/editor/network/partners/new?lang=en',
      partnerForm({ slug: 'river-cities', name: 'River Cities' }, logo),
    );
    assert.equal(saved.status, 303);
    const [partner] = await selectPartners(db, { slug: 'river-cities' });
    assert.ok(partner?.logo);
    const { uploadId, sha256 } = partner.logo;
    assert.ok(storedFiles().includes(`${sha256}.jpg`));

    await editor.get('/en/editor/network/partners/river-cities/edit?lang=en');
    assert.match(editor.lastHtml, /action="\/en\/editor\/network\/partners\/river-cities\/delete"/);
    assert.match(editor.lastHtml, /Delete this partner organisation/);

    const member = await signedIn(t, 'member@city.example');
    await member.get('/en/');
    assert.equal((await member.post('/en/editor/network/partners/river-cities/delete', { confirm: 'yes' })).status, 403);
    assert.equal((await editor.post('/en/editor/network/partners/river-cities/delete', { confirm: 'yes', _csrf: 'forged' })).status, 403);
    assert.equal((await editor.post('/en/editor/network/partners/river-cities/delete', {})).status, 400, 'no confirmation, no deletion');
    assert.equal((await selectPartners(db, { slug: 'river-cities' })).length, 1);

    await editor.get('/en/editor/network/partners/river-cities/edit?lang=en');
    const deleted = await editor.post('/en/editor/network/partners/river-cities/delete', { confirm: 'yes' });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.get('location'), '/en/editor/network?notice=deleted');
    assert.equal((await selectPartners(db, { slug: 'river-cities' })).length, 0);
    assert.equal(
      await db.selectFrom('network_partner_translations').select('partner_id').where('partner_id', '=', partner.id).executeTakeFirst(),
      undefined,
    );
    assert.equal(await db.selectFrom('uploads').select('id').where('id', '=', uploadId).executeTakeFirst(), undefined);
    assert.ok(!storedFiles().some((f) => f.startsWith(sha256)), 'the logo’s files are gone');
    assert.equal((await t.request(`/uploads/${sha256}.jpg`)).status, 404);
    await editor.get('/en/about');
    assert.doesNotMatch(editor.lastHtml, /River Cities/);
  });

  it('takes a regional network with its texts, on the same terms', async () => {
    const db = t.database.db;
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/regions/new');
    const fields = { lang: 'en', region: 'mena', status: 'published', position: '0', name: 'MENA cities' };
    assert.equal((await editor.post('/en/editor/network/regions/new?lang=en', fields)).status, 303);
    await editor.get('/en/editor/network/regions/mena/edit?lang=en');
    assert.match(editor.lastHtml, /Delete this regional network/);
    const member = await signedIn(t, 'member@city.example');
    await member.get('/en/');
    assert.equal((await member.post('/en/editor/network/regions/mena/delete', { confirm: 'yes' })).status, 403);
    assert.equal((await editor.post('/en/editor/network/regions/mena/delete', { confirm: 'yes', _csrf: 'forged' })).status, 403);
    assert.equal((await selectRegionalNetworks(db, { regionSlug: 'mena' })).length, 1);
    await editor.get('/en/editor/network/regions/mena/edit?lang=en');
    assert.equal((await editor.post('/en/editor/network/regions/mena/delete', { confirm: 'yes' })).status, 303);
    assert.equal((await selectRegionalNetworks(db, { regionSlug: 'mena' })).length, 0);
    assert.equal((await t.request('/en/about/regions/mena')).status, 404);
    assert.equal((await editor.post('/en/editor/network/regions/mena/delete', { confirm: 'yes' })).status, 404);
  });
});

describe('a refused partner save with a logo', () => {
  it('leaves neither an upload nor a file behind', async () => {
    const db = t.database.db;
    const editor = await signedIn(t, 'editor@city.example');
    await editor.get('/en/editor/network/partners/new');
    assert.equal(
      (await editor.postMultipart('/en/editor/network/partners/new?lang=en', partnerForm({ slug: 'taken', name: 'First' }))).status,
      303,
    );
    const filesBefore = storedFiles();
    const rowsBefore = (await db.selectFrom('uploads').select('id').execute()).length;
    const logo = file(await photo(77, 33), 'logo.jpg', 'image/jpeg');
    const refused = await editor.postMultipart(
      '/en/editor/network/partners/new?lang=en',
      partnerForm({ slug: 'taken', name: 'Second' }, logo),
    );
    assert.equal(refused.status, 422);
    assert.match(editor.lastHtml, /Another page already has this address\./);
    assert.equal((await db.selectFrom('uploads').select('id').execute()).length, rowsBefore);
    assert.deepEqual(storedFiles(), filesBefore, 'no orphaned file on disk');
  });
});

describe('the "partners" and "regionalNetworks" arrays of the exchange format', () => {
  const partner = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalId,
    status: 'published',
    slug: externalId,
    position: 3,
    websiteUrl: 'https://partner.example/',
    contactName: 'Desk',
    contactEmail: `${externalId}@partner.example`,
    translations: {
      en: { name: `Partner ${externalId}`, description: 'Works with cities.', logoAlt: '' },
      ar: { name: 'شريك', description: '', logoAlt: '' },
    },
    ...overrides,
  });

  it('imports partners idempotently by externalId, rejects bad records with reasons, and round-trips', async () => {
    const db = t.database.db;
    const report = await importPartners(db, [
      partner('pa-1'),
      partner('pa-2', { slug: 'pa-1' }),
      partner('pa-3', { contactEmail: 'not-an-address', slug: 'Bad Slug' }),
      partner('pa-4', { translations: {} }),
      partner('pa-1'),
    ]);
    assert.deepEqual(
      report.map((r) => `${r.externalId}:${r.outcome}`),
      ['pa-1:created', 'pa-2:rejected', 'pa-3:rejected', 'pa-4:rejected', 'pa-1:rejected'],
    );
    assert.match(report[1]?.reasons.join() ?? '', /slug: pa-1 is the address of partner pa-1/);
    assert.match(report[2]?.reasons.join() ?? '', /slug: must be lower-case.*contactEmail: must be an e-mail address/);
    assert.match(report[3]?.reasons.join() ?? '', /at least one translation/);
    assert.match(report[4]?.reasons.join() ?? '', /appears twice/);

    // Without --with-emails the address stays home, and importing that file keeps the stored one.
    const plain = await exportPartners(db, { withEmails: false });
    assert.ok(plain.every((p) => !('contactEmail' in p)));
    assert.ok((await importPartners(db, plain)).every((r) => r.outcome === 'updated'));
    assert.equal((await selectPartners(db, { externalId: 'pa-1' }))[0]?.contactEmail, 'pa-1@partner.example');
    const full = await exportPartners(db, { withEmails: true });
    assert.ok((await importPartners(db, full)).every((r) => r.outcome === 'updated'));
    assert.deepEqual(await exportPartners(db, { withEmails: true }), full);
    assert.deepEqual(
      full.find((p) => p.externalId === 'pa-1'),
      { ...partner('pa-1'), translations: { ar: partner('pa-1').translations.ar, en: partner('pa-1').translations.en } },
    );
  });

  it('imports regional networks idempotently by externalId, rejects bad records with reasons, and round-trips', async () => {
    const db = t.database.db;
    const network = (externalId: string, region: string, overrides: Record<string, unknown> = {}) => ({
      externalId,
      status: 'published',
      region,
      position: 1,
      coordinatorName: 'Coordinator',
      coordinatorEmail: `${externalId}@network.example`,
      translations: { en: { name: `Network ${region}`, description: 'Cities of the region.' } },
      ...overrides,
    });
    const report = await importRegionalNetworks(db, [
      network('rn-1', 'europe'),
      network('rn-2', 'europe'),
      network('rn-3', 'atlantis'),
      network('rn-4', 'mena', { translations: { en: { name: '' } } }),
    ]);
    assert.deepEqual(
      report.map((r) => r.outcome),
      ['created', 'rejected', 'rejected', 'rejected'],
    );
    assert.match(report[1]?.reasons.join() ?? '', /region: europe has the regional network rn-1/);
    assert.match(report[2]?.reasons.join() ?? '', /region: unknown region atlantis/);
    assert.match(report[3]?.reasons.join() ?? '', /name is required/);
    const plain = await exportRegionalNetworks(db, { withEmails: false });
    assert.ok(plain.every((r) => !('coordinatorEmail' in r)));
    assert.ok((await importRegionalNetworks(db, plain)).every((r) => r.outcome === 'updated'));
    const full = await exportRegionalNetworks(db, { withEmails: true });
    assert.deepEqual(
      full.find((r) => r.externalId === 'rn-1'),
      network('rn-1', 'europe'),
    );
    assert.ok((await importRegionalNetworks(db, full)).every((r) => r.outcome === 'updated'));
    assert.deepEqual(await exportRegionalNetworks(db, { withEmails: true }), full);
  });
});
