import * as l10n from '@vscode/l10n';
import type { RuleMeta, Severity } from '../types.js';
import type { Rule } from '../types.js';

/**
 * Unfilled placeholders ("[Name]", "[TODO]", "____", "{{…}}" without a value). In the parties block the
 * severity is the metadata's `severityInParties`: it is not settled between whom the contract is made.
 */
export const placeholder: Rule = {
  id: 'placeholder',
  check({ parsed, meta }, report) {
    const inParties = (meta as RuleMeta & { severityInParties?: Severity }).severityInParties;
    for (const p of parsed.model.placeholders) {
      if (p.kind === 'binding' && p.value !== undefined) continue;
      const message = p.kind === 'binding' && p.path
        ? l10n.t('Placeholder "{0}" has no value; expected a value for "{1}" in the front matter.', p.text, p.path)
        : l10n.t('Unfilled placeholder "{0}"; expected the actual content.', p.text);
      report({
        message,
        range: p.range,
        ...(p.inParties && inParties ? { severity: inParties } : {}),
        data: { kind: p.kind, inParties: p.inParties, ...(p.path ? { path: p.path } : {}) },
      });
    }
  },
};
