import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../support/helpers.js';

describe('benchmark (smoke mode)', () => {
  it('runs and prints one JSON line per scenario with medians, p95 and the references', function () {
    this.timeout(120000);
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'bench.mjs'), '--smoke'], { cwd: repoRoot, encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => l['scenario']), ['cold full check', 'keystroke → diagnostics', 'completion in TOM annex', 'hover on citation']);
    for (const l of lines) {
      for (const key of ['sizeKB', 'medianMs', 'p95Ms', 'ratio']) assert.equal(typeof l[key], 'number', `${String(l['scenario'])}: ${key}`);
      const ref = l['reference'] as Record<string, unknown>;
      assert.equal(typeof ref['markdownlintMs'], 'number');
      assert.equal(typeof ref['remarkMs'], 'number');
    }
  });
});
