import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/helpers.js';

/**
 * The .vsix holds what the installed extension reads at run time. The integration suite runs the extension
 * from the repository, where every file exists, so a file missing from the package shows up only here:
 * `vsce ls` lists what `npm run package` would pack (after .vscodeignore).
 */
describe('packaging', function () {
  this.timeout(30000);
  let packed: Set<string>;
  before(() => {
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    packed = new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
  });

  it('packs every media file the preview loads', () => {
    const preview = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'preview.ts'), 'utf8');
    const media = [...preview.matchAll(/media\('([^']+)'\)/gu)].map((m) => `media/${m[1]}`);
    assert.ok(media.length >= 2, media.join());
    for (const f of media) assert.ok(packed.has(f), `${f} is not in the package`);
  });

  it('packs the bundles, every data file the knowledge loads, the German bundle and the rule pages', () => {
    for (const f of ['dist/client.js', 'dist/server.js', 'l10n/bundle.l10n.de.json', 'package.nls.de.json']) assert.ok(packed.has(f), f);
    const data = (dir: string) => fs.readdirSync(path.join(repoRoot, dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
    for (const f of [...data('data'), ...data('data/norms')]) assert.ok(packed.has(f), `${f} is not in the package`);
    const rules = fs.readdirSync(path.join(repoRoot, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const f of rules) assert.ok(packed.has(`docs/rules/${f}`), f);
  });

  it('packs every file the manifest points to, and no sources, tests or screenshots', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
    const c = pkg['contributes'];
    const paths: string[] = [pkg['main'], pkg['icon'], ...c.languages.map((l: any) => l.configuration), ...c.grammars.map((g: any) => g.path), ...c.snippets.map((s: any) => s.path),
      ...(c.jsonValidation ?? []).map((j: any) => j.url)].filter(Boolean).map((p: string) => p.replace(/^\.\//u, ''));
    for (const p of paths) assert.ok(packed.has(p), `${p} is not in the package`);
    for (const f of packed) assert.doesNotMatch(f, /^(?:server|client|test|scripts|out|node_modules)\/|^media\/screenshots\//u, f);
  });
});
