import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingMessages } from '../../server/src/core/coverage/messages.js';
import { repoRoot } from '../support/helpers.js';

/** Every user-visible string has a German translation; the manifest strings exist in both languages. */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The literal first arguments of l10n.t(…) calls ('…', "…" or `…` without interpolation). */
export function l10nKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const re = /\bl10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$]*)`)/g;
  for (const file of [...sourceFiles(path.join(repoRoot, 'server', 'src')), ...sourceFiles(path.join(repoRoot, 'client', 'src'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const raw = m[1] ?? m[2] ?? m[3]!;
      keys.set(raw.replace(/\\(['"\\])/g, '$1'), path.relative(repoRoot, file));
    }
  }
  // the coverage's "missing" texts reach l10n.t as variables
  for (const m of missingMessages) keys.set(m, 'server/src/core/coverage/messages.ts');
  return keys;
}

describe('localisation', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

  it('translates every message of server, core and client into German', () => {
    const missing = [...l10nKeys()].filter(([k]) => !(k in bundle)).map(([k, f]) => `${f}: ${k}`);
    assert.deepEqual(missing, []);
  });

  it('has no translations for messages that no longer exist', () => {
    const keys = l10nKeys();
    assert.deepEqual(Object.keys(bundle).filter((k) => !keys.has(k)), []);
  });

  it('keeps the placeholders {0}, {1} … of every message', () => {
    for (const [k, v] of Object.entries(bundle)) {
      const holes = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
      assert.equal(holes(v), holes(k), k);
    }
  });

  it('has the same manifest keys in English and German', () => {
    const en = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as object;
    const de = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.de.json'), 'utf8')) as object;
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    for (const m of manifest.matchAll(/"%([\w.]+)%"/g)) assert.ok(m[1]! in en, `package.nls.json lacks ${m[1]}`);
  });
});
