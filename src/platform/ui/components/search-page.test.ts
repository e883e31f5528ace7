import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';

// The list pages on a phone: the number of results comes first, then the filters folded in a <details>
// whose summary says how many are applied, then the results. Checked on every page built on SearchPage.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
});
after(() => t.close());

async function html(path: string): Promise<string> {
  const res = await t.request(path);
  assert.equal(res.status, 200, path);
  return res.text();
}

/** The position of `pattern` in `page`, failing when it is missing. */
function at(page: string, pattern: RegExp, what: string): number {
  const index = page.search(pattern);
  assert.ok(index >= 0, `${what} is missing`);
  return index;
}

describe('search pages', () => {
  const pages: Array<{ path: string; summary: string }> = [
    { path: '/en/practices?region=mena&sdg=11', summary: 'Filters (2)' },
    { path: '/en/experts?language=fr', summary: 'Filters (1)' },
    { path: '/en/events?kind=webinar&format=virtual&when=past', summary: 'Filters (2)' },
    { path: '/en/project-ideas?stage=validated&stage=in-planning&region=mena', summary: 'Filters (3)' },
    { path: '/fr/practices', summary: 'Filtres' },
  ];
  for (const { path, summary } of pages) {
    it(`${path}: the count, then the filters folded away (“${summary}”), then the results`, async () => {
      const page = await html(path);
      const count = at(page, /<div role="status" class="results-count"><h2 id="results-title">/, 'the count');
      const panel = at(
        page,
        new RegExp(`<details class="filter-panel"><summary>${summary.replace(/[()]/g, '\\$&')}</summary>`),
        'the panel',
      );
      const results = at(page, /<section class="results"/, 'the results');
      assert.ok(count < panel && panel < results, `order: count ${count}, filters ${panel}, results ${results}`);
      assert.doesNotMatch(page, /<details class="filter-panel" open/, 'folded until asked for');
    });
  }

  it('keeps the words box outside the folded filters', async () => {
    const page = await html('/en/project-ideas?q=women');
    assert.ok(at(page, /id="project-q"[^>]*value="women"/, 'the words box') < at(page, /<details class="filter-panel">/, 'the panel'));
  });

  it('names the Sustainable Development Goals in the facet, in the reader’s language', async () => {
    assert.match(await html('/en/practices'), /<label for="f-sdg-11">11 Sustainable cities and communities /);
    assert.match(await html('/fr/practices'), /<label for="f-sdg-11">11 Villes et communautés durables /);
    assert.match(await html('/de/practices'), /<label for="f-sdg-11">11 Nachhaltige Städte und Gemeinden /);
    assert.match(await html('/es/practices'), /<label for="f-sdg-11">11 Ciudades y comunidades sostenibles /);
    assert.match(await html('/ar/practices'), /<label for="f-sdg-11">[^<]* مدن ومجتمعات محلية مستدامة /);
  });
});
