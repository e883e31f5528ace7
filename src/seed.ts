import { moduleServices, modules } from './modules.ts';
import type { Database } from './platform/db/client.ts';
import { hasSeedRun, recordSeedRun } from './platform/db/seed-runs.queries.ts';
import type { ImportContext } from './platform/module.ts';

export type SeedReport = {
  /** What each module's reference data loaded, e.g. { themes: 4, topics: 21, … }. */
  reference: Record<string, number>;
  demo: 'loaded' | 'already-loaded' | 'skipped';
};

export type SeedOptions = { demo: boolean } & Partial<Omit<ImportContext, 'extensions'>>;

/**
 * Reference data on every start (idempotent upserts); then, unless switched off, every module's demo
 * steps in the registry's order, each exactly once per database and in a transaction of its own, so a
 * restart never overwrites what editors have changed since and a failed step leaves nothing behind.
 */
export async function seedDatabase(db: Database, options: SeedOptions): Promise<SeedReport> {
  const reference: Record<string, number> = {};
  for (const module of modules) if (module.referenceData) Object.assign(reference, await module.referenceData(db));
  if (!options.demo) return { reference, demo: 'skipped' };
  // Demo content links to pages on this site and mails nobody: these only fill in what an import needs.
  const ctx: ImportContext = {
    baseUrl: options.baseUrl ?? 'http://localhost:3000',
    mailFrom: options.mailFrom ?? 'Peerpolis <no-reply@localhost>',
    extensions: moduleServices.extensions,
  };
  let loaded = 0;
  for (const module of modules) {
    for (const step of module.demo ?? []) {
      const ran = await db.transaction().execute(async (trx) => {
        if (await hasSeedRun(trx, step.name)) return false;
        await step.load(trx, ctx);
        await recordSeedRun(trx, step.name);
        return true;
      });
      if (ran) loaded++;
    }
  }
  return { reference, demo: loaded ? 'loaded' : 'already-loaded' };
}
