import type { Hono } from 'hono';
import type { Migration } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { PersonalDataHooks } from './db/personal-data.ts';
import type { Extension, Extensions } from './extension.ts';
import type { AppEnv } from './http/context.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { NavEntry } from './ui/navigation.ts';

export type { NavEntry, PersonalDataHooks };

// The module contract: what one module (src/core/<name>, src/features/<name>) contributes to the
// platform, declared in its entry file `index.ts` and listed once in src/modules.ts. app.ts, the worker,
// the CLI, the seed runner, the data export and account deletion loop over that list; none of them
// names a module. See docs/code-style.md and ADR 010.

/** Where the platform runs background work: the worker process (or `npm start`'s own worker). */
export type BackgroundContext = {
  db: Database;
  config: Config;
  logger: Logger;
  extensions: Extensions;
  /** The process's counters for /metrics (mail sent and failed); absent where nobody reads them (the CLI, tests). */
  metrics?: Metrics;
};

/** One kind of job: runs a job's payload; throws to retry (see core/jobs). */
export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export type JobContribution = {
  handlers: Record<string, JobHandler>;
  /** What the worker logs at start (e.g. which mail transport it uses). */
  describe?: Record<string, string>;
  /** Releases what the handlers hold open (an SMTP pool) when the worker stops. */
  close?: () => void;
};

/** What an import or a seed step may need beyond the database: where links point, who mails. */
export type ImportContext = { baseUrl: string; mailFrom: string; extensions: Extensions };

export type ImportReport = Array<{ externalId: string; outcome: 'created' | 'updated' | 'rejected'; reasons: string[] }>;

/** The module's part of the exchange format (docs/import-format.md): one top-level array. */
export type ExchangeContribution = {
  /** The array's key in the file: "practices", "experts", … */
  key: string;
  /** Its name in the CLI's report. */
  label: string;
  /** Imports run in ascending order: records name records of lower orders by their externalId. */
  order: number;
  importRecords: (db: Database, records: unknown[], ctx: ImportContext) => Promise<ImportReport>;
  exportRecords: (db: Database, options: { withEmails: boolean }) => Promise<unknown[]>;
};

/** A step of the demo content: loaded once per database (recorded in seed_runs under its name). */
export type DemoSeedStep = {
  name: string;
  /** Runs in one transaction with the record of the step; throws to roll the step back. */
  load: (trx: Database, ctx: ImportContext) => Promise<void>;
};

/** A `npm run cli -- <name>` command. */
export type CliCommand = {
  summary: string;
  run: (
    args: string[],
    ctx: { withDatabase: <T>(work: (db: Database, engine: string) => Promise<T>) => Promise<T>; extensions: Extensions },
  ) => Promise<void>;
};

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export type PeerpolisModule = {
  /** Contributions to other modules' extension points (see extension.ts). */
  extensions?: Extension[];
  /** The folder's name; unique. */
  name: string;
  /** Its migrations, named NNNN-title: all modules' migrations run together in the order of their names. */
  migrations?: Record<string, Migration>;
  /** Pages under /<locale>/. */
  pages?: Hono<AppEnv>;
  /** Routes outside the locale, e.g. /uploads for every language; devOnly ones never in production. */
  rootRoutes?: Array<{ path: string; routes: Hono<AppEnv>; devOnly?: boolean }>;
  /** JSON endpoints under /api/v1. */
  api?: Hono<AppEnv>;
  /** Its part of the OpenAPI document (paths under /api/v1, component schemas, and how its protected operations authenticate). */
  openApi?: { paths: Record<string, unknown>; schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  jobs?: (ctx: BackgroundContext) => JobContribution;
  /** Runs hourly in the worker: pruning, reminders. */
  housekeeping?: (ctx: BackgroundContext) => Promise<void>;
  commands?: Record<string, CliCommand>;
  /** Its arrays in the exchange format: usually one; a module with several kinds of records may have more. */
  exchange?: ExchangeContribution | ExchangeContribution[];
  /** Reference data loaded on every start (idempotent): the taxonomy. */
  referenceData?: (db: Database) => Promise<Record<string, number>>;
  /** Demo content, in the order the registry lists modules. */
  demo?: DemoSeedStep[];
  rateLimits?: Record<string, RateLimitRule>;
  navigation?: NavEntry[];
  /** Its message catalogs: a folder of <locale>/<namespace>.json files. */
  messages?: URL;
  personalData?: PersonalDataHooks;
  /**
   * The tables whose rows its public pages show (ADR 015): any committed change to one of them moves the
   * module's change counter, and every anonymous page cached before it is drawn again. Leave out what no
   * visitor sees (tokens, logs, queues): a write there would empty the page cache for nothing.
   */
  publicTables?: readonly string[];
};

/** Identity with a type: an entry file reads `export default defineModule({ … })`. */
export function defineModule(module: PeerpolisModule): PeerpolisModule {
  return module;
}
