import * as l10n from '@vscode/l10n';
import type { Artifact } from '../../model/types.js';
import type { Rule } from '../types.js';

/**
 * Residue of a Word or PDF conversion. `data.replacement` is the text that replaces the finding's range:
 * nothing for a bookmark, soft hyphen or attribute, a space joining a broken sentence.
 */
export const conversionArtifact: Rule = {
  id: 'conversion-artifact',
  check({ parsed }, report) {
    for (const a of parsed.model.artifacts) {
      report({ message: messageFor(a), range: a.range, data: { kind: a.kind, replacement: replacementFor(a) } });
    }
  },
};

function messageFor(a: Artifact): string {
  switch (a.kind) {
    case 'bookmark': return l10n.t('Word bookmark "{0}" left over from a conversion; expected it removed.', a.text);
    case 'soft-hyphen': return l10n.t('Soft hyphen left over from a conversion; expected it removed.');
    case 'broken-sentence': return l10n.t('A blank line breaks this sentence in two; expected one paragraph.');
    case 'pandoc-attribute': return l10n.t('Conversion attribute "{0}" left in the text; expected it removed.', a.text);
    case 'escaped-bracket': return l10n.t('Escaped bracket "{0}" left over from a conversion; expected a plain bracket.', a.text);
  }
}

function replacementFor(a: Artifact): string {
  if (a.kind === 'broken-sentence') return ' ';
  if (a.kind === 'escaped-bracket') return a.text.replace(/\\/g, '');
  return '';
}
