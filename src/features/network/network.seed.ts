import { readFileSync } from 'node:fs';
import type { Database } from '../../platform/db/client.ts';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importPages, importPartners, importRegionalNetworks } from './network.import.ts';
import { selectPages } from './pages.queries.ts';

// The imprint and the privacy notice exist on every installation (reference data, loaded on every start
// but only when missing, so an editor's changes stay); the demo adds the About pages, the three partner
// organisations and five regional networks, in the exchange format.

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown[]>;

function refuse(what: string, report: Awaited<ReturnType<typeof importPages>>) {
  const rejected = report.filter((r) => r.outcome === 'rejected');
  if (rejected.length) throw new Error(`${what} rejected: ${JSON.stringify(rejected)}`);
}

export async function loadReservedPages(db: Database): Promise<Record<string, number>> {
  const { pages = [] } = read('./data/reserved-pages.json');
  const present = new Set((await selectPages(db)).map((p) => p.slug));
  const missing = pages.filter((p) => !present.has((p as { slug: string }).slug));
  if (missing.length) refuse('Reserved pages', await importPages(db, missing));
  return { networkPages: missing.length };
}

export const networkDemo: DemoSeedStep[] = [
  {
    name: 'demo-network',
    load: async (trx) => {
      const demo = read('./demo/demo-network.json');
      refuse('Demo pages', await importPages(trx, demo.pages ?? []));
      refuse('Demo partners', await importPartners(trx, demo.partners ?? []));
      refuse('Demo regional networks', await importRegionalNetworks(trx, demo.regionalNetworks ?? []));
    },
  },
];
