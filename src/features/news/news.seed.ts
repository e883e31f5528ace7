import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importNews } from './news.import.ts';

// The demo news: the December 2020 newsletter's stories, rewritten, loaded through the importer so the
// demo proves the exchange format. Runs after events and practices (the registry's order), whose
// records the stories link to.

export const newsDemo: DemoSeedStep[] = [
  {
    name: 'demo-news',
    load: async (trx, ctx) => {
      const file = JSON.parse(readFileSync(new URL('./demo/demo-news.json', import.meta.url), 'utf8')) as { news: unknown[] };
      const report = await importNews(trx, file.news, ctx.extensions);
      const rejected = report.filter((r) => r.outcome === 'rejected');
      if (rejected.length)
        throw new Error(`Demo news rejected: ${rejected.map((r) => `${r.externalId} (${r.reasons.join('; ')})`).join(', ')}`);
    },
  },
];
