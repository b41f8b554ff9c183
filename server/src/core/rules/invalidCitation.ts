import * as l10n from '@vscode/l10n';
import { citationProblem } from '../knowledge/unitProblems.js';
import '../knowledge/units.js';
import type { Rule } from './types.js';

/**
 * A citation of a DSGVO or BDSG unit that does not exist ("Art. 28 Abs. 11 DSGVO", "Art. 100 DSGVO",
 * "Art. 28 Abs. 3 S. 2 lit. i"). Needs `knowledge.normUnits` (loadNormUnits); without it the rule reports nothing.
 */
export const invalidCitation: Rule = {
  id: 'invalid-norm-citation',
  check({ parsed, knowledge }, report) {
    const units = knowledge.normUnits;
    if (!units) return;
    for (const c of parsed.model.citations) {
      const problem = citationProblem(c, units);
      if (!problem) continue;
      report({
        message: l10n.t('"{0}" cites a unit that does not exist: {1}', c.text, problem.reason),
        range: c.range,
        data: problem.data,
      });
    }
  },
};
