// The layers of docs/code-style.md, checked in CI (`npm run lint:layers`): imports point one way,
// platform ← core ← features ← the composition root (app, server, worker, cli, seed, modules.ts).
// Tests may reach up (they build the app), but never form a cycle.
const TEST = '\\.test\\.tsx?$';
const ROOT = '^src/[^/]+\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules and layers must not import each other in a loop (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'The platform (db client, HTTP, UI kit, i18n, small libraries) serves every module and names none.',
      from: { path: '^src/platform/', pathNot: TEST },
      to: { path: ['^src/core/', '^src/features/', ROOT] },
    },
    {
      name: 'core-imports-no-feature',
      severity: 'error',
      comment: 'Core services (accounts, mail, jobs, uploads, taxonomy, audit, rate limits, cities) serve the features and name none.',
      from: { path: '^src/core/', pathNot: TEST },
      to: { path: ['^src/features/', ROOT] },
    },
    {
      name: 'feature-through-entry-file',
      severity: 'error',
      comment: "A feature reaches another feature only through that module's entry file (index.ts).",
      from: { path: '^src/features/([^/]+)/', pathNot: TEST },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'modules-import-no-root',
      severity: 'error',
      comment: 'The composition root (app, modules.ts, worker, cli, seed) builds on the modules, never the reverse.',
      from: { path: '^src/(core|features)/', pathNot: TEST },
      to: { path: ROOT },
    },
    {
      name: 'migrations-stand-alone',
      severity: 'error',
      comment: 'Migrations never import app code: a later change to it must not change what an old migration did.',
      from: { path: '/migrations/' },
      to: { path: '^src/', pathNot: '^src/platform/db/migrations/0' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'A relative import that points nowhere (a moved file).',
      from: {},
      to: { couldNotResolve: true, path: '^\\.' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|scratch)/' },
    // Type-only imports count: a type-only cycle still ties two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
    },
  },
};
