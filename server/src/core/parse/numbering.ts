import type { NumberingStyle } from '../model/types.js';

/** Legal numbering as lawyers write it: §, Ziffer, 1.1, I., Anlage 2, (1), a), Nr. 1. */

export interface HeadingLabel {
  style: NumberingStyle;
  number: string;
  parts: number[];
  label: string;
  /** Length of the label in the line, including the separator before the title. */
  length: number;
  /** Length of the label as written, without separator ("§ 5" in "§ 5 – Pflichten"). */
  numberLength: number;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function romanValue(s: string): number | undefined {
  const u = s.toUpperCase();
  if (!ROMAN.test(u)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = values[u[i]!]!;
    const next = values[u[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** "12a" → 12, "III" → 3, "B" → 2, "b" → 2. */
export function numberValue(token: string): number | undefined {
  if (/^\d+/.test(token)) return parseInt(token, 10);
  const roman = romanValue(token);
  // a single C, D, L or M is a letter of an A./B./C. outline, not Roman 100/500/50/1000
  if (roman !== undefined && /^[IVXLC]+$/.test(token) && !/^[CDLM]$/.test(token)) return roman;
  if (/^[A-Za-z]$/.test(token)) return token.toLowerCase().charCodeAt(0) - 96;
  if (/^([a-z])\1$/.test(token)) return 26 + token.charCodeAt(0) - 96; // aa), bb)
  return undefined;
}

const SEP = String.raw`(?:[ \t]*[:–—.\-)][ \t]*|[ \t]+|$)`;

interface Pattern {
  re: RegExp;
  style: NumberingStyle;
  label: (m: RegExpExecArray) => string;
}

const PATTERNS: Pattern[] = [
  { re: new RegExp(String.raw`^§[ \t]*(\d+[a-z]?)(?![\d])\.?` + SEP), style: 'paragraph', label: (m) => `§ ${m[1]}` },
  { re: new RegExp(String.raw`^(?:Anlage|Anhang)[ \t]+(\d+[a-z]?|[IVXLC]+|[A-Z])(?![\p{L}\d])\.?` + SEP, 'u'), style: 'annex', label: (m) => `${m[0].startsWith('Anhang') ? 'Anhang' : 'Anlage'} ${m[1]}` },
  // a single annex is often unnumbered: "Anlage – Technische und organisatorische Maßnahmen", "Anhang: Unterauftragnehmer"
  { re: /^(?:Anlage|Anhang)()(?:[ \t]*[:–—-][ \t]*(?=\p{Lu})|[ \t]*$)/u, style: 'annex', label: (m) => (m[0].startsWith('Anhang') ? 'Anhang' : 'Anlage') },
  // bilingual contracts: "Annex II / Anhang II – …" (the German designation is the one cited in the text)
  { re: new RegExp(String.raw`^Annex[ \t]+(\d+[a-z]?|[IVXLC]+|[A-Z])(?![\p{L}\d])\.?(?:[ \t]*\/[ \t]*(Anlage|Anhang)[ \t]+\1(?![\p{L}\d])\.?)?` + SEP, 'u'), style: 'annex', label: (m) => `${m[2] ?? 'Anhang'} ${m[1]}` },
  { re: new RegExp(String.raw`^(?:Ziffer|Ziff\.)[ \t]*(\d+(?:\.\d+)*)\.?` + SEP), style: 'ziffer', label: (m) => `Ziffer ${m[1]}` },
  { re: new RegExp(String.raw`^Artikel[ \t]+(\d+[a-z]?)\.?` + SEP), style: 'artikel', label: (m) => `Artikel ${m[1]}` },
  { re: new RegExp(String.raw`^Klausel[ \t]+(\d+(?:\.\d+)*)\.?` + SEP), style: 'klausel', label: (m) => `Klausel ${m[1]}` },
  { re: new RegExp(String.raw`^(\d{1,3}(?:\.\d{1,3})+)\.?` + SEP), style: 'decimal', label: (m) => m[1]! },
  { re: new RegExp(String.raw`^(\d{1,3}) ?\.(?:[ \t]+|$)`), style: 'decimal', label: (m) => `${m[1]}.` },
  { re: new RegExp(String.raw`^([IVXLC]{1,6}) ?\.(?:[ \t]+|$)`), style: 'roman', label: (m) => `${m[1]}.` },
  { re: new RegExp(String.raw`^([A-H]) ?\.(?:[ \t]+|$)`), style: 'alpha', label: (m) => `${m[1]}.` },
];

/** Recognises a section label at the start of `line` (already stripped of Markdown syntax). */
export function parseHeadingLabel(line: string): HeadingLabel | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(line);
    if (!m) continue;
    const number = m[1]!;
    // "C." and "D." are letters in an A./B./C. outline far more often than Roman 100 and 500
    if (p.style === 'roman' && (romanValue(number) === undefined || /^[CDLM]$/.test(number))) continue;
    const parts = number ? number.split('.').map((t) => numberValue(t) ?? 0) : [];
    const written = m[0].replace(/[ \t:–—.\-)]*$/, '');
    const numberLength = p.style === 'decimal' || p.style === 'roman' || p.style === 'alpha' ? written.length + 1 : written.length;
    return { style: p.style, number, parts, label: p.label(m), length: m[0].length, numberLength: Math.min(numberLength, m[0].length) };
  }
  return undefined;
}

export interface ClauseMarker {
  kind: 'clause' | 'letter' | 'number';
  number: string;
  marker: string;
  length: number;
}

/** Absatz and item markers at the start of a line: (1), 1., a), (a), aa), lit. a, 1), Nr. 1. */
export function parseClauseMarker(line: string): ClauseMarker | undefined {
  let m = /^\((\d{1,3}[a-z]?) ?\)[ \t]+/.exec(line);
  if (m) return { kind: 'clause', number: m[1]!, marker: `(${m[1]})`, length: m[0].length };
  m = /^Abs(?:atz|\.)[ \t]*(\d{1,3})[ \t]*[:.)]?[ \t]+/.exec(line);
  if (m) return { kind: 'clause', number: m[1]!, marker: m[0].trim(), length: m[0].length };
  m = /^\(?([a-z]|([a-z])\2) ?\)[ \t]+/.exec(line);
  if (m) return { kind: 'letter', number: m[1]!, marker: m[0].trim(), length: m[0].length };
  m = /^lit\.[ \t]*([a-z])\)?[ \t]+/.exec(line);
  if (m) return { kind: 'letter', number: m[1]!, marker: m[0].trim(), length: m[0].length };
  m = /^(\d{1,3}) ?\)[ \t]+/.exec(line);
  if (m) return { kind: 'number', number: m[1]!, marker: `${m[1]})`, length: m[0].length };
  m = /^Nr\.[ \t]*(\d{1,3})[ \t]*[:.)]?[ \t]+/.exec(line);
  if (m) return { kind: 'number', number: m[1]!, marker: m[0].trim(), length: m[0].length };
  return undefined;
}

