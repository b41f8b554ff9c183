import * as l10n from '@vscode/l10n';
import type { Rule } from './types.js';

/** A suppression or assertion without a reason is ignored and reported: a reviewer must see why a rule is silenced. */
export const directiveReason: Rule = {
  id: 'directive-without-reason',
  check({ parsed }, report) {
    for (const d of parsed.model.directives) {
      if (d.verb === 'enable' || d.reason) continue;
      report({
        message: l10n.t('"avv-{0}" without a reason is ignored; write the reason after " -- ".', d.verb),
        range: d.range,
      });
    }
  },
};
