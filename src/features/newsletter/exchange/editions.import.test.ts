import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { Extensions, extend } from '../../../platform/extension.ts';
import { findEditionByExternalId, updateEdition } from '../editions/editions.queries.ts';
import { loadEditionById } from '../editions/editions.service.ts';
import { newsletterItemSources } from '../item-sources.ts';
import type { NewsletterItemSource } from '../newsletter.model.ts';
import { exportEditions, importEditions } from './editions.import.ts';

// Item sources of the test's own: the importer asks them which refs exist, whatever modules are installed.
const source = (kind: string, known: string[]): NewsletterItemSource => ({
  kind,
  suggest: async () => [],
  render: async () => new Map(),
  exists: async (_db, ids) => new Set(ids.filter((id) => known.includes(id))),
});
const extensions = new Extensions([
  extend(newsletterItemSources, source('event', ['trier-2020', 'mitrovica-2020'])),
  extend(newsletterItemSources, source('practice', ['agadir'])),
]);

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(() => t.close());

const edition = (overrides: Record<string, unknown> = {}) => ({
  externalId: 'nl-40',
  number: 40,
  date: '2021-09-01',
  translations: {
    en: { subject: 'No. 40', preheader: 'Autumn', editorial: 'Dear members,\n\nWelcome back.' },
    de: { subject: 'Nr. 40', preheader: 'Herbst', editorial: 'Liebe Mitglieder,\n\nwillkommen zurück.' },
  },
  sections: [
    { kind: 'review', items: [{ ref: 'event:trier-2020' }, { ref: 'event:mitrovica-2020' }] },
    { kind: 'insight', items: [{ ref: 'practice:agadir' }] },
    {
      kind: 'outlook',
      items: [
        {
          translations: { en: { title: 'Next year', text: 'Topics' }, de: { title: 'Nächstes Jahr', text: 'Themen' } },
          url: 'https://example.org/2022',
        },
      ],
    },
    { kind: 'connect', items: [{ translations: { en: { title: 'Find a peer', text: 'Ask us.' } } }] },
  ],
  ...overrides,
});
const run = (records: unknown[]) => importEditions(t.database.db, records, extensions);

describe('newsletterEditions import and export', () => {
  it('imports a new edition as ready with its texts and items, and a second import updates it', async () => {
    assert.deepEqual(await run([edition()]), [{ externalId: 'nl-40', outcome: 'created', reasons: [] }]);
    const row = await findEditionByExternalId(t.database.db, 'nl-40');
    assert.equal(row?.status, 'ready');
    const loaded = await loadEditionById(t.database.db, row?.id as number);
    assert.deepEqual(loaded?.locales, ['en', 'de']);
    assert.deepEqual(
      loaded?.sections.review.map((i) => i.ref),
      ['event:trier-2020', 'event:mitrovica-2020'],
    );
    assert.equal(loaded?.sections.outlook[0]?.url, 'https://example.org/2022');

    const changed = edition({ translations: { en: { subject: 'No. 40, revised', preheader: '', editorial: '' } } });
    assert.deepEqual(await run([changed]), [{ externalId: 'nl-40', outcome: 'updated', reasons: [] }]);
    const again = await loadEditionById(t.database.db, row?.id as number);
    assert.deepEqual(again?.locales, ['en'], 'a language left out of the file is removed');
    assert.equal(again?.translations.en?.subject, 'No. 40, revised');
    await run([edition()]);
  });

  it('rejects, with reasons, unknown refs, an empty or missing section, a language without subject and a taken number', async () => {
    const report = await run([
      edition({
        externalId: 'bad-ref',
        number: 41,
        sections: [...edition().sections.slice(1), { kind: 'review', items: [{ ref: 'event:nowhere' }, { ref: 'news:x' }, { ref: '??' }] }],
      }),
      edition({ externalId: 'empty', number: 42, sections: [{ kind: 'review', items: [] }] }),
      edition({ externalId: 'missing', number: 43, sections: edition().sections.slice(0, 3) }),
      edition({ externalId: 'no-subject', number: 44, translations: { en: { subject: 'ok' }, ar: { subject: '  ', editorial: 'نص' } } }),
      edition({ externalId: 'clash', number: 40 }),
      // An Invalid Date (month 13) is this record's reason, not an exception that ends the import.
      edition({ externalId: 'bad-date', number: 45, date: '2021-13-45' }),
    ]);
    assert.ok(report.every((r) => r.outcome === 'rejected'));
    const reasons = Object.fromEntries(report.map((r) => [r.externalId, r.reasons.join(' | ')]));
    assert.match(reasons['bad-ref'] as string, /ref "event:nowhere": no such event/);
    assert.match(reasons['bad-ref'] as string, /ref "news:x": no content of kind "news"/);
    assert.match(reasons['bad-ref'] as string, /ref "\?\?" is not <kind>:<externalId>/);
    assert.match(reasons.empty as string, /sections\.0\.items: an empty section/);
    assert.match(reasons.missing as string, /the connect section has no items/);
    assert.match(reasons['no-subject'] as string, /translations\.ar\.subject: subject is required/);
    assert.match(reasons.clash as string, /number: No\. 40 is edition nl-40 already/);
    assert.equal(reasons['bad-date'], 'date: not a calendar day');
    for (const id of ['bad-ref', 'empty', 'missing', 'no-subject', 'clash', 'bad-date'])
      assert.equal(await findEditionByExternalId(t.database.db, id), undefined);
  });

  it('exports the same shape; importing the export changes nothing; a sent edition is left as it is or refused', async () => {
    await run([edition({ externalId: 'nl-39', number: 39, date: '2021-06-01' })]);
    const sent = await findEditionByExternalId(t.database.db, 'nl-39');
    await updateEdition(t.database.db, sent?.id as number, { status: 'sent', sentAt: new Date('2021-06-01T08:00:00Z') });

    const exported = await exportEditions(t.database.db);
    assert.deepEqual(
      exported.map((e) => e.externalId),
      ['nl-39', 'nl-40'],
    );
    assert.deepEqual(exported[1], {
      ...edition(),
      translations: { de: edition().translations.de, en: edition().translations.en },
      sections: edition().sections.map((s) => ({
        ...s,
        items: s.items.map((i) => ('ref' in i ? i : { translations: i.translations, url: 'url' in i ? i.url : null })),
      })),
    });
    const report = await run(exported);
    assert.deepEqual(
      report.map((r) => r.outcome),
      ['updated', 'updated'],
    );
    assert.deepEqual(await exportEditions(t.database.db), exported);
    assert.equal((await findEditionByExternalId(t.database.db, 'nl-39'))?.status, 'sent');

    const [changedSent] = await run([{ ...exported[0], translations: { en: { subject: 'Rewritten history' } } }]);
    assert.equal(changedSent?.outcome, 'rejected');
    assert.match(changedSent?.reasons.join() ?? '', /already sent/);
  });
});
