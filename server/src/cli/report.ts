import * as l10n from '@vscode/l10n';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { coverageLine, type Finding, type Knowledge, type RequirementReport, type RuleMeta } from '../core/index.js';

/** The result of checking one file, in the documented JSON shape (docs/cli.md). */
export interface FileReport {
  path: string;
  diagnostics: {
    ruleId: string;
    severity: Finding['severity'];
    message: string;
    range: Finding['range'];
    norm: string | null;
    related: { message: string; range: Finding['range'] }[];
  }[];
  /** Requirement id → its coverage (docs/cli.md). */
  coverage: Record<string, CoverageJson>;
}

export interface CoverageJson {
  status: RequirementReport['status'];
  /** The evidence. */
  ranges: Finding['range'][];
  group: RequirementReport['group'];
  missing?: string[];
  /** Where a missing requirement belongs. */
  anchor?: Finding['range'];
  asserted?: RequirementReport['asserted'];
  suppressed?: RequirementReport['suppressed'];
  /** Only when the settings switched the rule off. */
  off?: true;
}

export function coverageJson(coverage: readonly RequirementReport[]): Record<string, CoverageJson> {
  return Object.fromEntries(coverage.map((c) => [c.id, {
    status: c.status,
    ranges: c.evidence,
    group: c.group,
    ...(c.missing.length ? { missing: c.missing } : {}),
    ...(c.anchor ? { anchor: c.anchor } : {}),
    ...(c.asserted ? { asserted: c.asserted } : {}),
    ...(c.suppressed ? { suppressed: c.suppressed } : {}),
    ...(c.severity === 'off' ? { off: true as const } : {}),
  }]));
}

const MARK: Record<RequirementReport['status'], string> = { present: '✓', partial: '◐', missing: '✗', 'n/a': '–' };

export function toJson(reports: FileReport[]): string {
  return JSON.stringify(reports, null, 2);
}

const LABEL: Record<Finding['severity'], () => string> = {
  error: () => l10n.t('error'),
  warning: () => l10n.t('warning'),
  info: () => l10n.t('info'),
  hint: () => l10n.t('hint'),
};

/** Compiler-style lines: file:line:column, severity, message, rule id and norm. */
export function toText(reports: FileReport[], coverage: readonly RequirementReport[][] | undefined = undefined): string {
  const out: string[] = [];
  reports.forEach((r, i) => {
    out.push(r.path);
    for (const d of r.diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out.push(`  ${pos.padEnd(8)} ${LABEL[d.severity]().padEnd(9)} ${d.message}  ${d.ruleId}${d.norm ? ` (${d.norm})` : ''}`);
    }
    const cov = coverage?.[i];
    if (cov) {
      out.push(`  ${coverageLine(cov)}`);
      for (const c of cov) {
        const why = c.asserted ? `  [${c.asserted.verb === 'assert' ? 'avv-assert' : 'avv-not-applicable'}: ${c.asserted.reason}]` : c.suppressed ? `  [avv-disable: ${c.suppressed.reason}]` : '';
        out.push(`    ${MARK[c.status]} ${c.id}${c.missing.length ? ` – ${c.missing.join('; ')}` : ''}${why}`);
      }
    }
    out.push('');
  });
  const count = (s: Finding['severity']) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  out.push(l10n.t('{0} files checked: {1} errors, {2} warnings, {3} notes', reports.length, count('error'), count('warning'), count('info') + count('hint')));
  return out.join('\n');
}

const LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning tools; columns are UTF-16 code units (SARIF's default). */
export function toSarif(reports: FileReport[], knowledge: Knowledge, version: string, cwd: string): string {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
  const rules = [...knowledge.rules.values()].filter((m) => used.has(m.id));
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const region = (range: Finding['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'AVV Studio',
          version,
          rules: rules.map((m: RuleMeta) => ({
            id: m.id,
            name: m.title.en,
            shortDescription: { text: m.title.de },
            fullDescription: { text: m.description.de },
            defaultConfiguration: { level: LEVEL[m.severity] },
            properties: { norm: m.norm, kind: m.kind },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).toString() } },
      results: reports.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.norm ? `${d.message} (${d.norm})` : d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.path, uriBaseId: 'SRCROOT' }, region: region(d.range) } }],
        relatedLocations: d.related.map((rel, i) => ({ id: i, message: { text: rel.message }, physicalLocation: { artifactLocation: { uri: r.path, uriBaseId: 'SRCROOT' }, region: region(rel.range) } })),
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
