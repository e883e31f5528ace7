import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { listLatestPractices } from '../list/practice-list.service.ts';
import { exportPractices, importPractices } from './practices.import.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => handle.close());

const practice = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  status: 'published',
  city: 'Mitrovica',
  country: 'XK',
  themes: [],
  topics: ['waste-management', 'informal-economy'],
  sdgs: [11, 8],
  startYear: 2019,
  endYear: 2021,
  translations: {
    de: {
      title: 'Informelle Sammlerinnen in die Abfallwirtschaft einbinden',
      summary: 'Die Stadt arbeitet mit den Abfallsammlerinnen zusammen.',
      approach: '1. Die Abfallsammlerinnen registrieren.\n2. Sammelrouten gemeinsam planen.',
    },
    en: { title: 'Integrating informal waste pickers', summary: 'The city works with the waste pickers.' },
  },
  contact: { name: 'Department of Public Services', organisation: 'Municipality of Mitrovica' },
  ...overrides,
});

const count = async () => (await sql<{ n: number }>`select count(*)::int as n from practices`.execute(handle.db)).rows[0]?.n;

describe('import and export of good practices', () => {
  it('imports valid records and rejects invalid ones one by one, saying why', async () => {
    const report = await importPractices(handle.db, [
      practice('imp-1'),
      practice('imp-2', { topics: ['no-such-topic'] }),
      practice('imp-3', { country: 'QQ' }),
      practice('imp-4', { translations: { en: { title: '', summary: 'x' } } }),
      practice('imp-5', { startYear: 2022, endYear: 2020 }),
      practice('imp-6', { status: 'archived' }),
      'not an object',
      practice('imp-7', {
        city: 'Tunis',
        country: 'tn',
        translations: { fr: { title: 'Tri sélectif', summary: 'Les collectivités trient.' } },
      }),
      practice('imp-7'),
    ]);
    assert.deepEqual(
      report.map((r) => `${r.externalId}:${r.outcome}`),
      [
        'imp-1:created',
        'imp-2:rejected',
        'imp-3:rejected',
        'imp-4:rejected',
        'imp-5:rejected',
        'imp-6:rejected',
        '#7:rejected',
        'imp-7:created',
        'imp-7:rejected',
      ],
    );
    assert.match(report[1]?.reasons.join() ?? '', /topics: unknown slug "no-such-topic"/);
    assert.match(report[2]?.reasons.join() ?? '', /country: unknown code "QQ"/);
    assert.match(report[3]?.reasons.join() ?? '', /title is required/);
    assert.match(report[4]?.reasons.join() ?? '', /endYear/);
    assert.match(report[8]?.reasons.join() ?? '', /appears twice/);
    assert.equal(await count(), 2);
  });

  it('is idempotent by externalId: a re-import updates, keeps the URL, and replaces texts', async () => {
    const before = await handle.db
      .selectFrom('practices')
      .select(['id', 'slug'])
      .where('external_id', '=', 'imp-1')
      .executeTakeFirstOrThrow();
    const report = await importPractices(handle.db, [
      practice('imp-1', { translations: { en: { title: 'Renamed', summary: 'New summary' } }, sdgs: [12] }),
    ]);
    assert.deepEqual(report, [{ externalId: 'imp-1', outcome: 'updated', reasons: [] }]);
    const after = await handle.db
      .selectFrom('practices')
      .select(['id', 'slug', 'sdgs'])
      .where('external_id', '=', 'imp-1')
      .executeTakeFirstOrThrow();
    assert.equal(after.id, before.id);
    assert.equal(after.slug, before.slug);
    assert.deepEqual(after.sdgs, [12]);
    const locales = await handle.db.selectFrom('practice_translations').select('locale').where('practice_id', '=', after.id).execute();
    assert.deepEqual(
      locales.map((l) => l.locale),
      ['en'],
      'a language dropped from the file is dropped',
    );
    assert.equal(await count(), 2);
  });

  it('derives themes from topics and links the practice to both', async () => {
    const { id } = await handle.db.selectFrom('practices').select('id').where('external_id', '=', 'imp-7').executeTakeFirstOrThrow();
    const themes = await handle.db
      .selectFrom('practice_themes')
      .select('theme_slug')
      .where('practice_id', '=', id)
      .orderBy('theme_slug')
      .execute();
    assert.deepEqual(
      themes.map((t) => t.theme_slug),
      ['local-economic-development', 'municipal-services'],
    );
  });

  it('exports in the import format, and the export imports back unchanged', async () => {
    const first = await exportPractices(handle.db);
    assert.equal(first.practices.length, 2);
    const report = await importPractices(handle.db, first.practices);
    assert.ok(report.every((r) => r.outcome === 'updated'));
    assert.deepEqual(await exportPractices(handle.db), first);
  });

  it('makes every section searchable with the language’s stemming (German, French, Arabic)', async () => {
    await importPractices(handle.db, [
      practice('imp-8', {
        translations: {
          de: { title: 'Abfall', summary: 'Kurz.', lessons: 'Die Abfallsammlerinnen wurden Partnerinnen der Stadt.' },
          fr: { title: 'Déchets', summary: 'Bref.', results: 'Les collectivités locales ont recyclé les déchets plastiques.' },
          ar: { title: 'النفايات', summary: 'موجز.', approach: 'جمع النفايات البلاستيكية في المدن' },
        },
      }),
    ]);
    const find = async (locale: string, query: string) =>
      (
        await sql<{ external_id: string }>`
          select p.external_id from practice_translations t join practices p on p.id = t.practice_id
          where t.locale = ${locale} and t.search @@ to_search_query(${locale}, ${query})`.execute(handle.db)
      ).rows.map((r) => r.external_id);
    assert.deepEqual(await find('de', 'Abfallsammler'), ['imp-8']);
    assert.deepEqual(await find('fr', 'collectivité plastique'), ['imp-8']);
    assert.deepEqual(await find('ar', 'النفايات البلاستيك'), ['imp-8']);
  });

  it('keeps drafts off public lists', async () => {
    await importPractices(handle.db, [
      practice('imp-9', { status: 'draft', translations: { en: { title: 'Secret draft', summary: 'Not yet.' } } }),
    ]);
    const listed = await listLatestPractices(handle.db, 'en', 50);
    assert.ok(!listed.some((p) => p.title === 'Secret draft'));
  });
});
