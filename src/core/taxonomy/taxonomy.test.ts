import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { upsertThemes } from './taxonomy.queries.ts';
import { countCountriesByRegion, listThemesWithTopics, loadTaxonomy, loadTaxonomyIndex, regionOfCountry } from './taxonomy.service.ts';
import { countryRegions, REGION_SLUGS, sdgName, sustainableDevelopmentGoals, taxonomyData } from './taxonomy-data.service.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
});
after(() => handle.close());

describe('taxonomy', () => {
  it('loads themes, topics, regions and countries, and loading again changes nothing', async () => {
    const first = await loadTaxonomy(handle.db);
    const second = await loadTaxonomy(handle.db);
    assert.deepEqual(first, second);
    assert.deepEqual(first, { regions: 6, themes: 4, topics: 28, countries: 250 });
    const rows = await handle.db
      .selectFrom('topics')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(rows.n), 28);
  });

  it('builds the index of valid values once, and again after the taxonomy changes', async () => {
    const first = await loadTaxonomyIndex(handle.db);
    assert.equal(await loadTaxonomyIndex(handle.db), first, 'the same index while nothing changed');
    await upsertThemes(handle.db, [{ slug: 'night-economy', position: 99, label: { en: 'Night economy' } }]);
    const changed = await loadTaxonomyIndex(handle.db);
    assert.notEqual(changed, first);
    assert.ok(changed.themes.has('night-economy') && !first.themes.has('night-economy'));
    await handle.db.deleteFrom('themes').where('slug', '=', 'night-economy').execute();
  });

  it('maps every ISO 3166-1 country (and Kosovo) to a programme region', async () => {
    const codes = Object.keys(countryRegions);
    assert.equal(codes.length, 250);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of codes) if (code !== 'XK') assert.ok(names.of(code), `${code} is not a region code`);
    const counts = await countCountriesByRegion(handle.db);
    assert.deepEqual(counts.map((c) => c.region_slug).sort(), [...REGION_SLUGS].sort());
  });

  it('follows the taxonomy’s rule for the network’s countries', async () => {
    const expected: Record<string, string> = {
      XK: 'southeast-europe-caucasus',
      GE: 'southeast-europe-caucasus',
      TR: 'southeast-europe-caucasus',
      UA: 'southeast-europe-caucasus',
      MA: 'mena',
      TN: 'mena',
      JO: 'mena',
      PS: 'mena',
      IR: 'mena',
      KE: 'sub-saharan-africa',
      SD: 'sub-saharan-africa',
      MR: 'sub-saharan-africa',
      BR: 'latin-america',
      MX: 'latin-america',
      JM: 'latin-america',
      ID: 'asia',
      IN: 'asia',
      UZ: 'asia',
      AF: 'asia',
      DE: 'europe',
      FR: 'europe',
      HR: 'europe',
    };
    for (const [code, region] of Object.entries(expected)) {
      assert.equal(await regionOfCountry(handle.db, code), region, code);
    }
    assert.equal(await regionOfCountry(handle.db, 'de'), 'europe', 'codes are case-insensitive');
    assert.equal(await regionOfCountry(handle.db, 'QQ'), null);
    assert.equal(await regionOfCountry(handle.db, "'; drop table countries; --"), null);
  });

  it('lists themes with their topics in the reader’s language, in taxonomy order', async () => {
    const themes = await listThemesWithTopics(handle.db, 'de');
    assert.deepEqual(
      themes.map((t) => t.slug),
      taxonomyData.themes.map((t) => t.slug),
    );
    const services = themes.find((t) => t.slug === 'municipal-services');
    assert.ok(
      services?.topics.some((t) => t.slug === 'waste-management' && t.label === 'Abfallwirtschaft und Recycling'),
      JSON.stringify(services?.topics),
    );
  });

  it('names the 17 Sustainable Development Goals in every language, as the UN does', () => {
    assert.equal(sustainableDevelopmentGoals.length, 17);
    assert.equal(sdgName(11, 'en'), 'Sustainable cities and communities');
    assert.equal(sdgName(11, 'de'), 'Nachhaltige Städte und Gemeinden');
    assert.equal(sdgName(11, 'fr'), 'Villes et communautés durables');
    assert.equal(sdgName(11, 'es'), 'Ciudades y comunidades sostenibles');
    assert.equal(sdgName(11, 'ar'), 'مدن ومجتمعات محلية مستدامة');
    assert.equal(sdgName(17, 'en'), 'Partnerships for the goals');
    for (const locale of ['de', 'fr', 'es', 'ar'] as const) {
      const names = sustainableDevelopmentGoals.map((goal) => goal.label[locale]);
      assert.equal(new Set(names).size, 17, `${locale}: 17 different names`);
      assert.ok(
        names.every((name, i) => name !== sustainableDevelopmentGoals[i]?.label.en),
        `${locale}: translated, not English`,
      );
    }
  });
});
