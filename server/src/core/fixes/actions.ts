import * as l10n from '@vscode/l10n';
import { analyze, type AnalysisSettings } from '../analyze.js';
import { coverageFor } from '../coverage/assess.js';
import { requirementDetectors } from '../coverage/registry.js';
import type { Knowledge } from '../knowledge/types.js';
import { parseContract, type ParsedContract } from '../model/build.js';
import { OUTDATED_REFERENCE_IDS } from '../rules/outdatedReferences.js';
import type { Finding } from '../rules/types.js';
import { LineIndex } from '../text/lineIndex.js';
import { diffEdits } from './diff.js';
import { applyEdits, type TextEdit } from './edits.js';
import { completePartialClause, insertMissingClause, renderClauseTitle, replaceOutdatedReference } from './insert.js';
import { clauseFor, completionKeyFor, type ClauseLibrary } from './library.js';
import { topSectionAt } from './layout.js';
import { closeNumberingGap } from './renumber.js';

/**
 * Quick fixes for findings: what a code action, "fix all" and `avv fix` apply. A fix is chosen by the
 * finding's rule id and its `data` (decided by the rule), never by its message. Every fix is a list of LSP
 * TextEdits against the parsed version of the document.
 */
export interface Fix {
  /** What the fix does, in the current language. */
  title: string;
  kind: 'quickfix';
  ruleId: string;
  edits: TextEdit[];
  /** The fix "fix all" applies for this finding (at most one per finding). */
  isPreferred?: boolean;
}

const OUTDATED = new Set<string>(OUTDATED_REFERENCE_IDS);
const NOT_SUPPRESSIBLE = new Set(['directive-without-reason', 'internal-error']);

/** Every fix for one finding, the preferred one first. [] when the rule has none. */
export function fixesFor(parsed: ParsedContract, knowledge: Knowledge, library: ClauseLibrary, finding: Finding): Fix[] {
  const fixes = [...contentFixes(parsed, knowledge, library, finding)].filter((f) => f.edits.length > 0);
  const preferred = fixes.findIndex((f) => f.isPreferred);
  if (preferred > 0) fixes.unshift(...fixes.splice(preferred, 1));
  const suppress = suppressFix(parsed, finding);
  if (suppress) fixes.push(suppress);
  return fixes;
}

