import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Finding } from '../../server/src/core/index.js';
import { resolveSeverities } from '../../server/src/core/config/index.js';
import { parse, repoRoot, testKnowledge } from '../support/helpers.js';

/**
 * The realistic corpus (test/fixtures/corpus/): every contract has a sidecar NAME.expect.json written from
 * the text and the law, not from the tool's output. This test runs the analysis with the CLI's default
 * profile, compares the findings with the sidecar (convention: test/fixtures/corpus/README.md), prints
 * true positives, false positives and false negatives per contract and in total, and requires recall and
 * precision of at least 95 % over the whole corpus. Set CORPUS_VERBOSE=1 to print the diff of every
 * contract, not only of those that differ.
 */

export const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'corpus');
const THRESHOLD = 0.95;

export interface ExpectedFinding {
  rule: string;
  /** 0-based line of the original file, or null for a document-level finding (a requirement missing everywhere). */
  line: number | null;
  status?: 'missing' | 'partial';
  note: string;
}

interface Sidecar { style: string; findings: ExpectedFinding[] }

export const corpusFiles = fs.readdirSync(corpusDir).filter((f) => /\.(?:avv\.md|md|txt)$/u.test(f) && f !== 'README.md').sort();

export function sidecarOf(file: string): Sidecar {
  const base = file.replace(/\.(?:avv\.md|md|txt)$/u, '');
  return JSON.parse(fs.readFileSync(path.join(corpusDir, `${base}.expect.json`), 'utf8')) as Sidecar;
}

/** The findings of one corpus contract, with the severities of the CLI's default profile. */
export function analyseCorpusFile(file: string): Finding[] {
  const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
  const k = testKnowledge();
  return analyze(parse(text, `file://${path.join(corpusDir, file)}`), k, { severities: resolveSeverities(k) }).findings;
}

const isRequirement = (rule: string) => testKnowledge().rules.get(rule)?.kind === 'requirement';
const statusOf = (f: Finding) => (f.data as { status?: string } | undefined)?.status;

interface Comparison { tp: [ExpectedFinding, Finding][]; fn: ExpectedFinding[]; fp: Finding[] }

/**
 * Matching: a requirement finding matches on rule id and status (one finding per requirement and contract;
 * its line is where the tool anchors it, which the sidecar records only for the reader). Every other finding
 * matches on rule id and line ±1; line null matches any line. Exact lines are paired first.
 */
export function compare(expected: readonly ExpectedFinding[], actual: readonly Finding[]): Comparison {
  const open = [...actual];
  const tp: [ExpectedFinding, Finding][] = [];
  const fn: ExpectedFinding[] = [];
  const take = (e: ExpectedFinding, ok: (f: Finding) => boolean): boolean => {
    const i = open.findIndex((f) => f.ruleId === e.rule && ok(f));
    if (i < 0) return false;
    tp.push([e, open[i]!]);
    open.splice(i, 1);
    return true;
  };
  const rest: ExpectedFinding[] = [];
  for (const e of expected) {
    if (isRequirement(e.rule)) {
      if (!take(e, (f) => statusOf(f) === (e.status ?? 'missing'))) fn.push(e);
    } else if (e.line === null || !take(e, (f) => f.range.start.line === e.line)) rest.push(e);
  }
  for (const e of rest) if (!take(e, (f) => e.line === null || Math.abs(f.range.start.line - e.line) <= 1)) fn.push(e);
  return { tp, fn, fp: open };
}

const fmtLine = (line: number | null) => (line === null ? 'doc' : `L${line + 1}`);

function describeDiff(file: string, c: Comparison): string[] {
  const out: string[] = [];
  const fpByRule = new Map(c.fp.map((f) => [f.ruleId, f]));
  for (const e of c.fn) {
    const other = fpByRule.get(e.rule);
    if (other && isRequirement(e.rule)) {
      out.push(`  ≠ ${e.rule}: expected ${e.status ?? 'missing'}, tool says ${statusOf(other)} (${fmtLine(other.range.start.line)}: ${other.message})`);
      out.push(`      why expected: ${e.note}`);
      fpByRule.delete(e.rule);
      continue;
    }
    out.push(`  − missed   ${e.rule}${e.status ? ` [${e.status}]` : ''} ${fmtLine(e.line)} — ${e.note}`);
  }
  for (const f of c.fp) {
    if (isRequirement(f.ruleId) && c.fn.some((e) => e.rule === f.ruleId)) continue;
    out.push(`  + unexpected ${f.ruleId}${statusOf(f) ? ` [${statusOf(f)}]` : ''} ${fmtLine(f.range.start.line)} (${f.severity}) — ${f.message}`);
  }
  return out.length ? [`${file}:`, ...out] : [];
}

