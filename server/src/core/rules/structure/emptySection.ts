import * as l10n from '@vscode/l10n';
import type { Section } from '../../model/types.js';
import type { Rule } from '../types.js';

/**
 * A heading with nothing under it: no text, clauses, items or tables before the next heading. A heading
 * with subsections is left alone (its empty subsections are reported themselves).
 */
export const emptySection: Rule = {
  id: 'empty-section',
  check({ parsed }, report) {
    for (const s of parsed.model.allSections) {
      if (!isEmpty(s, parsed.scan)) continue;
      const name = [s.label, s.title].filter(Boolean).join(' ');
      report({
        message: l10n.t('"{0}" has a heading but no content; expected the provision it announces, or no heading.', name),
        range: s.heading.range,
        data: { label: s.label },
      });
    }
  },
};

function isEmpty(s: Section, scan: string): boolean {
  if (s.children.length > 0 || s.clauses.length > 0 || s.items.length > 0) return false;
  // a decimal sub-clause "1.1 Der Auftragsverarbeiter …" is its own heading: the sentence is the content
  if (s.title === '' && scan.slice(s.numberSpan.end, s.heading.end).trim() !== '') return false;
  const body = scan.slice(s.heading.end, Math.max(s.heading.end, s.end)).replace(/<!--[\s\S]*?-->/g, '');
  return body.trim() === '';
}
