import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { migrateDatabase, moduleServices, modules } from './modules.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { backupTo, restoreFrom } from './platform/db/backup.ts';
import { connectDatabase } from './platform/db/connect.ts';
import { createLogger } from './platform/log.ts';
import type { CliCommand, ImportReport } from './platform/module.ts';
import { seedDatabase } from './seed.ts';
import { startBackgroundWorker } from './worker.ts';

// `npm run cli -- <command>`. Each command opens the configured database (DATABASE_URL or DATA_DIR),
// brings it to the latest migration, does one thing, prints what it did and exits non-zero on failure.
// The exchange-format commands cover every module that declares `exchange`; modules add commands of
// their own (`commands` in their entry file).

const exchanges = modules.flatMap((m) => [m.exchange ?? []].flat()).sort((a, b) => a.order - b.order);
const exchangeKeys = exchanges.map((e) => `"${e.key}"`).join(', ');

/** An import file holds one or more of the modules' arrays (docs/import-format.md). */
const importFile = z
  .object(Object.fromEntries(exchanges.map((e) => [e.key, z.array(z.unknown()).optional()])))
  .refine((f) => exchanges.some((e) => f[e.key] !== undefined));

/** One line per record (externalIds and reasons only, never an e-mail address), then the totals. */
function printImportReport(label: string, report: ImportReport): number {
  for (const r of report) console.log(`${r.outcome.padEnd(8)} ${r.externalId}${r.reasons.length ? ` — ${r.reasons.join('; ')}` : ''}`);
  const count = (o: string) => report.filter((r) => r.outcome === o).length;
  console.log(`${label}: ${count('created')} created, ${count('updated')} updated, ${count('rejected')} rejected.`);
  return count('rejected');
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof connectDatabase>>['db'], engine: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await connectDatabase(config);
  try {
    await migrateDatabase(handle.db);
    // Commands name themes, regions and countries by their codes: a fresh data directory needs them too
    // (reference data only; the demo content is the server's, and SEED_DEMO's).
    await seedDatabase(handle.db, { demo: false });
    return await work(handle.db, handle.engine);
  } finally {
    await handle.close();
  }
}

const platformCommands: Record<string, CliCommand> = {
  migrate: {
    summary: 'apply pending database migrations',
    run: async () => {
      const config = loadConfig();
      const handle = await connectDatabase(config);
      try {
        const { applied } = await migrateDatabase(handle.db);
        console.log(applied.length ? `Applied on ${handle.engine}: ${applied.join(', ')}` : `Database (${handle.engine}) is up to date.`);
      } finally {
        await handle.close();
      }
    },
  },
  seed: {
    summary: 'load the reference data, and the demo content unless --no-demo (once per database)',
    run: async (args) => {
      await withDatabase(async (db) => {
        const config = loadConfig();
        const report = await seedDatabase(db, { demo: !args.includes('--no-demo'), baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
        const counts = Object.entries(report.reference).map(([what, n]) => `${n} ${what}`);
        console.log(`Reference data: ${counts.join(', ')}. Demo content: ${report.demo}.`);
      });
    },
  },
  import: {
    summary: `import ${exchanges.map((e) => e.label.toLowerCase()).join(', ')}: import FILE.json (format: docs/import-format.md); exit 3 if any record was rejected`,
    run: async (args) => {
      const file = args[0];
      if (!file) throw new Error('import needs a file: npm run cli -- import practices.json');
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      const parsed = importFile.safeParse(data);
      if (!parsed.success) throw new Error(`${file} must be an object with a ${exchangeKeys} array (see docs/import-format.md)`);
      const config = loadConfig(process.env);
      await withDatabase(async (db) => {
        // The reference data first: records name themes, topics and countries by their codes.
        await seedDatabase(db, { demo: false, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM });
        let rejected = 0;
        for (const exchange of exchanges) {
          const records = parsed.data[exchange.key];
          if (!records) continue;
          const report = await exchange.importRecords(db, records, {
            baseUrl: config.BASE_URL,
            mailFrom: config.MAIL_FROM,
            extensions: moduleServices.extensions,
          });
          rejected += printImportReport(exchange.label, report);
        }
        if (rejected) process.exitCode = 3;
      });
    },
  },
  export: {
    summary: `export all ${exchanges.map((e) => e.label.toLowerCase()).join(', ')} in the import format: export [FILE.json] [--with-emails] (default: standard output; e-mails only with the flag)`,
    run: async (args) => {
      const file = args.find((a) => !a.startsWith('--'));
      // Experts' e-mail addresses only on request: a file with them is personal data (for admins and migrations).
      const withEmails = args.includes('--with-emails');
      const unknown = args.filter((a) => a.startsWith('--') && a !== '--with-emails');
      if (unknown.length) throw new Error(`export does not know ${unknown.join(', ')}: npm run cli -- export [FILE.json] [--with-emails]`);
      await withDatabase(async (db) => {
        const data: Record<string, unknown[]> = {};
        for (const exchange of exchanges) data[exchange.key] = await exchange.exportRecords(db, { withEmails });
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (file) {
          // Owner-only when new, since it then holds e-mail addresses.
          writeFileSync(file, json, withEmails ? { mode: 0o600 } : undefined);
          console.error(`Written ${file}${withEmails ? ' (with e-mail addresses: personal data, keep it safe)' : ''}.`);
        } else process.stdout.write(json);
      });
    },
  },
  backup: {
    summary: "backup FILE.tar.gz: the database and DATA_DIR's files in one archive (PGlite: stop the site first; docs/operations.md)",
    run: async (args) => {
      const file = args[0];
      if (!file) throw new Error('Usage: npm run cli -- backup FILE.tar.gz');
      const { engine, files } = await backupTo(loadConfig(), file);
      console.log(`Backed up the ${engine} database and ${files} file${files === 1 ? '' : 's'} to ${file}.`);
    },
  },
  restore: {
    summary: 'restore FILE.tar.gz into a new, empty database (DATABASE_URL) or a new DATA_DIR, then migrate',
    run: async (args) => {
      const file = args[0];
      if (!file) throw new Error('Usage: npm run cli -- restore FILE.tar.gz');
      const config = loadConfig();
      const { engine, files } = await restoreFrom(config, file);
      // A backup made by an older release gets this release's migrations, as a start would apply them.
      const handle = await connectDatabase(config);
      try {
        const { applied } = await migrateDatabase(handle.db);
        console.log(
          `Restored the ${engine} database and ${files} file${files === 1 ? '' : 's'} from ${file}${applied.length ? `; applied ${applied.join(', ')}` : ''}.`,
        );
      } finally {
        await handle.close();
      }
    },
  },
  worker: {
    summary: 'run the job worker (mail, reminders) in its own process until stopped',
    run: async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const handle = await connectDatabase(config);
      await migrateDatabase(handle.db);
      const worker = startBackgroundWorker(handle.db, config, logger);
      logger.info(worker.describe, 'job worker started');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.stop();
      await handle.close();
    },
  },
};

const commands: Record<string, CliCommand> = { ...platformCommands };
for (const module of modules) {
  for (const [name, command] of Object.entries(module.commands ?? {})) {
    if (commands[name]) throw new Error(`The CLI command "${name}" is declared twice (module ${module.name})`);
    commands[name] = command;
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: npm run cli -- <command>\n\nCommands:\n${lines.join('\n')}`;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name && name !== 'help' ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name === 'help' ? 0 : 2);
}
command.run(args, { withDatabase, extensions: moduleServices.extensions }).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
