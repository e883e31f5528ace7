import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDatabase } from './db/seed/seed.ts';
import { createLogger } from './log.ts';
import { createOrPromoteAdmin } from './modules/accounts/user-admin.service.ts';
import { exportEvents, importEvents } from './modules/events/events.import.ts';
import { exportExperts, importExperts } from './modules/experts/experts.import.ts';
import { exportPractices, importPractices } from './modules/practices/practices.import.ts';
import { exportProjectIdeas, importProjectIdeas } from './modules/project-ideas/project-ideas.import.ts';
import { loadTaxonomy } from './modules/taxonomy/taxonomy.service.ts';
import { startBackgroundWorker } from './worker.ts';

// `npm run cli -- <command>`. Each command opens the configured database (DATABASE_URL or DATA_DIR),
// does one thing, prints what it did and exits non-zero on failure.

type Command = { summary: string; run: (args: string[]) => Promise<void> };

/** An import file holds good practices, experts, events, project ideas or several of them (docs/import-format.md). */
const importFile = z
  .object({
    practices: z.array(z.unknown()).optional(),
    experts: z.array(z.unknown()).optional(),
    events: z.array(z.unknown()).optional(),
    projectIdeas: z.array(z.unknown()).optional(),
  })
  .refine((f) => f.practices !== undefined || f.experts !== undefined || f.events !== undefined || f.projectIdeas !== undefined);
type ImportReport = Array<{ externalId: string; outcome: string; reasons: string[] }>;

/** One line per record (externalIds and reasons only, never an e-mail address), then the totals. */
function printImportReport(label: string, report: ImportReport): number {
  for (const r of report) console.log(`${r.outcome.padEnd(8)} ${r.externalId}${r.reasons.length ? ` — ${r.reasons.join('; ')}` : ''}`);
  const count = (o: string) => report.filter((r) => r.outcome === o).length;
  console.log(`${label}: ${count('created')} created, ${count('updated')} updated, ${count('rejected')} rejected.`);
  return count('rejected');
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations',
    run: async () => {
      await withDatabase(async (db, engine) => {
        const { applied } = await migrateToLatest(db);
        console.log(applied.length ? `Applied on ${engine}: ${applied.join(', ')}` : `Database (${engine}) is up to date.`);
      });
    },
  },
  seed: {
    summary: 'load the taxonomy, and the demo content unless --no-demo (once per database)',
    run: async (args) => {
      await withDatabase(async (db) => {
        await migrateToLatest(db);
        const report = await seedDatabase(db, { demo: !args.includes('--no-demo') });
        const t = report.taxonomy;
        console.log(
          `Taxonomy: ${t.themes} themes, ${t.topics} topics, ${t.regions} regions, ${t.countries} countries. Demo content: ${report.demo}.`,
        );
      });
    },
  },
  import: {
    summary:
      'import good practices, experts, events and project ideas: import FILE.json (format: docs/import-format.md); exit 3 if any record was rejected',
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
      if (!parsed.success)
        throw new Error(
          `${file} must be an object with a "practices", "experts", "events" or "projectIdeas" array (see docs/import-format.md)`,
        );
      const { practices, experts, events, projectIdeas } = parsed.data;
      await withDatabase(async (db) => {
        await migrateToLatest(db);
        await loadTaxonomy(db);
        let rejected = 0;
        if (practices) rejected += printImportReport('Practices', await importPractices(db, practices));
        if (experts) rejected += printImportReport('Experts', await importExperts(db, experts));
        if (events) {
          // Registrants hear of changed times, places, formats and cancellations (mail goes out with the worker).
          const config = loadConfig(process.env);
          rejected += printImportReport(
            'Events',
            await importEvents(db, events, { db, baseUrl: config.BASE_URL, mailFrom: config.MAIL_FROM }),
          );
        }
        // Last: project ideas name experts, events and calls by their external ids.
        if (projectIdeas) rejected += printImportReport('Project ideas', await importProjectIdeas(db, projectIdeas));
        if (rejected) process.exitCode = 3;
      });
    },
  },
  export: {
    summary:
      'export all good practices, experts, events and project ideas in the import format: export [FILE.json] [--with-emails] (default: standard output; e-mails only with the flag)',
    run: async (args) => {
      const file = args.find((a) => !a.startsWith('--'));
      // Experts' e-mail addresses only on request: a file with them is personal data (for admins and migrations).
      const withEmails = args.includes('--with-emails');
      const unknown = args.filter((a) => a.startsWith('--') && a !== '--with-emails');
      if (unknown.length) throw new Error(`export does not know ${unknown.join(', ')}: npm run cli -- export [FILE.json] [--with-emails]`);
      await withDatabase(async (db) => {
        await migrateToLatest(db);
        const data = {
          ...(await exportPractices(db)),
          ...(await exportExperts(db, { withEmails })),
          ...(await exportEvents(db)),
          ...(await exportProjectIdeas(db)),
        };
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (file) {
          // Owner-only when new, since it then holds e-mail addresses.
          writeFileSync(file, json, withEmails ? { mode: 0o600 } : undefined);
          console.error(`Written ${file}${withEmails ? ' (with e-mail addresses: personal data, keep it safe)' : ''}.`);
        } else process.stdout.write(json);
      });
    },
  },
  'create-admin': {
    summary: 'create or promote an admin: create-admin EMAIL (prints a one-time link to set a password)',
    run: async (args) => {
      const parsed = z
        .string()
        .trim()
        .toLowerCase()
        .email()
        .safeParse(args[0] ?? '');
      if (!parsed.success) throw new Error('create-admin needs an e-mail address: npm run cli -- create-admin name@example.org');
      const config = loadConfig();
      await withDatabase(async (db) => {
        await migrateToLatest(db);
        const { created, link } = await createOrPromoteAdmin(db, parsed.data, config.BASE_URL);
        console.log(`${created ? 'Created' : 'Promoted'} ${parsed.data} as admin.`);
        console.log(`One-time link to set the password and sign in (valid 24 hours):\n${link}`);
      });
    },
  },
  worker: {
    summary: 'run the job worker (mail, reminders) in its own process until stopped',
    run: async () => {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL);
      const handle = await connectDatabase(config);
      await migrateToLatest(handle.db);
      const worker = startBackgroundWorker(handle.db, config, logger);
      logger.info({ mail: worker.transport }, 'job worker started');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.stop();
      await handle.close();
    },
  },
};

async function withDatabase(work: (db: Awaited<ReturnType<typeof connectDatabase>>['db'], engine: string) => Promise<void>) {
  const config = loadConfig();
  const handle = await connectDatabase(config);
  try {
    await work(handle.db, handle.engine);
  } finally {
    await handle.close();
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: npm run cli -- <command>\n\nCommands:\n${lines.join('\n')}`;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name && name !== 'help' ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(name === 'help' ? 0 : 2);
}
command.run(args).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
