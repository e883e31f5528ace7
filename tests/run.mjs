// `npm test`: every unit and HTTP test, then the browser tests when Chromium is installed.
// REQUIRE_BROWSER=1 (set by CI) turns a missing Chromium into a failure instead of a skip;
// `*.embedded.test.ts` files run only on PGlite (without TEST_DATABASE_URL); BROWSER_TESTS=skip leaves them out; BROWSER_TESTS=only:a,b runs only those files (tests/e2e/a.test.ts…)
// and BROWSER_TESTS=except:a,b all others: CI shares them between its two engine runs, each file on one
// engine only (docs/decisions/011-test-run-time.md).
// Before the tests it builds the run's template databases (tests/helpers/db-templates.ts) for the engine
// TEST_DATABASE_URL selects, and removes them afterwards, whatever the outcome.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bundleTests } from './bundle.mjs';
import { groupTestFiles } from './groups.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function find(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return find(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

// Asynchronous children, so that an interrupt (Ctrl-C, a CI timeout's SIGTERM) reaches this process
// while they run: it is passed on to the tests, and the templates are still dropped before exiting.
let child;
let interrupted;
let cleaningUp = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted ??= signal;
    if (!cleaningUp) child?.kill(signal);
  });
}

function node(args, options = {}) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
    child.on('exit', (code) => {
      child = undefined;
      resolve(code ?? 1);
    });
  });
}

/** The browser test files BROWSER_TESTS selects ("only:…" or "except:…" names without .test.ts); all otherwise. */
function browserTestSelection(files, setting = '') {
  const match = /^(only|except):(.*)$/.exec(setting);
  if (!match) return files;
  const names = match[2]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !files.some((f) => basename(f) === `${n}.test.ts`));
  // A misspelt name would silently drop a file from both engines' runs.
  if (unknown.length) throw new Error(`BROWSER_TESTS names no file tests/e2e/${unknown.join('.test.ts, ')}.test.ts`);
  return files.filter((f) => names.includes(basename(f, '.test.ts')) === (match[1] === 'only'));
}

// --liftoff-only: each test process compiles PGlite's WebAssembly with V8's baseline compiler only. A test
// file lives seconds, too short for the optimising compiler's background work on a 9 MB module to pay
// back: it cost 8–20 % more CPU per file (ADR 011, "Update (issue 16)"). The server keeps the default.
const runTests = (files, concurrency, env) =>
  node(['--enable-source-maps', '--liftoff-only', '--test', `--test-concurrency=${concurrency}`, ...files], { env });

// The compiled tests live inside the project, where their package imports resolve (tests/bundle.mjs).
const BUNDLES = join('node_modules', '.cache', 'peerpolis-tests');

// A run killed outright (SIGKILL) leaves its directories behind; a later one removes them once surely dead.
for (const parent of [tmpdir(), BUNDLES]) {
  if (!existsSync(parent)) continue;
  for (const name of readdirSync(parent).filter((n) => n.startsWith('peerpolis-test-run-'))) {
    const dir = join(parent, name);
    const age = Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 12 * 3600_000) rmSync(dir, { recursive: true, force: true });
  }
}
const runDir = mkdtempSync(join(tmpdir(), 'peerpolis-test-run-'));
const bundleDir = join(BUNDLES, basename(runDir));
let status = 1;
try {
  status = await node(['--import', 'tsx', 'tests/templates.ts', 'build', runDir]);
  if (status === 0 && !interrupted) {
    const env = { ...process.env, PEERPOLIS_TEST_TEMPLATES: readFileSync(join(runDir, 'templates.json'), 'utf8') };
    // `*.embedded.test.ts` test the embedded engine itself (a fresh DATA_DIR, the CLI in a process of its
    // own): they never read TEST_DATABASE_URL, so the PostgreSQL run would only repeat them.
    const embeddedOnly = process.env.TEST_DATABASE_URL ? (f) => !f.endsWith('.embedded.test.ts') : () => true;
    const unitSources = [...find('src', /\.test\.tsx?$/), ...find('tests/unit', /\.test\.tsx?$/)].filter(embeddedOnly).sort();
    const e2eSources = browserTestSelection(find('tests/e2e', /\.test\.ts$/).sort(), process.env.BROWSER_TESTS);
    const bundles = await bundleTests([...unitSources, ...e2eSources], bundleDir);
    // A test file that never loads the test database helpers cannot depend on the engine (a model, a
    // parser, a page fragment): the PGlite run covers it, and the PostgreSQL run leaves it out.
    const usesTestDatabase = ({ sources }) => [...sources].some((s) => s.startsWith('tests/helpers/db'));
    const unit = bundles
      .map((b, i) => ({ ...b, source: unitSources[i] }))
      .slice(0, unitSources.length)
      .filter((b) => !process.env.TEST_DATABASE_URL || usesTestDatabase(b));
    const e2e = bundles.slice(unitSources.length).map((b) => b.bundle);
    // Several unit test files per process (tests/groups.mjs); TEST_FILES_PER_PROCESS=1 gives each its own.
    const perProcess = Math.max(1, Number(process.env.TEST_FILES_PER_PROCESS ?? 6) || 1);
    const groups = groupTestFiles(unit, bundleDir, Math.ceil(unit.length / perProcess));
    for (const [i, group] of groups.entries()) console.log(`# test process ${i + 1}: ${group.sources.join(' ')}`);
    const processes = groups.map((g) => g.entry);
    status = await runTests(processes, 2, env);

    if (interrupted) {
      console.log(`Browser tests not run: interrupted (${interrupted}).`);
    } else if (process.env.BROWSER_TESTS === 'skip' || e2e.length === 0) {
      console.log(`Browser tests not run: BROWSER_TESTS=${process.env.BROWSER_TESTS}.`);
    } else if (existsSync(CHROMIUM)) {
      status = (await runTests(e2e, 1, env)) || status;
    } else if (process.env.REQUIRE_BROWSER === '1') {
      console.error(`Browser tests cannot run: ${CHROMIUM} is missing (apt-get install -y chromium), and REQUIRE_BROWSER=1.`);
      status = 1;
    } else {
      console.log(`Browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium to run them).`);
    }
  }
} finally {
  // PGlite's templates are files in runDir; PostgreSQL's are databases to drop. The drop runs in its own
  // process group, so that a second Ctrl-C in the terminal does not stop it half-way.
  cleaningUp = true;
  if (process.env.TEST_DATABASE_URL) {
    if ((await node(['--import', 'tsx', 'tests/templates.ts', 'drop', runDir], { detached: true })) !== 0) status ||= 1;
  }
  rmSync(runDir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
}
process.exit(status || (interrupted ? 1 : 0));
