// Several test files in one process (tests/run.mjs). Every test process first loads the app's code
// (about 1.2 CPU-seconds: the bundle and its packages) and, on PGlite, compiles the engine's WebAssembly;
// run one file per process and that is paid some 230 times a CI run. A group's entry imports its files'
// bundles one after the other, so the test runner runs them in one process, file after file, each with
// its own database and app as before (ADR 011, "Update (issue 16, fifth session)").
//
// Why files can share a process: every cache the app keeps per process is keyed by its database handle
// (a WeakMap) or holds only what never changes (catalogs, parsed queries); the metrics registry and the
// page cache belong to each app; no test file changes process.env, timers or globals. A file whose
// `before`/`after` hooks stand at its top level still opens its database before its first test and closes
// it after the group's last: that costs memory (one database per such file of the group), not correctness.
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Writes `count` group entries into `outdir` that together import every bundle once, balanced by the size
 * of each test's source file (more tests, more time: the heaviest file goes to the lightest group first).
 * `files`: `{ source, bundle }` each. Returns each entry with its source files, in path order.
 */
export function groupTestFiles(files, outdir, count) {
  const groups = Array.from({ length: Math.max(1, Math.min(count, files.length)) }, () => ({ weight: 0, members: [] }));
  const weighed = files.map((f) => ({ ...f, weight: statSync(f.source).size }));
  for (const file of [...weighed].sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source))) {
    const lightest = groups.reduce((best, g) => (g.weight < best.weight ? g : best));
    lightest.weight += file.weight;
    lightest.members.push(file);
  }
  return groups
    .filter((g) => g.members.length)
    .map((g, i) => {
      const members = g.members.sort((a, b) => a.source.localeCompare(b.source));
      const entry = join(outdir, `group-${String(i + 1).padStart(2, '0')}.test.mjs`);
      const imports = members.map((m) => `import ${JSON.stringify(`./${relative(dirname(entry), m.bundle).split('\\').join('/')}`)};`);
      writeFileSync(entry, `// ${members.map((m) => m.source).join(', ')}\n${imports.join('\n')}\n`);
      return { entry, sources: members.map((m) => m.source) };
    });
}
