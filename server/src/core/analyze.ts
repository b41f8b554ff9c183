import * as l10n from '@vscode/l10n';
import { coverageFor } from './coverage/assess.js';
import { requirementDetectors } from './coverage/registry.js';
import type { CoverageStatus } from './coverage/types.js';
import type { Knowledge } from './knowledge/types.js';
import type { ParsedContract } from './model/build.js';
import type { Directive, Range } from './model/types.js';
import { rules as allRules } from './rules/registry.js';
import type { Finding, Rule, RuleMeta, Severity } from './rules/types.js';

export interface AnalysisSettings {
  /** Severity overrides by rule id ("off" disables); the contract's front matter `regeln:` wins over these. */
  severities?: Record<string, Severity | 'off'>;
}

export interface Analysis {
  findings: Finding[];
  /** Findings silenced by a directive with a reason (shown in reports, not as diagnostics). */
  suppressed: Finding[];
  /** How far the contract covers each legal requirement, in catalogue order. */
  coverage: RequirementReport[];
}

/** One requirement of the catalogue in the coverage report. */
export interface RequirementReport {
  id: string;
  group: 'art28' | 'duties' | 'tom';
  status: CoverageStatus;
  /** What is missing (status partial), in the current language. */
  missing: string[];
  /** Where the contract regulates it. */
  evidence: Range[];
  /** Where a missing requirement belongs (and is reported). */
  anchor?: Range;
  /** The severity its finding has after settings and front matter, or "off". */
  severity: Severity | 'off';
  /** The `avv-assert` / `avv-not-applicable` directive that decided the status, with its reason. */
  asserted?: { verb: 'assert' | 'not-applicable'; reason: string; range: Range };
  /** The reason of an `avv-disable` directive that silenced its finding. */
  suppressed?: { reason: string; range: Range };
}

const INTERNAL: RuleMeta = {
  id: 'internal-error',
  kind: 'product',
  norm: null,
  severity: 'info',
  fixable: false,
  title: { de: 'Interner Fehler einer Prüfregel', en: 'Internal error of a rule' },
  description: { de: '', en: '' },
};

/**
 * Runs every rule over a parsed contract. A rule that throws is isolated: it yields one info finding and
 * all other rules still run.
 */
export function analyze(parsed: ParsedContract, knowledge: Knowledge, settings: AnalysisSettings = {}, rules: readonly Rule[] = allRules): Analysis {
  const { model } = parsed;
  const overrides: Record<string, string> = { ...(settings.severities ?? {}), ...(model.frontMatter?.rules ?? {}) };
  const metaOf = (id: string): RuleMeta => {
    const meta = knowledge.rules.get(id);
    if (!meta) throw new Error(`rule ${id} has no metadata in data/`);
    return meta;
  };
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const rule of rules) {
    const ids = rule.ids ?? [rule.id];
    if (ids.every((id) => overrides[id] === 'off')) continue;
    const meta = metaOf(rule.id === ids[0] ? rule.id : ids[0]!);
    const out: Finding[] = [];
    try {
      rule.check({ parsed, knowledge, meta }, (f) => {
        // a rule family (one module, several ids from data) names the id of each finding
        const id = f.ruleId ?? rule.id;
        if (!ids.includes(id)) throw new Error(`rule ${rule.id} reported undeclared id ${id}`);
        const override = overrides[id];
        if (override === 'off') return;
        const m = metaOf(id);
        out.push({
          ruleId: id,
          severity: isSeverity(override) ? override : f.severity ?? m.severity,
          message: f.message,
          range: f.range,
          norm: f.norm !== undefined ? f.norm : m.norm,
          related: f.related ?? [],
          ...(f.data ? { data: f.data } : {}),
        });
      });
    } catch (error) {
      out.length = 0;
      out.push({
        ruleId: INTERNAL.id,
        severity: 'info',
        message: l10n.t('Rule {0} failed on this document and was skipped: {1}', rule.id, error instanceof Error ? error.message : String(error)),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        norm: null,
        related: [],
        data: { rule: rule.id },
      });
    }
    for (const f of out) (isSuppressed(parsed, f) ? suppressed : findings).push(f);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, suppressed, coverage: coverageReport(parsed, knowledge, overrides, rules, suppressed) };
}