const NOT_A_TITLE_START = /^(?:Abs\.|Absatz|S\.|Satz|lit\.|Nr\.|UAbs\.|Hs\.|ff?\.|bis\b|und\b|oder\b|sowie\b|gilt\b|gelten\b|i\.\s?V\.|DS-?GVO|BDSG|BGB|GDPR|[a-zäöüß])/u;

/**
 * Whether the rest of a line after a label reads like a heading title rather than a sentence:
 * short, no sentence punctuation at the end, not the continuation of a citation.
 */
export function looksLikeTitle(rest: string, strict: boolean): boolean {
  const t = rest.trim();
  if (t.length === 0) return !strict;
  if (NOT_A_TITLE_START.test(t)) return false;
  if (t.length > (strict ? 90 : 120)) return false;
  if (/[.;,:]$/.test(t) && !/\b(?:Abs|Art|Nr|lit|ff|bzw|ggf|z\.\s?B)\.$/.test(t)) return false;
  // a title does not end in the middle of a phrase ("Anlage 1 (TOM) und")
  if (/(?:^|\s)(?:und|oder|sowie|bzw\.|der|die|das|des|dem|den|ein|eine|einer|gemäß|nach|mit|zu|zur|zum|von|vom|für|in|im|auf|bei|aus|durch|über)$/i.test(t)) return false;
  // a sentence has a finite verb somewhere after a subject; titles are noun phrases
  if (strict && /\b(?:ist|sind|wird|werden|hat|haben|kann|können|darf|dürfen|muss|müssen|soll|sollen|verarbeitet|verpflichtet sich)\b/.test(t)) return false;
  return true;
}
