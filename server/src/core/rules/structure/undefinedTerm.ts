import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';
import { QUANTIFIER, ROLE_WORDS, insideCitation, insideQuote, namesLegalConcept, roleTerms, roleWordOf } from './roleTerms.js';

/**
 * A role word the contract does not define is used for a party: "Auftraggeber" in a contract that
 * defines "Verantwortlicher" and "Auftragsverarbeiter". Aliases the contract declares count as defined;
 * quotes of the law and the legal concept ("Verantwortlicher im Sinne des Art. 4 Nr. 7 DSGVO") do not count.
 */
const ROLE_OF_MODULE = String.raw`(?:Verantwortliche[rn]?|Auftragsverarbeiter[ns]?)`;
const SCC_MODULE_BEFORE = new RegExp(String.raw`(?:Modul\s*\d\s*[,:–—-]?\s*|${ROLE_OF_MODULE}\s+an\s+)$`, 'u');
const SCC_MODULE_AFTER = new RegExp(String.raw`^\s+an\s+${ROLE_OF_MODULE}(?![\p{L}])`, 'u');

export const undefinedTerm: Rule = {
  id: 'undefined-term',
  check({ parsed }, report) {
    const { model, scan } = parsed;
    const terms = roleTerms(model);
    if (terms.length === 0) return;
    const defined = new Set<string>();
    for (const t of terms) for (const n of t.names) defined.add(roleWordOf(n)?.base ?? n);
    const undefinedWords = ROLE_WORDS.filter((w) => !defined.has(w.base));
    if (undefinedWords.length === 0) return;
    const re = new RegExp(String.raw`(?<![\p{L}\d-])(?:${undefinedWords.map((w) => w.pattern).join('|')})(?![\p{L}\d-])`, 'gu');
    // "weitere Auftragsverarbeiter" (Art. 28 Abs. 2 DSGVO) are not a party: ambiguous-term's business where defined
    const otherParty = new RegExp(String.raw`(?<![\p{L}])${QUANTIFIER}\s+(?:\p{Ll}+e[nmrs]?\s+)?$`, 'u');
    for (const block of model.blocks) {
      const text = scan.slice(block.start, block.end);
      for (const m of text.matchAll(re)) {
        const start = block.start + m.index!;
        const end = start + m[0].length;
        if (insideCitation(model.citations, start, end) || insideQuote(text.slice(0, m.index)) || namesLegalConcept(text.slice(m.index! + m[0].length)) || otherParty.test(text.slice(0, m.index))) continue;
        // the modules of the standard contractual clauses are named by roles ("Modul 3, Auftragsverarbeiter an Auftragsverarbeiter")
        if (SCC_MODULE_BEFORE.test(text.slice(Math.max(0, m.index! - 40), m.index)) || SCC_MODULE_AFTER.test(text.slice(m.index! + m[0].length))) continue;
        const word = roleWordOf(m[0])!;
        const expected = terms.find((t) => t.term.role === word.role)?.term.term;
        report({
          message: expected
            ? l10n.t('"{0}" is not a term this contract defines; expected the defined term "{1}".', m[0], expected)
            : l10n.t('"{0}" is not a term this contract defines; expected one of the defined role terms ({1}).', m[0], terms.map((t) => t.term.term).join(', ')),
          range: parsed.source.range(start, end),
          data: { found: m[0], term: word.base, role: word.role, ...(expected ? { expected } : {}) },
        });
      }
    }
  },
};
