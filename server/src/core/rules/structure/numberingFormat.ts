import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';
import { sequencesOf, type Member } from './sequences.js';

/**
 * One member of a sequence is written in another format than its siblings ("4)" among "(1) (2) (3)",
 * "3." among "I. II. IV."). Only where a clear majority of at least two siblings shares one format.
 */
export const numberingFormat: Rule = {
  id: 'numbering-format',
  check({ parsed }, report) {
    for (const seq of sequencesOf(parsed.model, parsed.source.text)) {
      if (seq.members.length < 3) continue;
      const counts = new Map<string, Member[]>();
      for (const m of seq.members) counts.set(m.format, [...(counts.get(m.format) ?? []), m]);
      const [format, majority] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      if (majority.length < 2 || majority.length * 2 <= seq.members.length) continue;
      const example = majority[0]!;
      for (const m of seq.members) {
        if (m.format === format) continue;
        const expected = expectedMarker(example, m);
        report({
          message: expected
            ? l10n.t('"{0}" is written in another format than its siblings (such as "{1}"); expected "{2}".', m.marker, example.marker, expected)
            : l10n.t('"{0}" is written in another format than its siblings (such as "{1}"); expected the same format.', m.marker, example.marker),
          range: m.span.range,
          related: [{ range: example.span.range, message: l10n.t('Sibling in the usual format: "{0}"', example.marker) }],
          data: { found: m.marker, ...(expected ? { expected } : {}) },
        });
      }
    }
  },
};

/** The marker of `m` in the format of `example`, where both are plain markers ("(4)" for "4)"). */
function expectedMarker(example: Member, m: Member): string | undefined {
  if (!example.format.includes('#')) return undefined;
  const i = example.marker.lastIndexOf(example.number);
  return i < 0 ? undefined : example.marker.slice(0, i) + m.number + example.marker.slice(i + example.number.length);
}
