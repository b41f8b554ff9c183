import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/index.js';
import { repoRoot, testKnowledge } from '../support/helpers.js';

describe('rule registry', () => {
  it('registers every rule once, each with metadata and a documentation page', () => {
    const ids = rules.flatMap((r) => r.ids ?? [r.id]);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) {
      const meta = testKnowledge().rules.get(id);
      assert.ok(meta, `${id}: no metadata in data/`);
      assert.ok(meta.title.de && meta.title.en && meta.description.de && meta.description.en, `${id}: title/description incomplete`);
      assert.ok(fs.existsSync(path.join(repoRoot, 'docs', 'rules', `${id}.md`)), `${id}: no docs/rules/${id}.md`);
    }
  });

  it('implements every outdated reference of the catalogue, and no other', () => {
    const family = rules.find((r) => r.ids?.includes('out-bdsg-af-11'))!;
    const data = [...testKnowledge().rules.values()].filter((m) => m.kind === 'outdated-reference').map((m) => m.id);
    assert.deepEqual([...family.ids!].sort(), data.sort());
  });

  it('keeps the generated rule pages, settings schema and README table up to date', () => {
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate.mjs'), '--check'], { cwd: repoRoot, stdio: 'pipe' });
    } catch (error) {
      assert.fail(String((error as { stderr?: Buffer }).stderr ?? error));
    }
  });
});
