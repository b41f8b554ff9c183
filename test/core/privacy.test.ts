import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/helpers.js';

/**
 * Privacy: nothing leaves the machine. The shipped bundles use no network module and no network API, except
 * the documented occurrences in docs/privacy.md, matched by the module esbuild inlined them from (the
 * `// node_modules/…` comment before each module in a non-minified bundle). The sources never import them.
 */

const BUNDLES = ['client.js', 'server.js', 'cli.js'];

/** What counts as network access in a bundle. */
const NETWORK: [name: string, pattern: RegExp][] = [
  ...['http', 'https', 'net', 'tls', 'dgram', 'http2'].map((m): [string, RegExp] => [`require("${m}")`, new RegExp(`require\\(\\s*["'\`](?:node:)?${m}["'\`]\\s*\\)`, 'gu')]),
  ['fetch(', /(?<![\w$])fetch\s*\(/gu],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/gu],
  ['WebSocket', /\bWebSocket\b/gu],
];

/**
 * The documented exceptions (docs/privacy.md), per bundle: [what, module it sits in].
 * - vscode-jsonrpc's node transport requires `net` for the local pipe / socket transport between client and
 *   server (the server also has its own copy under vscode-languageserver/node_modules). We start the server
 *   over stdio or node IPC; the code creates only local pipes, never a remote connection.
 * - @vscode/l10n calls `fetch` only when l10n.config() gets an http(s) URI; we pass the bundle's contents.
 */
const JSONRPC_CLIENT = 'node_modules/vscode-jsonrpc/lib/node/main.js';
const JSONRPC_SERVER = 'node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js';
const L10N = 'node_modules/@vscode/l10n/dist/main.js';
const ALLOWED: Record<string, [string, string][]> = {
  'client.js': [['require("net")', JSONRPC_CLIENT]],
  'server.js': [['require("net")', JSONRPC_SERVER], ['fetch(', L10N]],
  'cli.js': [['require("net")', JSONRPC_SERVER], ['fetch(', L10N]],
};

/** Every network use in a bundle as [what, module]; the module is the last esbuild module comment before it. */
function networkUses(bundle: string): [string, string][] {
  const markers = [...bundle.matchAll(/^[ \t]*\/\/ ((?:node_modules|server|client)\/\S+\.[cm]?[jt]s)$/gmu)].map((m) => ({ at: m.index, module: m[1]! }));
  const moduleAt = (offset: number) => {
    let lo = -1;
    for (let hi = markers.length - 1, l = 0; l <= hi; ) {
      const mid = (l + hi) >> 1;
      if (markers[mid]!.at <= offset) { lo = mid; l = mid + 1; } else hi = mid - 1;
    }
    return lo >= 0 ? markers[lo]!.module : '(bundle prelude)';
  };
  const uses: [string, string][] = [];
  for (const [name, pattern] of NETWORK) for (const m of bundle.matchAll(pattern)) uses.push([name, moduleAt(m.index)]);
  return uses.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

describe('privacy: no network access', function () {
  this.timeout(180000);

  before(() => {
    if (BUNDLES.some((b) => !fs.existsSync(path.join(repoRoot, 'dist', b)))) {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'bundle.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    }
  });

  it('finds network uses and their module (the check can fail)', () => {
    const sample = [
      '// node_modules/evil/index.js',
      'var h = require("node:https"); globalThis.fetch("x"); const s = new WebSocket("ws://x");',
      '// server/src/core/x.ts',
      'obj.prefetch(1); fetch (y);',
    ].join('\n');
    assert.deepEqual(networkUses(sample), [
      ['fetch(', 'node_modules/evil/index.js'],
      ['fetch(', 'server/src/core/x.ts'],
      ['require("https")', 'node_modules/evil/index.js'],
      ['WebSocket', 'node_modules/evil/index.js'],
    ]);
  });

  for (const name of BUNDLES) {
    it(`dist/${name} uses the network only where docs/privacy.md says so`, () => {
      const bundle = fs.readFileSync(path.join(repoRoot, 'dist', name), 'utf8');
      assert.ok(/^\/\/ node_modules\//mu.test(bundle), 'the bundle must keep esbuild module comments (not minified) for this check');
      const expected = [...ALLOWED[name]!].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
      assert.deepEqual(networkUses(bundle), expected);
    });
  }

  it('docs/privacy.md lists every allowed module', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'privacy.md'), 'utf8');
    for (const module of new Set(Object.values(ALLOWED).flat().map(([, m]) => m))) assert.ok(doc.includes(module), module);
  });

  it('the shells configure @vscode/l10n with contents, never with a URI (its only fetch)', () => {
    for (const file of sourceFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/l10n\.config\(\s*\{\s*(\w+)/gu)) assert.equal(m[1], 'contents', path.relative(repoRoot, file));
    }
  });

  it('no source file under server/src or client/src imports a network module or calls a network API', () => {
    const found: string[] = [];
    const imports = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(?:http|https|net|tls|dgram|http2)['"]/gu;
    const apis = /(?<![\w$.])(?:fetch\s*\(|XMLHttpRequest\b|WebSocket\b)/gu;
    for (const file of sourceFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of [...text.matchAll(imports), ...text.matchAll(apis)]) found.push(`${path.relative(repoRoot, file)}: ${m[0]}`);
    }
    assert.deepEqual(found, []);
  });
});

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.[cm]?[jt]s$/u.test(e.name)) out.push(p);
    }
  };
  for (const dir of ['server/src', 'client/src']) walk(path.join(repoRoot, dir));
  return out.sort();
}
