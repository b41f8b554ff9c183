import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';
import { QUANTIFIER, inflected, insideCitation, insideQuote, roleTerms } from './roleTerms.js';


/**
 * Heuristic: a defined role term used for someone other than the party it defines, e.g. the processor's
 * own clients or service providers: "andere Auftraggeber", "jeder Auftraggeber", "Auftragnehmer des
 * Auftragnehmers", "Auftraggeber des Auftragnehmers". One party cannot be "another" or "each" of itself,
 * nor the client of the other party.
 */
export const ambiguousTerm: Rule = {
  id: 'ambiguous-term',
  check({ parsed }, report) {
    const { model, scan } = parsed;
    const terms = roleTerms(model);
    if (terms.length === 0) return;
    const nameOf = new Map<string, (typeof terms)[number]>();
    for (const t of terms) for (const n of t.names) nameOf.set(n, t);
    const names = [...nameOf.keys()].sort((a, b) => b.length - a.length);
    const role = (group: boolean) => `(?<![\\p{L}\\d-])(${group ? '' : '?:'}${names.map(inflected).join('|')})(?![\\p{L}\\d-])`;
    const re = new RegExp(String.raw`(?<![\p{L}])${QUANTIFIER}\s+(?:(?!(?:de[mnrs]|die|das)\s)\p{Ll}+e[nmrs]?\s+)?${role(true)}|${role(true)}\s+(?:des|der|eines|einer)\s+${role(false)}`, 'gu');
    for (const block of model.blocks) {
      const text = scan.slice(block.start, block.end);
      for (const m of text.matchAll(re)) {
        const start = block.start + m.index!;
        const end = start + m[0].length;
        if (insideCitation(model.citations, start, end) || insideQuote(text.slice(0, m.index))) continue;
        const written = m[1] ?? m[2]!;
        // "weiterer Auftragsverarbeiter" is the statute's own word for a sub-processor (Art. 28 Abs. 2, 4 DSGVO)
        if (m[1] && /^[Ww]eitere|^[Aa]ndere/.test(m[0]) && /^Auftragsverarbeiter/.test(written)) continue;
        const entry = nameOf.get(names.find((n) => new RegExp(`^(?:${inflected(n)})$`, 'u').test(written))!)!;
        const definition = entry.term.definitions[0];
        const phrase = m[0].replace(/\s+/g, ' ');
        report({
          message: l10n.t('"{0}" uses the defined term "{1}" for someone other than the contracting party; expected a word of its own for them.', phrase, entry.term.term),
          range: parsed.source.range(start, end),
          related: definition ? [{ range: definition.range, message: l10n.t('Definition of "{0}"', entry.term.term) }] : [],
          data: { term: entry.term.term, found: phrase },
        });
      }
    }
  },
};
