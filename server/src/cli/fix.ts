import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, parseContract, type Knowledge } from '../core/index.js';
import { resolveSeverities } from '../core/config/index.js';
import { applyEdits, diffHunks, fixAll, fixableInBulk, loadClauseLibrary, type ClauseLibrary } from '../core/fixes/index.js';
import { ProjectConfigs } from '../shared/projectConfig.js';
import { expandFiles } from './files.js';

/**
 * `avv fix <files> [--rule ID] [--clauses] [--dry-run]`: applies the preferred quick fixes of every mechanically
 * fixable finding (with --clauses also the requirement clauses; or those of one rule) with the same functions as
 * the editor's "fix all", and writes the files. With --dry-run it prints
 * the changed lines as a unified-diff-like summary and writes nothing. Exit code 0; 2 on usage errors.
 */
export interface FixIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface FixOptions {
  files: string[];
  ruleId?: string;
  dryRun: boolean;
  clauses: boolean;
}

function parseFixOptions(args: string[]): FixOptions | string {
  const o: FixOptions = { files: [], dryRun: false, clauses: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--clauses') o.clauses = true;
    else if (a === '--rule' || a.startsWith('--rule=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) return l10n.t('{0} needs a value', '--rule');
      o.ruleId = v;
    } else if (a === '--locale' || a.startsWith('--locale=')) {
      if (!a.includes('=')) i++;
    } else if (a.startsWith('--')) return l10n.t('unknown option {0}', a);
    else o.files.push(a);
  }
  if (o.files.length === 0) return l10n.t('no files given');
  return o;
}

export function runFix(args: string[], io: FixIo, knowledge: Knowledge, library: ClauseLibrary = loadClauseLibrary()): number {
  const opts = parseFixOptions(args);
  if (typeof opts === 'string') {
    io.stderr(`avv: ${opts}`);
    return 2;
  }
  if (opts.ruleId && !knowledge.rules.has(opts.ruleId)) {
    io.stderr(`avv: ${l10n.t('unknown rule "{0}"', opts.ruleId)}`);
    return 2;
  }
  const { files, unmatched } = expandFiles(opts.files, io.cwd);
  for (const u of unmatched) io.stderr(`avv: ${l10n.t('no contract matches "{0}"', u)}`);
  if (files.length === 0) return 2;
  const configs = new ProjectConfigs(knowledge);
  const out: string[] = [];
  for (const file of files) {
    const full = path.resolve(io.cwd, file);
    const text = fs.readFileSync(full, 'utf8');
    const settings = { severities: resolveSeverities(knowledge, configs.forFile(full).config, { rules: {} }) };
    const parsed = parseContract({ uri: file, version: 0, text }, knowledge);
    const findings = analyze(parsed, knowledge, settings).findings;
    const selected = (f: { ruleId: string }) => (opts.ruleId ? f.ruleId === opts.ruleId : fixableInBulk(knowledge, f.ruleId, opts.clauses));
    const before = findings.filter(selected).length;
    const edits = fixAll(parsed, knowledge, library, findings, opts.ruleId, { settings, clauses: opts.clauses });
    if (edits.length === 0) {
      out.push(`${file}: ${before ? l10n.t('nothing to fix ({0} findings without a fix)', before) : l10n.t('nothing to fix')}`);
      continue;
    }
    const fixed = applyEdits(text, edits);
    const after = analyze(parseContract({ uri: file, version: 1, text: fixed }, knowledge), knowledge, settings).findings.filter(selected).length;
    if (opts.dryRun) {
      out.push(`--- ${file}`, `+++ ${file} (${l10n.t('fixed')})`);
      for (const h of diffHunks(text, fixed)) {
        out.push(`@@ -${h.line + 1},${h.removed.length} +${h.line + 1},${h.added.length} @@`);
        for (const l of h.removed) out.push(`-${l.replace(/\r?\n$/u, '')}`);
        for (const l of h.added) out.push(`+${l.replace(/\r?\n$/u, '')}`);
      }
    } else {
      fs.writeFileSync(full, fixed);
    }
    out.push(`${file}: ${opts.dryRun ? l10n.t('{0} of {1} findings would be fixed', before - after, before) : l10n.t('{0} of {1} findings fixed', before - after, before)}`);
  }
  io.stdout(out.join('\n'));
  return 0;
}
