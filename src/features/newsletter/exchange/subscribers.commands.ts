import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import { loadConfig } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CliCommand } from '../../../platform/module.ts';
import { readBounceCsv } from '../bounces/bounce-csv.model.ts';
import { recordMailEvents } from '../bounces/bounces.service.ts';
import { readSubscriberCsv } from './subscribers-csv.model.ts';
import { exportSubscribers, importSubscribers } from './subscribers-exchange.service.ts';

// `npm run cli -- subscribers import|export|bounces FILE.csv` (docs/import-format.md). What they print
// names lines and counts, never an address: terminals are logged and screens shared. Exit codes: 0 done,
// 3 some rows rejected (the others done), 1 the file could not be used at all (nothing done).

const USAGE = 'npm run cli -- subscribers import FILE.csv [--ask-consent] | export FILE.csv | bounces FILE.csv';

export type Print = (line: string) => void;

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const rejectedLines = (print: Print, rejected: Array<{ line: number; reason: string }>) => {
  for (const r of rejected) print(`line ${r.line}: rejected — ${r.reason}`);
};

/** Imports a subscriber CSV; returns the exit code (3 when rows were rejected). Throws when the file is unusable. */
export async function runSubscriberImport(db: Database, file: string, options: { askConsent: boolean; baseUrl: string }, print: Print) {
  const index = await loadTaxonomyIndex(db);
  const read = readSubscriberCsv(readBytes(file), { themes: index.themes, regions: index.regions });
  if (!read.ok) throw new Error(read.message);
  rejectedLines(print, read.rejected);
  const report = await importSubscribers(db, read.rows, options);
  print(
    `Subscribers: ${report.created} created, ${report.updated} updated (${report.confirmed} confirmed, ${report.pending} pending, ${report.ended} unsubscribed or bounced), ${read.rejected.length} rejected.`,
  );
  if (options.askConsent) print(`Confirmation requests queued: ${report.asked} (the worker sends them).`);
  else if (report.pending) print('Pending subscribers get no mail until they confirm: run again with --ask-consent to ask them.');
  return read.rejected.length ? 3 : 0;
}

/** Writes every subscriber to FILE (owner-only when new: it is personal data). */
export async function runSubscriberExport(db: Database, file: string, print: Print) {
  const fd = openSync(file, 'w', 0o600);
  try {
    const count = await exportSubscribers(db, (chunk) => {
      writeSync(fd, chunk);
    });
    print(`Written ${count} subscribers to ${file} (personal data: keep it safe).`);
  } finally {
    closeSync(fd);
  }
  return 0;
}

/** Applies a provider's bounce export, as POST /api/v1/mail-events would. */
export async function runBounceImport(db: Database, file: string, print: Print) {
  const read = readBounceCsv(readBytes(file));
  if (!read.ok) throw new Error(read.message);
  rejectedLines(print, read.rejected);
  const changed = await recordMailEvents(db, read.events);
  const transient = read.events.filter((e) => e.kind === 'transient-bounce').length;
  print(
    `Bounces: ${read.events.length} read (${transient} transient, which change nothing); ${changed.bounced} subscribers marked bounced, ${changed.unsubscribed} unsubscribed by complaints; ${read.rejected.length} rejected.`,
  );
  return read.rejected.length ? 3 : 0;
}

export const subscribersCommand: CliCommand = {
  summary: `subscribers of the newsletter as CSV (docs/import-format.md): ${USAGE}`,
  run: async (args, ctx) => {
    const [action, file, ...flags] = args;
    const known = action === 'import' ? ['--ask-consent'] : [];
    const unknown = flags.filter((f) => !known.includes(f));
    if (!action || !['import', 'export', 'bounces'].includes(action) || !file || unknown.length) throw new Error(`usage: ${USAGE}`);
    const config = loadConfig();
    const print: Print = (line) => console.log(line);
    process.exitCode = await ctx.withDatabase(async (db) => {
      if (action === 'import')
        return runSubscriberImport(db, file, { askConsent: flags.includes('--ask-consent'), baseUrl: config.BASE_URL }, print);
      if (action === 'export') return runSubscriberExport(db, file, print);
      return runBounceImport(db, file, print);
    });
  },
};
