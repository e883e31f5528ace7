import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importPublications } from './publications.import.ts';

// The documentation of the demo exchanges, in the exchange format (docs/import-format.md). The records
// name their events by external id, so they load after the events' demo.

export const publicationsDemo: DemoSeedStep[] = [
  {
    name: 'demo-publications',
    load: async (trx) => {
      const file = new URL('./demo/demo-publications.json', import.meta.url);
      const { publications } = JSON.parse(readFileSync(file, 'utf8')) as { publications: unknown[] };
      const rejected = (await importPublications(trx, publications)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo publications rejected: ${JSON.stringify(rejected)}`);
    },
  },
];
