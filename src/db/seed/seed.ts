import { existsSync, readFileSync } from 'node:fs';
import { saveDemoCalls } from '../../modules/calls/calls.seed.ts';
import { ensureCity } from '../../modules/cities/cities.service.ts';
import { importEvents } from '../../modules/events/events.import.ts';
import { saveEventsFromSeed } from '../../modules/events/events.service.ts';
import { importExperts } from '../../modules/experts/experts.import.ts';
import { importPractices } from '../../modules/practices/practices.import.ts';
import { importProjectIdeas } from '../../modules/project-ideas/project-ideas.import.ts';
import { loadTaxonomy, type TaxonomyLoadReport } from '../../modules/taxonomy/taxonomy.service.ts';
import type { Database } from '../client.ts';
import { type DemoContent, readDemoContent } from './demo-content.ts';
import { hasSeedRun, recordSeedRun } from './seed.queries.ts';

export const DEMO_SEED = 'demo-newsletter-2020-12';
/** More good practices across all themes and regions, in the import format (docs/import-format.md). */
export const DEMO_PRACTICES_SEED = 'demo-practices-library';
/** Demo experts, in the import format; each gets a member account without password for its address. */
export const DEMO_EXPERTS_SEED = 'demo-experts';
/** The newsletter's calls for participation (demo content), linked to the demo events. */
export const DEMO_CALLS_SEED = 'demo-calls';
/** Demo events in the import format: the newsletter's events with times and documentation, the COVID-19 sessions, upcoming events. */
export const DEMO_EVENTS_SEED = 'demo-events';
/** The six project ideas of the January 2021 MENA project-planning workshop, in the import format. */
export const DEMO_PROJECT_IDEAS_SEED = 'demo-project-ideas';

export type SeedReport = {
  taxonomy: TaxonomyLoadReport;
  demo: 'loaded' | 'already-loaded' | 'skipped';
};

/**
 * Reference data on every start (idempotent upserts); demo content exactly once per database, so a
 * restart never overwrites what editors have changed since.
 */
export async function seedDatabase(db: Database, options: { demo: boolean; content?: DemoContent }): Promise<SeedReport> {
  const taxonomy = await loadTaxonomy(db);
  if (!options.demo) return { taxonomy, demo: 'skipped' };
  const content = options.content ?? readDemoContent();
  const demo = await db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_SEED)) return 'already-loaded' as const;
    const cityIds = new Map<string, number>();
    for (const city of content.cities) {
      cityIds.set(city.key, await ensureCity(trx, { slug: city.key, country_code: city.country, name: city.name, names: city.names }));
    }
    const cityIdOf = (key: string) => {
      const id = cityIds.get(key);
      if (id === undefined) throw new Error(`Demo content names an unknown city: ${key}`);
      return id;
    };
    const cityName = (key: string) => content.cities.find((c) => c.key === key)?.name ?? key;
    const imported = await importPractices(
      trx,
      content.practices.map(({ city, ...p }) => ({ ...p, city: cityName(city) })),
    );
    const rejected = imported.filter((r) => r.outcome === 'rejected');
    if (rejected.length) throw new Error(`Demo practices rejected: ${JSON.stringify(rejected)}`);
    await saveEventsFromSeed(trx, content, cityIdOf);
    await recordSeedRun(trx, DEMO_SEED);
    return 'loaded' as const;
  });
  await db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_PRACTICES_SEED)) return;
    const file = JSON.parse(readFileSync(new URL('./demo-practices.json', import.meta.url), 'utf8')) as { practices: unknown[] };
    const report = await importPractices(trx, file.practices);
    const rejected = report.filter((r) => r.outcome === 'rejected');
    if (rejected.length) throw new Error(`Demo practices rejected: ${JSON.stringify(rejected)}`);
    await recordSeedRun(trx, DEMO_PRACTICES_SEED);
  });
  await seedDemoExperts(db, new URL('./demo-experts.json', import.meta.url));
  await seedDemoEvents(db, new URL('./demo-events.json', import.meta.url));
  await db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_CALLS_SEED)) return;
    await saveDemoCalls(trx, content.calls);
    await recordSeedRun(trx, DEMO_CALLS_SEED);
  });
  await seedDemoProjectIdeas(db, new URL('./demo-project-ideas.json', import.meta.url));
  return { taxonomy, demo };
}

/**
 * The demo experts file, imported once per database. The file is optional: without it nothing is
 * recorded, so a database seeded before the file existed picks it up on the next start.
 */
export async function seedDemoExperts(db: Database, file: URL): Promise<'loaded' | 'already-loaded' | 'no-file'> {
  if (!existsSync(file)) return 'no-file';
  return db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_EXPERTS_SEED)) return 'already-loaded' as const;
    const { experts } = JSON.parse(readFileSync(file, 'utf8')) as { experts: unknown[] };
    const report = await importExperts(trx, experts);
    const rejected = report.filter((r) => r.outcome === 'rejected');
    if (rejected.length) throw new Error(`Demo experts rejected: ${JSON.stringify(rejected)}`);
    await recordSeedRun(trx, DEMO_EXPERTS_SEED);
    return 'loaded' as const;
  });
}

/** The demo events file, imported once per database (it updates the newsletter's events by externalId). */
export async function seedDemoEvents(db: Database, file: URL): Promise<'loaded' | 'already-loaded' | 'no-file'> {
  if (!existsSync(file)) return 'no-file';
  return db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_EVENTS_SEED)) return 'already-loaded' as const;
    const { events } = JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] };
    const report = await importEvents(trx, events);
    const rejected = report.filter((r) => r.outcome === 'rejected');
    if (rejected.length) throw new Error(`Demo events rejected: ${JSON.stringify(rejected)}`);
    await recordSeedRun(trx, DEMO_EVENTS_SEED);
    return 'loaded' as const;
  });
}

/** The demo project ideas, imported once per database after the experts, events and calls they name. */
export async function seedDemoProjectIdeas(db: Database, file: URL): Promise<'loaded' | 'already-loaded' | 'no-file'> {
  if (!existsSync(file)) return 'no-file';
  return db.transaction().execute(async (trx) => {
    if (await hasSeedRun(trx, DEMO_PROJECT_IDEAS_SEED)) return 'already-loaded' as const;
    const { projectIdeas } = JSON.parse(readFileSync(file, 'utf8')) as { projectIdeas: unknown[] };
    const report = await importProjectIdeas(trx, projectIdeas);
    const rejected = report.filter((r) => r.outcome === 'rejected');
    if (rejected.length) throw new Error(`Demo project ideas rejected: ${JSON.stringify(rejected)}`);
    await recordSeedRun(trx, DEMO_PROJECT_IDEAS_SEED);
    return 'loaded' as const;
  });
}
