// Compiles the test files for one `npm test` run (tests/run.mjs), so that the test processes load
// plain JavaScript instead of going through tsx's loader hooks.
//
// Why: every test file runs in a process of its own, and each of them loads the whole app through the
// module registry (some 450 files). Through tsx's off-thread loader that costs about 1.8 s of CPU per
// process, most of it in the hooks' message passing, not in our code; a bundle of the same file loads
// in a fraction of that. esbuild is what tsx compiles with, so the code that runs is the same: one
// bundle per test file, shared parts split into chunks, packages left to node_modules.
//
// `import.meta.url` is replaced by the URL of the source file it is written in, so that reading a
// catalog, a demo file or a JSON list next to the source works as it does under tsx.
// A test file run on its own (`node --import tsx --test path`) does not use this.
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SOURCE = /\.(ts|tsx)$/;

const importMetaUrlOfSource = {
  name: 'import-meta-url-of-source',
  setup(b) {
    b.onLoad({ filter: SOURCE }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const contents = source.includes('import.meta.url')
        ? source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        : source;
      return { contents, loader: extname(args.path).slice(1) };
    });
  },
};

/** The source files a test file's bundle loads, through the shared chunks it imports. */
function sourcesLoaded(metafile, output) {
  const sources = new Set();
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = metafile.outputs[file];
    if (!out) return;
    for (const input of Object.keys(out.inputs)) sources.add(input);
    for (const imported of out.imports) if (!imported.external) visit(imported.path);
  };
  visit(output);
  return sources;
}

/**
 * Bundles `files` (paths relative to the project root) into `outdir`, which must lie inside the
 * project so that the bundles' package imports resolve from its node_modules.
 * Returns each test file's bundle, in the order given, and the source files each one loads.
 */
export async function bundleTests(files, outdir) {
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({
    metafile: true,
    entryPoints: files,
    outdir,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [importMetaUrlOfSource],
  });
  return files.map((file) => {
    const bundle = join(outdir, file.replace(SOURCE, '.mjs'));
    return { bundle, sources: sourcesLoaded(metafile, relative(process.cwd(), bundle).split('\\').join('/')) };
  });
}
