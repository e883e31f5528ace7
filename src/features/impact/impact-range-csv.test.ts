import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent } from '../../../tests/helpers/events.ts';

// The impact page for a range of years, and each of its tables as a CSV file for reports.

let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  const db = t.database.db;
  const held = (slug: string, iso: string, themes: string[]) =>
    insertEvent(db, { slug, startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000), themes });
  await held('in-2019', '2019-05-14T08:00:00Z', ['local-economic-development']);
  await held('in-2020', '2020-05-14T08:00:00Z', ['municipal-services']);
  await held('in-2021', '2021-05-14T08:00:00Z', ['municipal-services']);
  // A theme whose name a spreadsheet would run as a formula (an editor's typo, or worse).
  await sql`update themes set label = jsonb_set(label, '{en}', to_jsonb(${"=cmd|' /C calc'!A0"}::text)) where slug = 'municipal-services'`.execute(
    db,
  );
});
after(() => t.close());

const figure = (html: string) => /<strong>(\d+)<\/strong><span>exchange events? held<\/span>/.exec(html)?.[1];
/** A table's rows as text cells, from the HTML: [row heading, figures…]. */
const tableRows = (html: string, dimension: string) => {
  const section = html.slice(html.indexOf(`id="by-${dimension}"`), html.indexOf('</table>', html.indexOf(`id="by-${dimension}"`)));
  const body = section.slice(section.indexOf('<tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...(m[1] as string).matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => (c[1] as string).replaceAll('&#39;', "'")),
  );
};
/** A CSV file's records, parsed from the RFC 4180 text every field of which is quoted. */
const csvRecords = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] as string).replaceAll('""', '"')));

describe('a range of years', () => {
  it('restricts every figure and table to those years, and keeps the range in the links', async () => {
    assert.equal(figure(await (await t.request('/en/impact')).text()), '3');
    const html = await (await t.request('/en/impact?from=2020&to=2021')).text();
    assert.equal(figure(html), '2');
    assert.deepEqual(
      tableRows(html, 'year').map((r) => r[0]),
      ['2020', '2021'],
    );
    const economy = tableRows(html, 'theme').find((r) => r[0] === 'Local economic development');
    assert.equal(economy?.[1], '0', 'the 2019 event is outside the range');
    assert.match(html, /<input id="field-from" name="from" type="text" inputmode="numeric"[^>]*value="2020"/);
    assert.match(html, /Figures for 2020 to 2021\./);
    assert.ok(html.includes('href="/en/impact/year.csv?from=2020&amp;to=2021"'), 'the CSV link keeps the range');
    assert.ok(html.includes('href="/en/impact?from=2020&amp;to=2021&amp;year=events'), 'so do the chart links');
    const open = await (await t.request('/en/impact?from=2021')).text();
    assert.equal(figure(open), '1', 'an end may stay open');
  });

  it('answers a range that does not read with a localized message, keeping what was typed, never a 400', async () => {
    const res = await t.request('/en/impact?from=20x9&to=2018');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /class="error-summary" role="alert"/);
    assert.match(html, /From year: Please enter a year with four digits, like 2019\./);
    assert.match(html, /There is a problem<\/h2>/, 'one problem: a year that did not read is not compared');
    assert.match(html, /value="20x9"/);
    assert.match(html, /value="2018"/);
    assert.equal(figure(html), '3', 'the figures stay those of all years, and the page says so');
    const reversed = await (await t.request('/fr/impact?from=2021&to=2019')).text();
    assert.match(reversed, /aria-invalid="true"/);
    assert.match(reversed, /Jusqu’à l’année: L’année de fin ne peut pas être antérieure à l’année de début\./);
    const csv = await t.request('/en/impact/year.csv?from=abc');
    assert.equal(csv.status, 303, 'a bad range in a file link leads to the page that explains it');
    assert.equal(csv.headers.get('location'), '/en/impact?from=abc');
  });
});

describe('CSV files', () => {
  it('gives each table as a file with its header row and the same rows, as an attachment', async () => {
    const html = await (await t.request('/en/impact')).text();
    for (const dimension of ['year', 'theme', 'region']) {
      assert.ok(html.includes(`href="/en/impact/${dimension}.csv"`), `a link next to the ${dimension} table`);
      const res = await t.request(`/en/impact/${dimension}.csv`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="impact-per-${dimension}.csv"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, for Excel');
      const text = new TextDecoder().decode(bytes);
      const [header, ...rows] = csvRecords(text);
      assert.deepEqual(header?.slice(1), ['Events', 'Participants', 'Good practices', 'Experts', 'Project ideas']);
      const fromPage = tableRows(html, dimension).map((r) => [r[0]?.replace(/^'/, ''), ...r.slice(1)]);
      assert.deepEqual(
        rows.map((r) => [r[0]?.replace(/^'/, ''), ...r.slice(1)]),
        fromPage,
      );
    }
    const ranged = await t.request('/en/impact/year.csv?from=2020&to=2021');
    assert.equal(ranged.headers.get('content-disposition'), 'attachment; filename="impact-per-year-2020-2021.csv"');
    assert.deepEqual(
      csvRecords(await ranged.text())
        .slice(1)
        .map((r) => r[0]),
      ['2020', '2021'],
    );
  });

  it('writes headers in the reader’s language and neutralises a cell a spreadsheet would run', async () => {
    const de = csvRecords(await (await t.request('/de/impact/year.csv')).text());
    assert.deepEqual(de[0]?.slice(0, 2), ['Jahr', 'Veranstaltungen']);
    const themes = csvRecords(await (await t.request('/en/impact/theme.csv')).text());
    const names = themes.map((r) => r[0]);
    assert.ok(names.includes("'=cmd|' /C calc'!A0"), 'prefixed with an apostrophe: text, not a formula');
    assert.ok(!names.some((name) => name?.startsWith('=')));
    assert.equal((await t.request('/en/impact/people.csv')).status, 404);
  });
});
