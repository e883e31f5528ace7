import type { Migration } from 'kysely';
import accounts from './core/accounts/index.ts';
import audit from './core/audit/index.ts';
import cities from './core/cities/index.ts';
import jobs from './core/jobs/index.ts';
import mail from './core/mail/index.ts';
import rateLimits from './core/rate-limits/index.ts';
import taxonomy from './core/taxonomy/index.ts';
import uploads from './core/uploads/index.ts';
import admin from './features/admin/index.ts';
import calls from './features/calls/index.ts';
import discovery from './features/discovery/index.ts';
import events from './features/events/index.ts';
import experts from './features/experts/index.ts';
import impact from './features/impact/index.ts';
import member from './features/member/index.ts';
import network from './features/network/index.ts';
import news from './features/news/index.ts';
import newsletter from './features/newsletter/index.ts';
import practices from './features/practices/index.ts';
import projectIdeas from './features/project-ideas/index.ts';
import publications from './features/publications/index.ts';
import site from './features/site/index.ts';
import videos from './features/videos/index.ts';
import type { Database } from './platform/db/client.ts';
import { syncContentTriggers } from './platform/db/content-versions.queries.ts';
import { type MigrationReport, migrateToLatest } from './platform/db/migrate.ts';
import { platformMigrations } from './platform/db/migrations/index.ts';
import { Extensions } from './platform/extension.ts';
import type { ModuleServices } from './platform/http/context.ts';
import { registerMessages } from './platform/i18n/catalogs.ts';
import type { PeerpolisModule } from './platform/module.ts';

// The registry: every module, once. Adding a module is one line here plus its own folder (see
// docs/code-style.md). The order is the order of seeding and of mounting routes: core services first,
// then features, each after the ones it builds on.
export const modules: readonly PeerpolisModule[] = [
  taxonomy,
  cities,
  accounts,
  audit,
  rateLimits,
  jobs,
  mail,
  uploads,
  discovery,
  network,
  site,
  member,
  practices,
  experts,
  events,
  calls,
  projectIdeas,
  publications,
  videos,
  newsletter,
  news,
  impact,
  admin,
];

// Catalogs are read once, when the registry is first imported: before any page or mail is rendered.
for (const module of modules) if (module.messages) registerMessages(module.messages);

/** Every migration of the platform and the modules, in the order of their names (NNNN-title). */
export const migrations: Record<string, Migration> = mergeMigrations();

function mergeMigrations(): Record<string, Migration> {
  const all: Array<[string, Migration]> = Object.entries(platformMigrations);
  for (const module of modules) all.push(...Object.entries(module.migrations ?? {}));
  const names = all.map(([name]) => name);
  const numbers = names.map((name) => name.slice(0, 4));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  // Two modules picking the same number would run in an order that depends on their names: refuse.
  if (twice) throw new Error(`Two migrations are numbered ${twice}: ${names.filter((n) => n.startsWith(twice)).join(', ')}`);
  return Object.fromEntries(all.sort(([a], [b]) => a.localeCompare(b)));
}

/** What the modules offer each other at run time, given to every route as `deps.modules`. */
/** Each module's public tables (ADR 015), whose changes move its counter in `content_versions`. */
export const publicTables: Record<string, readonly string[]> = Object.fromEntries(
  modules.flatMap((m) => (m.publicTables?.length ? [[m.name, m.publicTables]] : [])),
);

/** Brings a database to the latest schema, with a change trigger on every public table. */
export async function migrateDatabase(db: Database): Promise<MigrationReport> {
  const report = await migrateToLatest(db, migrations);
  await syncContentTriggers(db, publicTables);
  return report;
}

export const moduleServices: ModuleServices = {
  navigation: modules.flatMap((m) => m.navigation ?? []),
  migrationNames: Object.keys(migrations),
  extensions: new Extensions(modules.flatMap((m) => m.extensions ?? [])),
  personalData: modules.flatMap((m) => (m.personalData ? [m.personalData] : [])),
};
