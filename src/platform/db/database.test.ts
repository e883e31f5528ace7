import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { migrations } from '../../modules.ts';
import type { DatabaseHandle } from './client.ts';
import { migrateToLatest } from './migrate.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
});
after(() => handle.close());

describe(`database (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is migrated, and migrating again changes nothing', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(handle.db);
    const names = tables.rows.map((r) => r.table_name);
    for (const table of ['regions', 'countries', 'themes', 'topics', 'cities', 'practices', 'practice_translations', 'events', 'experts']) {
      assert.ok(names.includes(table), `missing table ${table}`);
    }
    assert.deepEqual(await migrateToLatest(handle.db, migrations), { applied: [] });
  });

  it('has a stemming text-search configuration for each of the five languages', async () => {
    const cases = [
      ['en', 'Cities recycling plastics', 'city recycled plastic'],
      ['de', 'Die Abfallsammlerinnen der Stadt', 'Abfallsammler'],
      ['de', 'Eine Expertin für Stadtplanung in Berlin', 'Experten Stadtplanungen Berlin'],
      ['fr', 'Les collectivités locales lancent des projets', 'collectivité projet'],
      ['es', 'Los municipios desarrollaron proyectos', 'municipio proyecto'],
      ['ar', 'المدن المستدامة', 'مدن'],
    ] as const;
    for (const [locale, text, query] of cases) {
      const result = await sql<{ config: string; hit: boolean; simple: boolean }>`
        select text_search_config(${locale})::text as config,
               to_search_vector(${locale}, ${text}) @@ to_search_query(${locale}, ${query}) as hit,
               to_tsvector('simple', ${text}) @@ plainto_tsquery('simple', ${query}) as simple`.execute(handle.db);
      const row = result.rows[0];
      assert.ok(row?.hit, `${locale} (${row?.config}) should match "${query}" in "${text}"`);
      // Proves the match comes from stemming, not from the words being identical.
      if (locale !== 'ar') assert.equal(row?.simple, false, `${locale}: "${query}" should not match without stemming`);
    }
  });

  it('searches translations through the generated, language-aware search column', async () => {
    const practice = await handle.db
      .insertInto('practices')
      .values({
        slug: 'waste-pickers',
        external_id: 'test-1',
        status: 'published',
        city_id: null,
        country_code: null,
        start_year: 2020,
        end_year: null,
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('practice_translations')
      .values([
        {
          practice_id: practice.id,
          locale: 'de',
          title: 'Abfallsammlerinnen in die Stadtreinigung einbinden',
          summary: 'Informelle Sammler werden Partner.',
        },
        {
          practice_id: practice.id,
          locale: 'en',
          title: 'Bringing waste pickers into municipal cleaning',
          summary: 'Informal collectors become partners.',
        },
      ])
      .execute();
    const found = await sql<{ locale: string }>`
      select locale from practice_translations
      where search @@ to_search_query(locale, ${'Abfallsammler'})`.execute(handle.db);
    assert.deepEqual(
      found.rows.map((r) => r.locale),
      ['de'],
    );
  });

  it('finds names with typos through pg_trgm and ignores accents through unaccent', async () => {
    const result = await sql<{ close: boolean; plain: string }>`
      select similarity('Mitrovica', 'Mitroviza') > 0.4 as close, unaccent('Türkiye Ağrı') as plain`.execute(handle.db);
    assert.equal(result.rows[0]?.close, true);
    assert.equal(result.rows[0]?.plain, 'Turkiye Agri');
  });

  it('keeps calendar days as YYYY-MM-DD strings on both engines', async () => {
    const result = await sql<{ day: string }>`select date '2020-11-18' as day`.execute(handle.db);
    assert.equal(result.rows[0]?.day, '2020-11-18');
  });
});
