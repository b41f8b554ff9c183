import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';
import { formatLike, replaceNumber, sequencesOf } from './sequences.js';

/**
 * A numbered sequence skips or repeats a number ("IV." followed by "VI."). Reported once at the number
 * that breaks the sequence; the count then continues from the number found. A number that repeats an
 * earlier sibling's is duplicate-heading's finding, not this one's.
 */
export const numberingGap: Rule = {
  id: 'numbering-gap',
  check({ parsed }, report) {
    for (const seq of sequencesOf(parsed.model, parsed.source.text)) {
      let expected = 1;
      const seen = new Set<string>();
      let previous: (typeof seq.members)[number] | undefined;
      for (const m of seq.members) {
        if (m.inserted || m.value === undefined) continue;
        const key = m.number.toLowerCase();
        const repeated = seen.has(key);
        seen.add(key);
        if (m.value !== expected && !repeated) {
          const expectedNumber = formatLike(m.number, expected);
          const expectedMarker = replaceNumber(m.marker, m.number, expectedNumber);
          const message = previous
            ? l10n.t('"{0}" follows "{1}": the numbering skips or repeats a number; expected "{2}".', m.marker, previous.marker, expectedMarker)
            : l10n.t('The numbering starts at "{0}"; expected "{1}".', m.marker, expectedMarker);
          report({
            message,
            range: m.span.range,
            related: previous ? [{ range: previous.span.range, message: l10n.t('Previous number "{0}"', previous.marker) }] : [],
            data: { expected: expectedNumber, found: m.number, sequence: seq.kind },
          });
        }
        expected = m.value + 1;
        previous = m;
      }
    }
  },
};