/**
 * The coverage of the requirements whose rules ran (memoised: the rules computed it already). A requirement
 * whose detector failed is left out; its rule reported an internal error.
 */
function coverageReport(parsed: ParsedContract, knowledge: Knowledge, overrides: Record<string, string>, rules: readonly Rule[], suppressed: Finding[]): RequirementReport[] {
  const ran = new Set(rules.map((r) => r.id));
  const report: RequirementReport[] = [];
  for (const detector of requirementDetectors) {
    if (!ran.has(detector.id)) continue;
    const meta = knowledge.rules.get(detector.id);
    let c;
    try {
      c = coverageFor(parsed, detector);
    } catch {
      continue;
    }
    const override = overrides[detector.id];
    const entry: RequirementReport = {
      id: detector.id,
      group: meta?.group ?? 'duties',
      status: c.status,
      missing: c.missing.map((m) => l10n.t(m)),
      evidence: c.evidence.map((e) => e.range),
      severity: override === 'off' ? 'off' : isSeverity(override) ? override : meta?.severity ?? 'info',
    };
    if (c.anchor && (c.status === 'missing' || c.status === 'partial')) entry.anchor = c.anchor.range;
    if (c.byDirective) {
      const d = parsed.model.directives.find((x) => (x.verb === 'assert' || x.verb === 'not-applicable') && x.reason !== undefined && x.ids.includes(detector.id));
      if (d) entry.asserted = { verb: d.verb as 'assert' | 'not-applicable', reason: d.reason!, range: d.range };
    }
    const silenced = suppressed.find((f) => f.ruleId === detector.id);
    const by = silenced && suppressingDirective(parsed, silenced);
    if (by) entry.suppressed = { reason: by.reason!, range: by.range };
    report.push(entry);
  }
  return report;
}

/** Present / applicable requirements of one group of the catalogue (n/a ones do not count). */
export interface CoverageCount {
  present: number;
  partial: number;
  missing: number;
  applicable: number;
}

export function countCoverage(coverage: readonly RequirementReport[], group?: RequirementReport['group']): CoverageCount {
  const of = coverage.filter((c) => (group === undefined || c.group === group) && c.status !== 'n/a');
  const n = (s: CoverageStatus) => of.filter((c) => c.status === s).length;
  return { present: n('present'), partial: n('partial'), missing: n('missing'), applicable: of.length };
}

/** "Art. 28: 26/28 · weitere Pflichten 10/12 · TOM-Anlage 4/4" (present of applicable; CLI, code lens). */
export function coverageLine(coverage: readonly RequirementReport[]): string {
  const part = (label: string, group: RequirementReport['group']) => {
    const c = countCoverage(coverage, group);
    return `${label} ${c.present}/${c.applicable}`;
  };
  return [part(l10n.t('Art. 28:'), 'art28'), part(l10n.t('further duties'), 'duties'), part(l10n.t('TOM annex'), 'tom')].join(' · ');
}

function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info' || s === 'hint';
}

function isSuppressed(parsed: ParsedContract, f: Finding): boolean {
  return suppressingDirective(parsed, f) !== undefined;
}

function suppressingDirective(parsed: ParsedContract, f: Finding): Directive | undefined {
  if (f.ruleId === 'directive-without-reason' || f.ruleId === INTERNAL.id) return undefined;
  const offset = parsed.source.offsetAt(f.range.start);
  return parsed.model.directives.find((d) =>
    d.reason !== undefined &&
    (d.verb === 'disable' || d.verb === 'disable-next-line' || d.verb === 'disable-line') &&
    d.ids.includes(f.ruleId) &&
    d.scope.start <= offset && offset <= d.scope.end);
}

export { INTERNAL as internalErrorMeta };
