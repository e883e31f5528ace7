import { readFileSync } from 'node:fs';
import type { Database } from '../../platform/db/client.ts';
import type { DemoSeedStep } from '../../platform/module.ts';
import { importPractices } from './import/practices.import.ts';

// The demo's good practices, in the exchange format (docs/import-format.md), loaded by the importer.
// The step names are those recorded in the seed_runs table of databases seeded before: keep them.

async function importDemoFile(trx: Database, file: string): Promise<void> {
  const { practices } = JSON.parse(readFileSync(new URL(`./demo/${file}`, import.meta.url), 'utf8')) as { practices: unknown[] };
  const rejected = (await importPractices(trx, practices)).filter((r) => r.outcome === 'rejected');
  if (rejected.length) throw new Error(`Demo practices of ${file} rejected: ${JSON.stringify(rejected)}`);
}

export const practicesDemo: DemoSeedStep[] = [
  /** The three practices of the December 2020 newsletter (its events come with the events' demo). */
  { name: 'demo-newsletter-2020-12', load: (trx) => importDemoFile(trx, 'demo-newsletter-practices.json') },
  /** More good practices across all themes and regions. */
  { name: 'demo-practices-library', load: (trx) => importDemoFile(trx, 'demo-practices.json') },
];
