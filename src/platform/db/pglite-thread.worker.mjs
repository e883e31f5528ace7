// The embedded database's own thread (pglite-thread.ts, ADR 017). Plain JavaScript on purpose: a worker
// thread does not inherit tsx's loader, and loading it there costs half a second per database opened
// (every test file opens one). This file only opens PGlite and answers messages; what a statement means
// (marked statements, counting writes) stays in the TypeScript on the app's side.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** A thrown value as a plain object that survives postMessage: PostgreSQL's fields (code, detail, constraint…) too. */
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null)) continue;
    fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

const { dataDir, loadDataDir, startParams, dateOid } = workerData;

async function open() {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    ...(startParams ? { startParams: [...PGlite.defaultStartParams, ...startParams] } : {}),
    extensions: { pg_trgm, unaccent },
    // DATE columns stay 'YYYY-MM-DD' strings, as on PostgreSQL (client.ts).
    parsers: { [dateOid]: (value) => value },
  });
}

let client;
try {
  client = await open();
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: plainError(error) });
}

const operations = {
  // Rows as arrays: the structured clone then writes each column's name once (in `fields`), not once
  // per row; the app's side makes the objects again (pglite-thread.ts). A 1,000-row answer: 9.1 → 6.4 ms.
  query: ({ text, params, options }) => client.query(text, params, { ...options, rowMode: 'array' }),
  exec: ({ text }) => client.exec(text),
  dump: async ({ compression }) => {
    const file = await client.dumpDataDir(compression);
    return new Uint8Array(await file.arrayBuffer());
  },
  close: async () => {
    if (!client.closed) await client.close();
    return null;
  },
};

// One message at a time, in order: PGlite runs one statement at a time anyway, and the app's driver
// sends the next only after the last answer (a transaction's statements must not interleave).
let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      const value = await operations[message.op](message);
      const transfer = value instanceof Uint8Array ? [value.buffer] : [];
      parentPort.postMessage({ id: message.id, value, inTransaction: !client.closed && client.isInTransaction() }, transfer);
    } catch (error) {
      // Also reached when the answer cannot be cloned (PGlite's results are plain data, so today never):
      // the statement ran, but its caller is told it failed rather than left waiting.
      parentPort.postMessage({ id: message.id, error: plainError(error), inTransaction: !client.closed && client.isInTransaction() });
    }
  });
});
