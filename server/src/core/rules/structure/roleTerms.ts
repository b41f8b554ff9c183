import type { Citation, ContractModel, DefinedTerm, Role } from '../../model/types.js';

/** The role words of a processor contract and the role each names (Art. 4 Nr. 7, 8 DSGVO). */
export const ROLE_WORDS: { base: string; role: Role; pattern: string }[] = [
  { base: 'Auftraggeber', role: 'controller', pattern: String.raw`Auftraggeber(?:innen|in|n|s)?` },
  { base: 'Verantwortlicher', role: 'controller', pattern: String.raw`Verantwortliche[nmrs]?` },
  { base: 'Auftragnehmer', role: 'processor', pattern: String.raw`Auftragnehmer(?:innen|in|n|s)?` },
  { base: 'Auftragsverarbeiter', role: 'processor', pattern: String.raw`Auftragsverarbeiter(?:innen|in|n|s)?` },
];

/** Words that make a role word mean someone other than the one party: "andere Auftraggeber", "jeder Auftraggeber". */
export const QUANTIFIER = String.raw`(?:[Aa]ndere|[Ww]eitere|[Ss]onstige|[Jj]ede|[Vv]erschiedene|[Mm]ehrere|[Aa]lle|[Ss]ämtliche|[Ee]inzelne|[Ee]igene|[Üü]brige)[nmrs]?`;

/** A regular expression for a defined name with its inflected forms ("Verantwortlichen", "Auftraggebers"). */
export function inflected(name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (/liche[rnms]?$/.test(name)) return escaped.replace(/liche[rnms]?$/, 'liche[nmrs]?');
  return `${escaped}(?:innen|in|n|s)?`;
}

/** The role word a written form belongs to ("Auftraggebers" → Auftraggeber), if any. */
export function roleWordOf(written: string): (typeof ROLE_WORDS)[number] | undefined {
  return ROLE_WORDS.find((w) => new RegExp(`^(?:${w.pattern})$`, 'u').test(written));
}

/** Terms the contract gives a role to, with every name (term and aliases). */
export function roleTerms(model: ContractModel): { term: DefinedTerm; names: string[] }[] {
  return model.terms.filter((t) => t.role).map((t) => ({ term: t, names: [t.term, ...t.aliases] }));
}

export function insideCitation(citations: Citation[], start: number, end: number): boolean {
  return citations.some((c) => c.start <= start && end <= c.end);
}

/**
 * Whether `offset` lies inside quotation marks within `before` (the text of its block before it):
 * quotes of the law or of definitions are not uses of a term.
 */
export function insideQuote(before: string): boolean {
  const german = before.lastIndexOf('„') > before.lastIndexOf('“');
  const guillemets = before.lastIndexOf('»') > before.lastIndexOf('«');
  const english = before.lastIndexOf('“') > Math.max(before.lastIndexOf('”'), before.lastIndexOf('„'));
  const ascii = (before.match(/"/g)?.length ?? 0) % 2 === 1;
  return german || guillemets || english || ascii;
}

/** The word names the legal concept, not a party: "Verantwortlicher im Sinne des Art. 4 Nr. 7 DSGVO". */
export function namesLegalConcept(after: string): boolean {
  return /^\s*(?:\(?\s*(?:im Sinne|i\.\s?S\.\s?(?:d|v)\.|nach Art\.|gemäß Art\.|gem\. Art\.|Art\.\s?4))/.test(after);
}
