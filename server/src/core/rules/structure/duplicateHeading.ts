import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';
import { sequencesOf, type Member } from './sequences.js';

/** Two siblings carry the same number or letter ("c)" twice): a reference to it is ambiguous. */
export const duplicateHeading: Rule = {
  id: 'duplicate-heading',
  check({ parsed }, report) {
    for (const seq of sequencesOf(parsed.model, parsed.source.text)) {
      const first = new Map<string, Member>();
      for (const m of seq.members) {
        const key = m.number.toLowerCase();
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, m);
          continue;
        }
        report({
          message: l10n.t('"{0}" is used a second time among siblings; expected each number or letter once.', m.marker),
          range: m.span.range,
          related: [{ range: earlier.span.range, message: l10n.t('First "{0}"', earlier.marker) }],
          data: { number: m.number },
        });
      }
    }
  },
};
