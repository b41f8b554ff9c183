// Prints the l10n.t() source strings that have no German translation yet, as JSON to fill in.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.de.json'), 'utf8'));
const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
const re = /\bl10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$]*)`)/g;
const missing = {};
for (const f of [...files(join(root, 'server/src')), ...files(join(root, 'client/src'))]) {
  for (const m of readFileSync(f, 'utf8').matchAll(re)) {
    const k = (m[1] ?? m[2] ?? m[3]).replace(/\\(['"\\])/g, '$1');
    if (!(k in bundle)) missing[k] = '';
  }
}
// the coverage's "missing" texts are translated through l10n.t(variable): take them from the build
const { missingMessages } = await import(join(root, 'out/server/src/core/coverage/messages.js'));
for (const k of missingMessages) if (!(k in bundle)) missing[k] = '';
console.log(JSON.stringify(missing, null, 2));
