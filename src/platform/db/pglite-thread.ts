import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';

// PGlite in a thread of its own (ADR 017). In the app's thread, every statement's planning and execution
// (WebAssembly) held up every other request: 0.9 of 2.6 ms per varied practice list page, and a 200 ms
// matching query stalled static files too. In a worker thread the database runs on the machine's other
// core while the app draws pages, as PostgreSQL does. This is the app's side: the same calls as PGlite's
// (what the Kysely dialect, backups and tests use), each one a message to pglite-thread.worker.mjs.

export type EmbeddedOptions = {
  dataDir?: string;
  loadDataDir?: Blob;
  /** `-c name=value` start parameters. */
  startParams?: string[];
  dateOid: number;
};

type Answer = { id: number; value?: unknown; error?: Record<string, unknown> & { message: string }; inTransaction: boolean };
type Waiting = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** An answer as the thread sends it: each row an array in the order of `fields`. */
type ArrayRows = { rows: unknown[][]; fields: Array<{ name: string; dataTypeID: number }>; affectedRows?: number };

/** A row as PGlite gives it by default: columns by name, a later column of the same name winning. */
function objectOf(fields: ArrayRows['fields'], row: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) object[(fields[i] as { name: string }).name] = row[i];
  return object;
}

/** The same for a result with a column named `__proto__`, which assignment would take for the prototype. */
const ownObjectOf = (fields: ArrayRows['fields'], row: unknown[]) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]]));

/** A PostgreSQL error as thrown in the thread: an Error with the same fields (code, detail, constraint…). */
function errorFrom(plain: Record<string, unknown> & { message: string }): Error {
  const { message, name, ...fields } = plain;
  const error = Object.assign(new Error(message), fields);
  if (typeof name === 'string') error.name = name;
  return error;
}

/**
 * The calls of PGlite the app makes, answered by PGlite in a worker thread. Options that are functions
 * (`onNotice`, `parsers`, `serializers`) cannot cross a thread: such a call is refused (DataCloneError).
 */
export class ThreadedPGlite {
  #worker: Worker;
  #waiting = new Map<number, Waiting>();
  #next = 0;
  #inTransaction = false;
  /** Set when close begins or the thread ends: no call is sent after it. */
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Set just before close ends the thread: its exit is then no crash. */
  #terminating = false;
  #stopped: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    // An idle database does not keep the process alive (as PGlite in the app's thread does not).
    worker.unref();
    worker.on('message', (answer: Answer) => this.#answer(answer));
    // The thread ended without close (a crash, or the process's exit): every wait ends with the reason.
    const stop = (error: Error) => {
      if (!this.#terminating) this.#stopped ??= error;
      this.#closed = true;
      this.#rejectWaiting(this.#stopped ?? new Error('The embedded database is closed'));
    };
    worker.on('error', (error) => stop(new Error(`The embedded database stopped: ${error.message}`)));
    worker.on('exit', (code) => stop(new Error(`The embedded database stopped (exit code ${code})`)));
    // An answer that could not be read back belongs to a call we can no longer tell: all waiting ones fail.
    worker.on('messageerror', (error) =>
      this.#rejectWaiting(new Error(`An answer of the embedded database was unreadable: ${error.message}`)),
    );
  }

  /** Starts the thread and opens the database in it. */
  static async create(options: EmbeddedOptions): Promise<ThreadedPGlite> {
    const loadDataDir = options.loadDataDir ? new Uint8Array(await options.loadDataDir.arrayBuffer()) : undefined;
    const worker = new Worker(new URL('./pglite-thread.worker.mjs', import.meta.url), {
      workerData: { ...options, loadDataDir },
      transferList: loadDataDir ? [loadDataDir.buffer] : [],
      // Not the app's own start options: under tsx they preload its loader, which the worker does not
      // need (it is JavaScript) and which costs ~80 ms of CPU per database opened.
      execArgv: [],
    });
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        worker.off('message', onMessage).off('error', settle).off('exit', onExit).off('messageerror', settle);
        if (!error) return resolve();
        void worker.terminate();
        reject(error);
      };
      const onMessage = (message: { ready: boolean; error?: Record<string, unknown> & { message: string } }) =>
        settle(message.ready ? undefined : errorFrom(message.error ?? { message: 'PGlite did not open' }));
      const onExit = (code: number) => settle(new Error(`The embedded database stopped while opening (exit code ${code})`));
      worker.on('message', onMessage).on('error', settle).on('exit', onExit).on('messageerror', settle);
    });
    return new ThreadedPGlite(worker);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Whether the last statement left a transaction open (reported with every answer). */
  isInTransaction(): boolean {
    return this.#inTransaction;
  }

  query = (async (text: string, params?: unknown[], options?: { rowMode?: 'array' | 'object' }) => {
    const result = (await this.#send('query', { text, params, options })) as ArrayRows;
    if (options?.rowMode === 'array') return result;
    const make = result.fields.some((f) => f.name === '__proto__') ? ownObjectOf : objectOf;
    return { ...result, rows: result.rows.map((row) => make(result.fields, row)) };
  }) as PGlite['query'];

  exec(text: string): Promise<unknown> {
    return this.#send('exec', { text });
  }

  /** The data directory as a (gzipped) tarball, as PGlite's own dumpDataDir gives it. */
  async dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob> {
    const bytes = (await this.#send('dump', { compression })) as Uint8Array<ArrayBuffer>;
    return new Blob([bytes]);
  }

  /** Closes PGlite (flushing its files) and ends the thread; calls made meanwhile or later are refused. */
  close(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#closing ??= (async () => {
      // The thread answers in order: whatever was sent before is answered before this.
      const closed = this.#send('close', {});
      this.#closed = true;
      try {
        await closed;
      } finally {
        this.#terminating = true;
        await this.#worker.terminate();
        this.#rejectWaiting(new Error('The embedded database is closed'));
      }
    })();
    return this.#closing;
  }

  #send(op: string, message: Record<string, unknown>): Promise<never> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    if (this.#closed) return Promise.reject(new Error('The embedded database is closed'));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // Keeps the process alive while an answer is awaited.
      if (this.#waiting.size === 1) this.#worker.ref();
      try {
        this.#worker.postMessage({ id, op, ...message });
      } catch (error) {
        this.#waiting.delete(id);
        if (this.#waiting.size === 0) this.#worker.unref();
        reject(error as Error);
      }
    });
  }

  #rejectWaiting(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
    this.#worker.unref();
  }

  #answer(answer: Answer): void {
    const waiting = this.#waiting.get(answer.id);
    this.#inTransaction = answer.inTransaction;
    if (!waiting) return;
    this.#waiting.delete(answer.id);
    if (this.#waiting.size === 0) this.#worker.unref();
    if (answer.error) waiting.reject(errorFrom(answer.error));
    else waiting.resolve(answer.value);
  }
}
