import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importProjectIdeas } from './project-ideas.import.ts';

// The six project ideas of the January 2021 MENA project-planning workshop, in the exchange format
// (docs/import-format.md). They name their experts, workshops and call, so they load after those demos.

export const projectIdeasDemo: DemoSeedStep[] = [
  {
    name: 'demo-project-ideas',
    load: async (trx) => {
      const file = new URL('./demo/demo-project-ideas.json', import.meta.url);
      const { projectIdeas } = JSON.parse(readFileSync(file, 'utf8')) as { projectIdeas: unknown[] };
      const rejected = (await importProjectIdeas(trx, projectIdeas)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo project ideas rejected: ${JSON.stringify(rejected)}`);
    },
  },
];
