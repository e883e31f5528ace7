import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importVideos } from './videos.import.ts';

// Recordings of the 2020 COVID-19 exchange series, in the exchange format. Their YouTube ids are
// well-formed but invented ("demoCovid01"): nothing real is embedded. The demo has no poster files
// (the seed has no uploads directory), so the pages show the drawn placeholder with the title.

export const videosDemo: DemoSeedStep[] = [
  {
    name: 'demo-videos',
    load: async (trx) => {
      const file = new URL('./demo/demo-videos.json', import.meta.url);
      const { videos } = JSON.parse(readFileSync(file, 'utf8')) as { videos: unknown[] };
      const rejected = (await importVideos(trx, videos)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo videos rejected: ${JSON.stringify(rejected)}`);
    },
  },
];
