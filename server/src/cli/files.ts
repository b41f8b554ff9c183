import * as fs from 'node:fs';
import * as path from 'node:path';

const CONTRACT = /\.(?:avv\.md|md|markdown|txt)$/i;

/**
 * Expands file arguments: plain paths, folders (all contracts inside) and globs with `*`, `**`, `?`
 * (Node 20 has no fs.glob). Returns paths relative to `cwd` when they lie inside it, sorted, unique.
 */
export function expandFiles(args: string[], cwd: string): { files: string[]; unmatched: string[] } {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const before = files.size;
    if (!/[*?[]/.test(arg)) {
      const abs = path.resolve(cwd, arg);
      if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) walk(abs, (f) => CONTRACT.test(f) && files.add(rel(cwd, f)));
      else if (fs.existsSync(abs)) files.add(rel(cwd, abs));
    } else {
      const segments = arg.split(/[\\/]/);
      const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
      const base = path.resolve(cwd, segments.slice(0, firstGlob).join('/') || '.');
      const re = globToRegExp(path.resolve(cwd, arg).split(path.sep).join('/'));
      if (fs.existsSync(base)) walk(base, (f) => re.test(f.split(path.sep).join('/')) && files.add(rel(cwd, f)));
    }
    if (files.size === before) unmatched.push(arg);
  }
  return { files: [...files].sort(), unmatched };
}

function walk(dir: string, visit: (file: string) => unknown): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full);
  }
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, file);
  return r.startsWith('..') ? file : r.split(path.sep).join('/');
}
