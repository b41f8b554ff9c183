import type { SourceText } from '../text/source.js';
import type { DefinedTerm, Role, Span } from './types.js';

/**
 * Defined terms: „Auftraggeber“, „Hauptvertrag“ … as the contract defines them
 * ("nachfolgend „Auftraggeber“", "(„Hauptvertrag“)", "„Unterauftragsverarbeiter“ bezeichnet …")
 * and their uses with German inflection (Auftraggebers, Verantwortlichen, Auftragnehmern).
 */

const OPEN = '„"»«“‚\'';
const CLOSE = '“"«»”‘\'';
const TERM = `[${OPEN}]([^${OPEN}${CLOSE}\\n]{1,60}?)[${CLOSE}]`;
const JOIN = String.raw`\s*(?:,|oder|bzw\.|und|/|sowie)\s*(?:(?:auch|kurz)\s+)?`;
const TERM_LIST = `${TERM}(?:${JOIN}${TERM})*`;

const INTRO = new RegExp(String.raw`(?:nachfolgend|im\s+Folgenden|nachstehend|hiernach|fortan|hierin|folgend)(?:\s+(?:auch|kurz|gemeinsam|jeweils|einzeln|zusammen|insgesamt))*\s*(?:als\s+|:\s*|jeweils\s+)?(${TERM_LIST})`, 'gu');
const TOGETHER = new RegExp(String.raw`(?:gemeinsam|zusammen|einzeln|jeweils)\s+(?:auch\s+)?(?:die|der|das|eine|ein)?\s*(${TERM_LIST})`, 'gu');
const PAREN = new RegExp(String.raw`\(\s*(${TERM_LIST})\s*(?:genannt\s*)?\)`, 'gu');
const DEFINITION_LINE = new RegExp(String.raw`(?:^|\n)[ \t]*(?:[-*•]\s+|\(?[a-z0-9]{1,3}[.)]\s+)?${TERM}\s+(?:bezeichnet|bedeutet|meint|ist|sind|umfasst|bezeichnen|im\s+Sinne)`, 'gu');

const ROLE_WORDS: Record<string, Role> = {
  Kunde: 'controller',
  Kundin: 'controller',
  Auftraggeber: 'controller',
  Auftraggeberin: 'controller',
  Verantwortlicher: 'controller',
  Verantwortliche: 'controller',
  Anbieter: 'processor',
  Anbieterin: 'processor',
  Auftragnehmer: 'processor',
  Auftragnehmerin: 'processor',
  Auftragsverarbeiter: 'processor',
  Auftragsverarbeiterin: 'processor',
  Dienstleister: 'processor',
  Dienstleisterin: 'processor',
  Provider: 'processor',
};

export function roleOfTerm(term: string): Role | undefined {
  return ROLE_WORDS[term];
}

interface RawDefinition {
  names: { name: string; start: number; end: number }[];
}

/** Finds definitions in the masked scan text. */
export function findDefinitions(scan: string): RawDefinition[] {
  const defs: RawDefinition[] = [];
  const seen = new Set<number>();
  const collect = (m: RegExpExecArray, groupStart: number) => {
    const names: RawDefinition['names'] = [];
    const re = new RegExp(TERM, 'gu');
    let t: RegExpExecArray | null;
    const list = m[1] ?? m[0];
    while ((t = re.exec(list))) {
      const name = t[1]!.trim();
      const start = groupStart + t.index + 1 + (t[1]!.length - t[1]!.trimStart().length);
      if (!isPlausibleTerm(name) || seen.has(start)) continue;
      seen.add(start);
      names.push({ name, start, end: start + name.length });
    }
    if (names.length) defs.push({ names });
  };
  for (const re of [INTRO, TOGETHER, PAREN]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(scan))) collect(m, m.index + m[0].indexOf(m[1]!));
  }
  DEFINITION_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEFINITION_LINE.exec(scan))) {
    const name = m[1]!.trim();
    const start = m.index + m[0].indexOf(m[1]!) + (m[1]!.length - m[1]!.trimStart().length);
    if (isPlausibleTerm(name) && !seen.has(start)) {
      seen.add(start);
      defs.push({ names: [{ name, start, end: start + name.length }] });
    }
  }
  return defs;
}

function isPlausibleTerm(name: string): boolean {
  // a defined term is a noun phrase starting with a capital or an abbreviation, not a sentence
  return /^[\p{Lu}\d]/u.test(name) && name.split(/\s+/).length <= 6 && !/[.!?]$/.test(name);
}

/** Merges definitions (text and front matter) into terms and finds every use. */
export function buildTerms(
  source: SourceText,
  scan: string,
  raw: RawDefinition[],
  fromFrontMatter: { term: string; aliases: string[]; span: Span }[],
): DefinedTerm[] {
  const byName = new Map<string, DefinedTerm>();
  const span = (s: number, e: number): Span => ({ start: s, end: e, range: source.range(s, e) });
  const termFor = (names: string[], src: DefinedTerm['source']): DefinedTerm => {
    const existing = names.map((n) => byName.get(n)).find((t) => t);
    if (existing) {
      for (const n of names) if (n !== existing.term && !existing.aliases.includes(n)) existing.aliases.push(n);
      for (const n of names) byName.set(n, existing);
      return existing;
    }
    const term: DefinedTerm = { term: names[0]!, aliases: names.slice(1), source: src, definitions: [], occurrences: [] };
    for (const n of names) byName.set(n, term);
    return term;
  };
  for (const fm of fromFrontMatter) {
    const t = termFor([fm.term, ...fm.aliases], 'frontmatter');
    t.definitions.push(fm.span);
  }
  for (const def of raw) {
    const t = termFor(def.names.map((n) => n.name), 'text');
    for (const n of def.names) t.definitions.push(span(n.start, n.end));
  }
  const terms = [...new Set(byName.values())];
  for (const t of terms) {
    const role = [t.term, ...t.aliases].map(roleOfTerm).find((r) => r);
    if (role) t.role = role;
    t.definitions.sort((a, b) => a.start - b.start);
    t.occurrences = findOccurrences(source, scan, t);
  }
  return terms;
}

/** A regular expression for a name with German inflection endings. */
export function inflectedPattern(name: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (/^[\p{Lu}\d]{1,4}$/u.test(name)) return esc; // abbreviations: AG, AN, TOM
  // adjectival nouns decline: der Verantwortliche, des Verantwortlichen, ein Verantwortlicher
  if (/(?:lich|ig)e[rnms]?$|(?:Beteiligt|Angestellt|Beschäftigt|Betroffen|Bevollmächtigt|Beauftragt|Berechtigt)e[rnms]?$/u.test(name)) {
    return esc.replace(/e[rnms]?$/u, 'e') + '(?:r|n|m|s)?';
  }
  return `${esc}(?:s|es|n|en|e|ern)?`;
}

function findOccurrences(source: SourceText, scan: string, term: DefinedTerm): DefinedTerm['occurrences'] {
  const names = [term.term, ...term.aliases].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\d-])(?:${names.map(inflectedPattern).join('|')})(?![\\p{L}\\d])`, 'gu');
  const defs = term.definitions;
  const out: DefinedTerm['occurrences'] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(scan))) {
    const start = m.index;
    const end = start + m[0].length;
    if (defs.some((d) => d.start <= start && end <= d.end)) continue;
    const name = names.find((n) => new RegExp(`^(?:${inflectedPattern(n)})$`, 'u').test(m![0])) ?? term.term;
    out.push({ text: m[0], name, start, end, range: source.range(start, end) });
  }
  return out;
}
