// Run by tests/run.mjs around the test processes (node --import tsx tests/templates.ts build|drop DIR),
// for the engine TEST_DATABASE_URL selects. `build` makes the run's template databases
// (tests/helpers/db-templates.ts) and writes their description to DIR/templates.json, which run.mjs
// passes on in PEERPOLIS_TEST_TEMPLATES. `drop` removes from the PostgreSQL server whatever the run
// made there; DIR itself, with the PGlite dumps, is removed by run.mjs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplates, dropRun, newRunId } from './helpers/db-templates.ts';

const [command, dir] = process.argv.slice(2);
if (!dir || (command !== 'build' && command !== 'drop')) {
  console.error('usage: node --import tsx tests/templates.ts build|drop DIR');
  process.exit(2);
}
const url = process.env.TEST_DATABASE_URL;
// The run id goes to disk before anything is created, so `drop` finds even a build that was cut short.
const runFile = join(dir, 'run');
if (command === 'build') {
  const started = Date.now();
  const run = newRunId();
  writeFileSync(runFile, run);
  const templates = await buildTemplates(run, dir, url);
  writeFileSync(join(dir, 'templates.json'), JSON.stringify(templates));
  console.log(`Test database templates (${templates.engine}) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else if (existsSync(runFile)) {
  await dropRun(readFileSync(runFile, 'utf8'), url);
}
