import * as l10n from '@vscode/l10n';
import { citeLabel } from '../model/labels.js';
import type { Rule } from './types.js';

/** A cross reference whose target does not exist in this contract ("§ 5 Abs. 4" where § 5 has three Absätze). */
export const danglingReference: Rule = {
  id: 'dangling-reference',
  check({ parsed }, report) {
    const { model } = parsed;
    for (const r of model.references) {
      if (r.external || r.resolution === 'full') continue;
      const message = r.resolution === 'partial' && r.target
        ? l10n.t('"{0}" points to nothing: {1} exists, but not the cited unit.', r.text, citeLabel(r.target))
        : l10n.t('"{0}" points to nothing in this contract.', r.text);
      const related = r.resolution === 'partial' && r.target ? [{ range: r.target.range, message: l10n.t('{0} is here', citeLabel(r.target)) }] : [];
      report({ message, range: r.range, related, data: { address: r.address } });
    }
  },
};
