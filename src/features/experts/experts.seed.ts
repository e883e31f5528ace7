import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importExperts } from './import/experts.import.ts';

// The demo experts, in the exchange format (docs/import-format.md): each gets a member account without
// password for its address, as an import gives them.

export const expertsDemo: DemoSeedStep[] = [
  {
    name: 'demo-experts',
    load: async (trx) => {
      const { experts } = JSON.parse(readFileSync(new URL('./demo/demo-experts.json', import.meta.url), 'utf8')) as { experts: unknown[] };
      const rejected = (await importExperts(trx, experts)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo experts rejected: ${JSON.stringify(rejected)}`);
    },
  },
];