describe('corpus of realistic contracts', function () {
  this.timeout(60_000);
  const results = new Map<string, Comparison>();

  before(() => {
    for (const file of corpusFiles) results.set(file, compare(sidecarOf(file).findings, analyseCorpusFile(file)));
  });

  it('has at least 12 contracts, each with a well-formed sidecar', () => {
    assert.ok(corpusFiles.length >= 12, `only ${corpusFiles.length} contracts`);
    const k = testKnowledge();
    for (const file of corpusFiles) {
      const side = sidecarOf(file);
      assert.ok(side.style, `${file}: style`);
      const lines = fs.readFileSync(path.join(corpusDir, file), 'utf8').split(/\r?\n/u).length;
      for (const e of side.findings) {
        assert.ok(k.rules.has(e.rule), `${file}: unknown rule ${e.rule}`);
        assert.ok(e.note && e.note.length > 5, `${file}: ${e.rule} needs a note`);
        assert.ok(e.line === null || (Number.isInteger(e.line) && e.line >= 0 && e.line < lines), `${file}: ${e.rule} line ${e.line}`);
        if (isRequirement(e.rule)) assert.ok(e.status === 'missing' || e.status === 'partial', `${file}: ${e.rule} needs status missing|partial`);
        else assert.equal(e.status, undefined, `${file}: ${e.rule} has no status`);
      }
      const requirementIds = side.findings.filter((e) => isRequirement(e.rule)).map((e) => e.rule);
      assert.equal(new Set(requirementIds).size, requirementIds.length, `${file}: a requirement is listed twice`);
    }
  });

  it(`finds what a lawyer finds: recall and precision ≥ ${THRESHOLD * 100} % over the corpus`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const rows: string[] = [];
    const diffs: string[] = [];
    const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
    for (const [file, c] of results) {
      tp += c.tp.length;
      fp += c.fp.length;
      fn += c.fn.length;
      rows.push(`  ${file.padEnd(34)} TP ${String(c.tp.length).padStart(3)}  FP ${String(c.fp.length).padStart(2)}  FN ${String(c.fn.length).padStart(2)}  recall ${pct(c.tp.length, c.tp.length + c.fn.length).padStart(5)} %  precision ${pct(c.tp.length, c.tp.length + c.fp.length).padStart(5)} %`);
      if (c.fp.length || c.fn.length || process.env['CORPUS_VERBOSE']) diffs.push(...describeDiff(file, c));
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    rows.push(`  ${'TOTAL'.padEnd(34)} TP ${String(tp).padStart(3)}  FP ${String(fp).padStart(2)}  FN ${String(fn).padStart(2)}  recall ${pct(tp, tp + fn).padStart(5)} %  precision ${pct(tp, tp + fp).padStart(5)} %`);
    console.log(['', 'Corpus (expected = sidecar, actual = analyze with the default profile):', ...rows].join('\n'));
    if (diffs.length) console.log(['', 'Differences (− expected but not found, + found but not expected, ≠ other status):', ...diffs, ''].join('\n'));
    assert.ok(recall >= THRESHOLD, `recall ${(recall * 100).toFixed(1)} % < ${THRESHOLD * 100} %`);
    assert.ok(precision >= THRESHOLD, `precision ${(precision * 100).toFixed(1)} % < ${THRESHOLD * 100} %`);
  });

  it('keeps the model contract (examples/beispiel.avv.md) free of errors and warnings', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'beispiel.avv.md'), 'utf8');
    const k = testKnowledge();
    const { findings, coverage } = analyze(parse(text, 'file:///beispiel.avv.md'), k, { severities: resolveSeverities(k) });
    const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.ruleId} L${f.range.start.line + 1}: ${f.message}`), []);
    assert.deepEqual(coverage.filter((c) => c.status === 'missing' || c.status === 'partial').map((c) => c.id), []);
  });
});