function contentFixes(parsed: ParsedContract, knowledge: Knowledge, library: ClauseLibrary, finding: Finding): Fix[] {
  const { ruleId } = finding;
  const data = finding.data ?? {};
  const fixable = knowledge.rules.get(ruleId)?.fixable === true;
  const fix = (title: string, edits: TextEdit[], isPreferred = false): Fix => ({ title, kind: 'quickfix', ruleId, edits, ...(isPreferred ? { isPreferred } : {}) });

  const detector = requirementDetectors.find((d) => d.id === ruleId);
  if (detector && data['status'] === 'missing') {
    const clause = clauseFor(library, ruleId);
    if (!clause) return [];
    // a fallback anchor (the last section) is where the finding is shown, not where the clause belongs
    const coverage = coverageFor(parsed, detector);
    const anchor = coverage.anchorAtHome ? coverage.anchor : undefined;
    const title = renderClauseTitle(parsed, library, clause.id);
    const out = [fix(l10n.t('Insert the clause "{0}"', title), insertMissingClause(parsed, library, ruleId, anchor, 'short'), fixable && !clause.needsFacts)];
    if (clause.variants.detailed) out.push(fix(l10n.t('Insert the clause "{0}" (detailed variant)', title), insertMissingClause(parsed, library, ruleId, anchor, 'detailed')));
    return out;
  }
  if (detector && data['status'] === 'partial') {
    const missing = Array.isArray(data['missing']) ? (data['missing'] as unknown[]).filter((m): m is string => typeof m === 'string') : [];
    // complete the provision where it is at home ("Dies gilt auch für Drittlandübermittlungen" after the instructions
    // clause, not after a sentence on corrections that happens to mention instructions)
    const source = clauseFor(library, ruleId)?.home;
    const home = source === undefined ? undefined : new RegExp(source, 'iu');
    const found = coverageFor(parsed, detector).evidence;
    const atHome = new Set(home ? found.filter((e) => home.test(topSectionAt(parsed, e.start)?.title ?? '')) : []);
    const evidence = [...atHome, ...found.filter((e) => !atHome.has(e))];
    const out: Fix[] = [];
    for (const m of missing) {
      const key = completionKeyFor(library, ruleId, m);
      if (!key) continue;
      let edits: TextEdit[] = [];
      for (const e of evidence) if ((edits = completePartialClause(parsed, library, key, e)).length > 0) break;
      out.push(fix(l10n.t('Complete the clause: {0}', l10n.t(m)), edits, fixable && out.length === 0 && edits.length > 0));
    }
    return out;
  }
  if (OUTDATED.has(ruleId)) {
    const edits = replaceOutdatedReference(parsed, library, ruleId, finding.range);
    const found = typeof data['found'] === 'string' ? data['found'] : '';
    const modern = edits.at(-1)?.newText ?? '';
    return [fix(l10n.t('Replace "{0}" with "{1}"', found, modern), edits, fixable)];
  }
  if (ruleId === 'numbering-gap') {
    const closed = closeNumberingGap(parsed, parsed.source.offsetAt(finding.range.start));
    if (!closed) return [];
    // not preferred (not in "fix all") when a dangling reference would silently point at a renumbered section
    if (closed.masks.length) return [fix(l10n.t('Renumber "{0}" as "{1}" and the numbers after it (then "{2}" points to a renumbered section: check it)', closed.from, closed.to, closed.masks.map((r) => r.text).join('", "')), closed.edits)];
    return [fix(l10n.t('Renumber "{0}" as "{1}" and the numbers after it', closed.from, closed.to), closed.edits, fixable)];
  }
  if (ruleId === 'conversion-artifact' && typeof data['replacement'] === 'string') {
    const replacement = data['replacement'];
    const title = data['kind'] === 'broken-sentence' ? l10n.t('Join the broken sentence')
      : replacement ? l10n.t('Replace "{0}" with "{1}"', parsed.source.original.slice(offsetOf(parsed, finding.range.start), offsetOf(parsed, finding.range.end)), replacement)
      : l10n.t('Remove the conversion residue');
    return [fix(title, [{ range: finding.range, newText: replacement }], fixable)];
  }
  return [];
}

function offsetOf(parsed: ParsedContract, position: { line: number; character: number }): number {
  return parsed.source.originalLines.offsetAt(position);
}

/**
 * "Suppress with a reason": `<!-- avv-disable-next-line <id> -- Begründung: [bitte ergänzen] -->` above the
 * finding's line (indented like it). A finding on the very first line of a document without front matter is
 * silenced by `avv-disable-line` on a new first line instead, because the finding stays at that position.
 */
export function suppressFix(parsed: ParsedContract, finding: Finding): Fix | undefined {
  if (NOT_SUPPRESSIBLE.has(finding.ruleId)) return undefined;
  const lines = parsed.source.originalLines;
  const line = finding.range.start.line;
  const eol = parsed.source.original.includes('\r\n') ? '\r\n' : '\n';
  const reason = 'Begründung: [bitte ergänzen]';
  const fm = parsed.model.frontMatter;
  if (fm && parsed.source.range(fm.start, fm.end).end.line >= line) return undefined;
  const atStart = finding.range.start.line === 0 && finding.range.start.character === 0 && finding.range.end.line === 0 && finding.range.end.character === 0;
  const indent = /^[ \t]*/u.exec(parsed.source.original.slice(lines.lineStart(line), lines.lineEnd(line)))?.[0] ?? '';
  const verb = atStart ? 'disable-line' : 'disable-next-line';
  const comment = `${indent}<!-- avv-${verb} ${finding.ruleId} -- ${reason} -->${eol}`;
  return {
    title: l10n.t('Suppress "{0}" here (with a reason)', finding.ruleId),
    kind: 'quickfix',
    ruleId: finding.ruleId,
    edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }],
  };
}

