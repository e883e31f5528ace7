import { readFileSync } from 'node:fs';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importEvents } from './import/events.import.ts';

// The demo events, in the exchange format (docs/import-format.md): the December 2020 newsletter's five
// events and the COVID-19 exchange series, the series' sessions and upcoming events. They name the demo
// practices they presented, so they load after the practices' demo.

export const eventsDemo: DemoSeedStep[] = [
  {
    name: 'demo-events',
    load: async (trx) => {
      const { events } = JSON.parse(readFileSync(new URL('./demo/demo-events.json', import.meta.url), 'utf8')) as { events: unknown[] };
      // No registrants to notify: the importer runs without a mail context.
      const rejected = (await importEvents(trx, events)).filter((r) => r.outcome === 'rejected');
      if (rejected.length) throw new Error(`Demo events rejected: ${JSON.stringify(rejected)}`);
    },
  },
];
