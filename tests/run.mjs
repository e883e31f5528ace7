// `npm test`: every unit and HTTP test, then the browser tests when Chromium is installed.
// REQUIRE_BROWSER=1 (set by CI) turns a missing Chromium into a failure instead of a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function find(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return find(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

function runTests(files, concurrency) {
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files];
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
}

const unit = [...find('src', /\.test\.tsx?$/), ...find('tests/unit', /\.test\.tsx?$/)].sort();
let status = runTests(unit, 2);

const e2e = find('tests/e2e', /\.test\.ts$/).sort();
if (existsSync(CHROMIUM)) {
  status = runTests(e2e, 1) || status;
} else if (process.env.REQUIRE_BROWSER === '1') {
  console.error(`Browser tests cannot run: ${CHROMIUM} is missing (apt-get install -y chromium), and REQUIRE_BROWSER=1.`);
  status = 1;
} else {
  console.log(`Browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium to run them).`);
}
process.exit(status);
