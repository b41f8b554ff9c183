import * as l10n from '@vscode/l10n';
import type { Knowledge } from './knowledge/types.js';
import type { ParsedContract } from './model/build.js';
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
  return { findings, suppressed };
}

function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info' || s === 'hint';
}

function isSuppressed(parsed: ParsedContract, f: Finding): boolean {
  if (f.ruleId === 'directive-without-reason' || f.ruleId === INTERNAL.id) return false;
  const offset = parsed.source.offsetAt(f.range.start);
  return parsed.model.directives.some((d) =>
    d.reason !== undefined &&
    (d.verb === 'disable' || d.verb === 'disable-next-line' || d.verb === 'disable-line') &&
    d.ids.includes(f.ruleId) &&
    d.scope.start <= offset && offset <= d.scope.end);
}

export { INTERNAL as internalErrorMeta };
