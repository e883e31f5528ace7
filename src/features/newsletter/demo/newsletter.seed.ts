import { readFileSync } from 'node:fs';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { DemoSeedStep } from '../../../platform/module.ts';
import { findEditionByExternalId, updateEdition } from '../editions/editions.queries.ts';
import { importEditions } from '../exchange/editions.import.ts';
import { readSubscriberCsv } from '../exchange/subscribers-csv.model.ts';
import { importSubscribers } from '../exchange/subscribers-exchange.service.ts';

// The newsletter's demo: No. 34 (December 2020) as it went out, in German and English, built from the
// demo events, practices and call of that month; a draft of No. 35; and 300 invented subscribers in the
// five languages, on a reserved domain (subscribers.peerpolis.example: RFC 2606, no mail can reach
// anyone). Both load through the importers the CLI uses, so the demo proves the formats too. The
// newsletter is listed after the content modules, so what the editions name exists by now.

const file = (name: string) => new URL(`./${name}`, import.meta.url);

export const newsletterDemo: DemoSeedStep[] = [
  {
    name: 'demo-newsletter-editions',
    load: async (trx, ctx) => {
      const { newsletterEditions } = JSON.parse(readFileSync(file('demo-editions.json'), 'utf8')) as { newsletterEditions: unknown[] };
      const rejected = (await importEditions(trx, newsletterEditions, ctx.extensions)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo editions rejected: ${JSON.stringify(rejected)}`);
      // An import makes editions ready; the demo's history says No. 34 went out on its day and No. 35 is being written.
      const sent = await findEditionByExternalId(trx, 'demo-newsletter-34');
      const draft = await findEditionByExternalId(trx, 'demo-newsletter-35');
      if (!sent || !draft) throw new Error('Demo editions missing after import');
      await updateEdition(trx, sent.id, {
        status: 'sent',
        sendingStartedAt: new Date('2020-12-10T08:00:00Z'),
        sentAt: new Date('2020-12-10T08:42:00Z'),
      });
      await updateEdition(trx, draft.id, { status: 'draft' });
    },
  },
  {
    name: 'demo-newsletter-subscribers',
    load: async (trx, ctx) => {
      const index = await loadTaxonomyIndex(trx);
      const read = readSubscriberCsv(readFileSync(file('demo-subscribers.csv')), { themes: index.themes, regions: index.regions });
      if (!read.ok) throw new Error(`Demo subscribers: ${read.message}`);
      if (read.rejected.length) throw new Error(`Demo subscribers rejected: ${JSON.stringify(read.rejected)}`);
      await importSubscribers(trx, read.rows, { askConsent: false, baseUrl: ctx.baseUrl });
    },
  },
];
