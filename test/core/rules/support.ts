import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze.js';
import type { Finding, Rule } from '../../../server/src/core/rules/types.js';
import { fixturesDir, parse, repoRoot, testKnowledge } from '../../support/helpers.js';

/** Runs one rule over a contract text. */
export function run(rule: Rule, text: string): Finding[] {
  return analyze(parse(text), testKnowledge(), {}, [rule]).findings;
}

/** A finding in short form: line:char-line:char, severity, message. */
export function brief(f: Finding): string {
  const r = f.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${f.severity} ${f.message}`;
}

/** Every fixture contract and the example contract, by file name. */
export const corpus: string[] = [
  ...fs.readdirSync(fixturesDir).filter((f) => /\.(avv\.md|md|txt)$/.test(f)).sort().map((f) => path.join(fixturesDir, f)),
  path.join(repoRoot, 'examples', 'beispiel.avv.md'),
];

export function runFile(rule: Rule, file: string): Finding[] {
  return run(rule, fs.readFileSync(file, 'utf8'));
}
