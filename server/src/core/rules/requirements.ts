import * as l10n from '@vscode/l10n';
import { coverageFor } from '../coverage/assess.js';
import { requirementDetectors } from '../coverage/registry.js';
import type { Detector } from '../coverage/types.js';
import type { ParsedContract } from '../model/build.js';
import type { Rule, Severity } from './types.js';

/**
 * The legal requirement rules: one rule per catalogue requirement, generated from the coverage detectors.
 * MISSING is reported once where the requirement belongs; PARTIAL at the provision found, naming what is
 * missing. Partial findings on disputed points only ("str." in the catalogue) are one level milder.
 */

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/**
 * A new, still empty file (or one with a few words and no section) is no contract yet: listing 40 missing
 * clauses there helps nobody. Coverage is still computed; only the diagnostics wait for the first section.
 */
export function isContractDraft(parsed: ParsedContract): boolean {
  let draft = drafts.get(parsed);
  if (draft === undefined) drafts.set(parsed, (draft = judgeDraft(parsed)));
  return draft;
}

// asked by each of the 44 requirement rules: judged once per parse
const drafts = new WeakMap<ParsedContract, boolean>();

function judgeDraft({ model, source }: ParsedContract): boolean {
  if (model.allSections.length > 0) return true;
  // at least 200 characters that are not white space (counted without copying a long text)
  let count = 0;
  for (let i = model.frontMatter?.end ?? 0; i < source.text.length && count < 200; i++) if (!/\s/u.test(source.text[i]!)) count++;
  return count >= 200;
}

function requirementRule(detector: Detector): Rule {
  return {
    id: detector.id,
    check({ parsed, meta }, report) {
      if (!isContractDraft(parsed)) return;
      const c = coverageFor(parsed, detector);
      if (c.status === 'missing') {
        const range = c.anchor?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        report({ message: detector.missingMessage(), range, data: { status: c.status, missing: c.missing } });
        return;
      }
      if (c.status !== 'partial') return;
      const parts = c.missing.map((m) => l10n.t(m)).join('; ');
      const disputedOnly = c.missing.length > 0 && c.missing.every((m) => c.disputed.includes(m));
      const message = disputedOnly
        ? l10n.t('Regulated only in part (a disputed point: lawyers may judge it otherwise); missing: {0}.', parts)
        : l10n.t('Regulated only in part; missing: {0}.', parts);
      const [first, ...rest] = c.evidence;
      const range = first?.range ?? c.anchor?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      report({
        message,
        range,
        ...(disputedOnly ? { severity: MILDER[meta.severity] } : {}),
        related: rest.slice(0, 5).map((e) => ({ range: e.range, message: l10n.t('Also regulated here') })),
        data: { status: c.status, missing: c.missing },
      });
    },
  };
}

/** One rule per requirement id of data/rules.json (kind "requirement"), in catalogue order. */
export const requirementRules: Rule[] = requirementDetectors.map(requirementRule);
