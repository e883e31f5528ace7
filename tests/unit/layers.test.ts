import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';

// The layer rules of .dependency-cruiser.cjs (run on the real tree by `npm run lint:layers` in CI),
// shown failing on a small tree that breaks each of them on purpose.

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const dir = mkdtempSync(join(tmpdir(), 'peerpolis-layers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

async function violations(): Promise<string[]> {
  const { tsConfig: _ignored, ...options } = config.options ?? {};
  const result = await cruise(['src'], { ...options, baseDir: dir, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the layer rules', () => {
  it('refuse upward imports, a feature reaching into another, and cycles', async () => {
    write({
      'src/app.ts': "import './features/events/index.ts';\n",
      'src/platform/ui/layout.ts': "import '../../features/events/index.ts';\nexport const x = 1;\n",
      'src/core/accounts/index.ts': "import '../../features/events/index.ts';\nexport const y = 1;\n",
      'src/features/events/index.ts': "import '../ideas/ideas.service.ts';\nexport const z = 1;\n",
      'src/features/ideas/index.ts': "import '../events/index.ts';\nexport const w = 1;\n",
      'src/features/ideas/ideas.service.ts': "import './index.ts';\nimport '../../app.ts';\nexport const v = 1;\n",
      'src/features/ideas/migrations/0001-x.ts': "import '../ideas.service.ts';\nexport const m = 1;\n",
    });
    const found = await violations();
    const rules = new Set(found.map((f) => f.split(':')[0]));
    for (const rule of [
      'platform-imports-no-module',
      'core-imports-no-feature',
      'feature-through-entry-file',
      'modules-import-no-root',
      'migrations-stand-alone',
      'no-cycle',
    ]) {
      assert.ok(rules.has(rule), `${rule} was not reported:\n${found.join('\n')}`);
    }
    assert.ok(found.includes('feature-through-entry-file: src/features/events/index.ts → src/features/ideas/ideas.service.ts'));
  });

  it('accept a feature that uses another through its entry file', async () => {
    rmSync(join(dir, 'src'), { recursive: true, force: true });
    write({
      'src/app.ts': "import './features/ideas/index.ts';\n",
      'src/platform/ui/layout.ts': 'export const x = 1;\n',
      'src/core/accounts/index.ts': "import '../../platform/ui/layout.ts';\nexport const y = 1;\n",
      'src/features/events/index.ts': "import '../../core/accounts/index.ts';\nexport const z = 1;\n",
      'src/features/ideas/index.ts': "import '../events/index.ts';\nexport const w = 1;\n",
    });
    assert.deepEqual(await violations(), []);
  });
});
