import * as l10n from '@vscode/l10n';

import type { Rule } from '../types.js';

/**
 * A party's name written differently elsewhere: "Verlags GmbH" and "Verlags-GmbH", "Verlags Gmbh",
 * "Co KG" and "Co. KG". Variants differ only in case, hyphens, spaces and dots; other names are other names.
 */
export const inconsistentPartyName: Rule = {
  id: 'inconsistent-party-name',
  check({ parsed }, report) {
    const { model, source } = parsed;
    const text = source.text;
    for (const party of model.parties) {
      const re = variantPattern(party.name);
      if (!re) continue;
      const definition = party.nameSpan ?? party;
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (m[0] === party.name || withinFrontMatter(model.frontMatter, start)) continue;
        if (party.nameSpan && party.nameSpan.start === start) continue;
        report({
          message: l10n.t('"{0}" spells the name of a party differently from its definition "{1}"; expected the same spelling throughout.', m[0], party.name),
          range: source.range(start, end),
          related: [{ range: definition.range, message: l10n.t('Definition of the party "{0}"', party.name) }],
          data: { expected: party.name, found: m[0], role: party.role },
        });
      }
    }
  },
};

/** Words of the name joined by any run of spaces and hyphens (or none), its dots optional, any case. */
function variantPattern(name: string): RegExp | undefined {
  const words = name.split(/[\s\-‐–]+|(?<=\.)(?=\p{L})/u).filter(Boolean);
  if (words.length === 0 || name.length < 4) return undefined;
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\./g, '\\.?[ \\t]*');
  const body = words.map(esc).join('[ \\t\\-‐–]*');
  return new RegExp(`(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])`, 'giu');
}

function withinFrontMatter(fm: { start: number; end: number } | undefined, offset: number): boolean {
  return !!fm && fm.start <= offset && offset < fm.end;
}

