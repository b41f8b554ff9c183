import * as l10n from '@vscode/l10n';
import type { CodeLens } from 'vscode-languageserver/node';
import { coverageLine, type Analysis, type ParsedContract } from '../core/index.js';
import { requirementDetectors } from '../core/coverage/registry.js';

/** Client commands the lenses run (registered by client/src/extension.ts and client/src/fixes.ts). */
const SHOW_COVERAGE = 'avv.showCoverage';
const INSERT_ALL_MISSING = 'avv.insertAllMissingClauses';

/**
 * Two lenses above the contract's first line: the coverage of the catalogue (opens the coverage list) and,
 * when mandatory clauses are missing, the command that inserts them all. Nothing for a file that is no
 * contract yet (no requirement findings: see rules/requirements.ts).
 */
export function coverageLenses(parsed: ParsedContract, analysis: Analysis): CodeLens[] {
  const first = parsed.model.blocks[0];
  if (!first) return [];
  const requirementFindings = analysis.findings.filter((f) => requirementDetectors.some((d) => d.id === f.ruleId));
  if (requirementFindings.length === 0 && !analysis.coverage.some((c) => c.status === 'present')) return [];
  const range = { start: { line: first.range.start.line, character: 0 }, end: { line: first.range.start.line, character: 0 } };
  const lenses: CodeLens[] = [{ range, command: { title: coverageLine(analysis.coverage), command: SHOW_COVERAGE } }];
  const missing = requirementFindings.filter((f) => f.data?.['status'] === 'missing').length;
  if (missing > 0) lenses.push({ range, command: { title: l10n.t('Insert the missing clauses ({0})', missing), command: INSERT_ALL_MISSING } });
  return lenses;
}
