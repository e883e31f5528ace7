import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './database.ts';
import { prepareMarkedStatements } from './pglite-prepared.ts';
import { ThreadedPGlite } from './pglite-thread.ts';
import { preparedName } from './prepared.ts';

export type Database = Kysely<DB>;
export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  engine: Engine;
  close: () => Promise<void>;
  /** The embedded engine (PGlite only, in its own thread): backups and tests dump its data directory. */
  pglite?: ThreadedPGlite;
};

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  | {
      engine: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /** PostgreSQL settings for this instance only (`-c name=value` at start; the data directory keeps none). */
      settings?: Readonly<Record<string, string>>;
    };

// Both engines hand back the same JavaScript types: DATE columns stay 'YYYY-MM-DD' strings (a calendar
// day has no time zone; turning it into a Date shifts it), bigint counts stay strings (cast in SQL).
const DATE_OID = 1082;

/** The Postgres extensions every engine must provide (PGlite loads them from its contrib bundle). */
export const EXTENSIONS = ['pg_trgm', 'unaccent'] as const;

const settingParams = (settings: Readonly<Record<string, string>>) =>
  Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);

/** A pg client that sends statements marked `prepared` under their name, so the server plans them once (prepared.ts). */
class PreparingClient extends pg.Client {
  // pg's query has a dozen overloads (biome allows `any` here); this passes them all through.
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' ? preparedName(config) : null;
    if (name && (values === undefined || Array.isArray(values))) return super.query({ name, text: config, values }, callback);
    return super.query(config, values, callback);
  }
}

// PGlite belongs to one process (the data directory's lock keeps every other out), so every change to
// it passes through this client. Counting the statements that may change something (all but a plain
// select; a commit counts) lets readers of the content counters (ADR 015) skip the query while nothing
// can have moved them.
const writesOf = new WeakMap<ThreadedPGlite, number>();
const writeCounters = new WeakMap<Kysely<DB>, () => number>();
const SELECT = /^\s*(?:\/\*[^*]*\*\/\s*)?select\b/i;
// A `with … select` reads too, unless one of its parts changes rows (`with x as (delete … returning …)`).
// Any such word anywhere, even in a name, counts it as a write: a needless read of the counters is the
// only cost of being wrong that way.
const WITH = /^\s*(?:\/\*[^*]*\*\/\s*)?with\b/i;
const CHANGES_ROWS = /\b(?:insert|update|delete|merge)\b/i;

/** Whether a statement may change the database (the text alone decides; parameters never do). */
export function mayWrite(text: string): boolean {
  if (SELECT.test(text)) return false;
  return !(WITH.test(text) && !CHANGES_ROWS.test(text));
}

function countStatementsThatMayWrite(client: ThreadedPGlite): void {
  const query = client.query.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => {
    if (mayWrite(text)) writesOf.set(client, (writesOf.get(client) ?? 0) + 1);
    return (query as (text: string, ...rest: unknown[]) => unknown)(text, ...rest);
  }) as typeof client.query;
}

/**
 * How many statements that may write the embedded database has run (undefined on PostgreSQL, where
 * other processes write too): equal numbers mean nothing can have changed in between.
 */
export function writesSoFar(db: Kysely<DB>): number | undefined {
  return writeCounters.get(db)?.();
}

/** Opens PostgreSQL (pool) or PGlite (embedded, file-backed or in memory) behind one Kysely type. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.engine === 'postgres') {
    const types = {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    };
    // Idle connections stay open for five minutes (pg's default closes them after 10 s): a new one is a new
    // server process whose first statements load catalogs and each language's dictionaries, which made
    // the first site searches after a quiet spell take 100–200 ms instead of 40 (docs/search.md). Idle
    // connections never keep a process from ending (allowExitOnIdle).
    //
    // Every statement runs without parallel workers (docs/decisions/014-postgresql-connections.md): on the
    // 2-core machine we measure on, gathering workers for a few thousand index hits took 17–23 ms against
    // 9 ms without, and under concurrent requests the cores are better spent on other requests. A connection
    // option, not `set local` in a transaction of its own: that cost three more round trips per search.
    const pool = new pg.Pool({
      connectionString: options.url,
      options: '-c max_parallel_workers_per_gather=0',
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 300_000,
      allowExitOnIdle: true,
      types,
      Client: PreparingClient,
    });
    // An idle client that loses its connection is replaced by the pool; queries report their own errors.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  // In a worker thread (ADR 017), with the extensions loaded and DATE_OID parsed there.
  const client = await ThreadedPGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(options.settings ? { startParams: settingParams(options.settings) } : {}),
    dateOid: DATE_OID,
  });
  // Counting sees each statement as written; preparing turns a marked one into EXECUTE beneath it.
  prepareMarkedStatements(client);
  countStatementsThatMayWrite(client);
  // The dialect calls `query` and `close` only, which the thread's client answers as PGlite does.
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client as unknown as PGlite) });
  writeCounters.set(db, () => writesOf.get(client) ?? 0);
  return {
    db,
    engine: 'pglite',
    pglite: client,
    close: async () => {
      await db.destroy();
      // Always awaited: a close already under way (or done) is the same close, so the lock is released after it.
      await client.close();
    },
  };
}