export interface FixAllOptions {
  /** The analysis settings (severity overrides) the findings were computed with. */
  settings?: AnalysisSettings;
  /** Re-parse rounds at most (each inserted section renumbers, so some fixes need a fresh parse). */
  maxRounds?: number;
  /**
   * Without a rule id, also insert and complete requirement clauses. Off by default: "fix all" and
   * `source.fixAll.avv` (which editors run on save) apply only mechanical fixes (outdated references,
   * numbering, Word residue); a clause goes into a contract only on an explicit request.
   */
  clauses?: boolean;
}

/**
 * The combined, non-overlapping edits of the preferred fixes of all findings of `ruleId` (or of every rule
 * marked fixable), against the text of `parsed`. Fixes that touch the same text, and new sections (which
 * renumber), are applied in rounds with a fresh parse and analysis in between, so applying the result gives a
 * document where those findings are gone (as far as a fix exists). Returns the difference to the input, line by line.
 */
export function fixAll(parsed: ParsedContract, knowledge: Knowledge, library: ClauseLibrary, findings: readonly Finding[], ruleId?: string, options: FixAllOptions = {}): TextEdit[] {
  return inRounds(parsed, knowledge, findings, options, (p, f) => {
    if (ruleId ? f.ruleId !== ruleId : !fixableInBulk(knowledge, f.ruleId, options.clauses === true)) return undefined;
    return fixesFor(p, knowledge, library, f).find((x) => x.isPreferred);
  });
}

/** Whether "fix all" without a rule id takes findings of `ruleId` (requirement clauses only with `clauses`). */
export function fixableInBulk(knowledge: Knowledge, ruleId: string, clauses: boolean): boolean {
  if (knowledge.rules.get(ruleId)?.fixable !== true) return false;
  return clauses || !requirementDetectors.some((d) => d.id === ruleId);
}

/** Inserts the standard clause (short variant) for every requirement whose finding says "missing". */
export function insertAllMissingClauses(parsed: ParsedContract, knowledge: Knowledge, library: ClauseLibrary, findings: readonly Finding[], options: FixAllOptions = {}): TextEdit[] {
  return inRounds(parsed, knowledge, findings, options, (p, f) => {
    if (f.data?.['status'] !== 'missing' || !requirementDetectors.some((d) => d.id === f.ruleId) || !clauseFor(library, f.ruleId)) return undefined;
    return contentFixes(p, knowledge, library, f).find((x) => x.edits.length > 0);
  });
}

/** The text after applying `edits` to `parsed` (what the editor and `avv fix` produce). */
export function applyFix(parsed: ParsedContract, edits: readonly TextEdit[]): string {
  return applyEdits(parsed.source.original, edits);
}

function inRounds(parsed: ParsedContract, knowledge: Knowledge, findings: readonly Finding[], options: FixAllOptions, pick: (p: ParsedContract, f: Finding) => Fix | undefined): TextEdit[] {
  const original = parsed.source.original;
  let text = original;
  let current = parsed;
  let currentFindings = findings;
  const maxRounds = options.maxRounds ?? 60;
  for (let round = 0; round < maxRounds; round++) {
    const index = new LineIndex(text);
    const taken: [number, number][] = [];
    const accepted: TextEdit[] = [];
    for (const f of currentFindings) {
      const fix = pick(current, f);
      if (!fix || fix.edits.length === 0) continue;
      const spans = fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)] as [number, number]);
      // touching counts as overlapping: two insertions at one place would number alike
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
      taken.push(...spans);
      accepted.push(...fix.edits);
    }
    if (accepted.length === 0) break;
    const next = applyEdits(text, accepted);
    if (next === text) break;
    text = next;
    current = parseContract({ uri: parsed.model.uri, version: parsed.model.version, text }, knowledge);
    currentFindings = analyze(current, knowledge, options.settings ?? {}).findings;
  }
  return diffEdits(original, text);
}
