import * as l10n from '@vscode/l10n';
import type { Rule } from './types.js';

/** A document beyond the analysis limit: say clearly where the analysis stopped. */
export const documentTooLarge: Rule = {
  id: 'document-too-large',
  check({ parsed }, report) {
    const t = parsed.model.truncated;
    if (!t) return;
    const end = parsed.source.originalLines.positionAt(parsed.source.original.length);
    report({
      message: l10n.t('The document has {0} KB; only the first {1} KB were checked. Split it into contract and annexes to check all of it.', Math.round(t.totalLength / 1024), Math.round(t.analysedLength / 1024)),
      range: { start: end, end },
    });
  },
};
