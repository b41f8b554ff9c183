/**
 * Text helpers for the requirement detectors: Unicode-aware regular expressions, sentence splitting with
 * offsets, and negation in the same clause of a sentence.
 */

/**
 * Letters as the detectors see them: the Latin script with all its accented forms (ä, ö, ü, ß, ẞ, é, ł …).
 * Patterns are written with `\p{L}`; compiling `\p{L}` case-insensitively costs about 0.5 ms per occurrence
 * in V8 (the case closure of every letter class), which for the detectors' patterns added up to seconds at
 * start-up. The Latin ranges compile at no cost and cover the text of German contracts; a Greek or Cyrillic
 * letter only ever ends a word.
 */
const LETTERS = String.raw`A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF`;
const WORD_CHARS = `${LETTERS}0-9`;
/** JS `\b` is ASCII-only ("ä" and "ß" would end a word); our `\b` is a word start or a word end over letters. */
const WORD_START = `(?<![${WORD_CHARS}])`;
const WORD_END = `(?![${WORD_CHARS}])`;

/**
 * Compiles a pattern case-insensitively with Unicode semantics; `\b` becomes a word start or end (it always
 * stands next to a letter in our patterns), `\p{L}` / `\p{N}` the letter and digit ranges above.
 */
export function rx(source: string, flags = 'iu'): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const esc = source.slice(i, i + 5);
      if (esc === '\\p{L}' || esc === '\\p{N}') {
        const ranges = esc === '\\p{L}' ? LETTERS : '0-9';
        out += inClass ? ranges : `[${ranges}]`;
        i += 4;
      } else if (source[i + 1] === 'b' && !inClass) {
        out += isWordStart(source, i) ? WORD_START : WORD_END;
        i += 1;
      } else {
        out += c + (source[i + 1] ?? '');
        i += 1;
      }
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, flags);
}

/** A `\b` right after something that matched a letter closes a word; anywhere else it opens one. */
function isWordStart(source: string, at: number): boolean {
  return !endsInLetter(source.slice(0, at));
}

/** Whether the pattern so far ends with an atom that matches a letter: "Weisung", "\p{L}*", "(?:ist|sind)", "[\p{L}-]+". */
function endsInLetter(prefix: string): boolean {
  const s = prefix.replace(/(?:[*+?]|\{\d+(?:,\d*)?\})+$/u, '');
  if (s.endsWith(')') && !s.endsWith('\\)')) return endsInLetter(s.slice(0, -1));
  if (s.endsWith(']') && !s.endsWith('\\]')) {
    const cls = s.slice(s.lastIndexOf('['));
    return !cls.startsWith('[^') && /\\p\{[LN]\}|\\d|[\p{L}\d]/u.test(cls);
  }
  if (/\\p\{[LN]\}$|\\d$/u.test(s)) return true;
  if (/\\.$/u.test(s)) return false;
  return /[\p{L}\d]$/u.test(s);
}

/** Tagged-template form of {@link rx}: rx`\bWeisung\p{L}*` (the template is taken raw). */
export function re(strings: TemplateStringsArray, ...subs: string[]): RegExp {
  return rx(String.raw({ raw: strings.raw }, ...subs));
}

export interface SentenceSpan {
  start: number;
  end: number;
}

// tokens after which a period does not end a sentence
const ABBREVIATIONS = new Set([
  'art', 'abs', 's', 'lit', 'nr', 'ziff', 'bzw', 'ggf', 'z', 'b', 'i', 'v', 'm', 'd', 'h', 'u', 'a', 'o', 'e', 'dr', 'str', 'ff',
  'co', 'gem', 'vgl', 'insb', 'sog', 'ca', 'inkl', 'zzgl', 'hs', 'uabs', 'kap', 'rn', 'evtl', 'max', 'min', 'mind', 'etc',
  'usw', 'tel', 'fa', 'hr', 'fr', 'prof', 'bspw', 'abschn', 'anh', 'anl', 'ziffer', 'satz', 'no', 'st', 'n', 'f', 'w', 'k',
]);

/** Splits `text` (starting at n-offset `offset`) into sentences, trimmed, with n-offsets. */
export function splitSentences(text: string, offset: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: offset + s, end: offset + e });
  };
  const end = /[.!?]+(?=\s+[\p{Lu}\d(„"»§–-]|\s*$)/gu;
  let m: RegExpExecArray | null;
  while ((m = end.exec(text))) {
    if (m[0].startsWith('.') && m[0].length === 1) {
      const before = /([\p{L}\d]+)$/u.exec(text.slice(Math.max(0, m.index - 20), m.index));
      const token = before?.[1] ?? '';
      if (ABBREVIATIONS.has(token.toLowerCase()) || /^\d+$/.test(token) || /\d\.\d*$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    }
    push(start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

// a negation word; the benign uses ("nicht selbst", "nicht unterschritten", "nicht ausgeschlossen werden kann") are filtered below
const NEGATION = re`\bnicht\b|\bkein\p{L}*|\bausgeschlossen\b|\bentf(?:ällt|allen)\b|\bweder\b|\bohne\s+(?:\p{L}+\s+){0,2}(?:Zustimmung|Genehmigung|Einwilligung)\p{L}*|\bunzulässig\b|\bverweiger\p{L}*|\bniemals\b`;
const NEGATION_G = new RegExp(NEGATION.source, 'giu');
const BENIGN_AFTER_NICHT = re`^\s+(?:\p{L}+\s+){0,3}sondern\b|^\s+(?:selbst|unterschritten|unterschreiten|abgesenkt|gesenkt|verringert|für\s+eigene|zu\s+eigenen|nur\b|ausgeschlossen|später|mehr\s+als|unberührt|länger|unangemessen|erheblich)`;
const CONDITIONAL = re`\b(?:sofern|soweit|falls|wenn|es\s+sei\s+denn|außer|ausgenommen|sobald)\b`;
const REPLACES_NOT = re`\bersetz\p{L}*\b.*\bnicht\b`;
const CLAUSE_SPLIT = /,|\s[–—]\s/g;

/**
 * Whether the phrase at `[at, at + length)` of `sentence` is negated in its own clause: "ist nicht verpflichtet,
 * Vor-Ort-Kontrollen zu dulden", "Vor-Ort-Kontrollen sind ausgeschlossen", "kein Recht auf Inspektionen".
 * Negations inside a condition ("sofern er nicht … verpflichtet ist") do not count.
 */
export function isNegatedAt(sentence: string, at: number, length: number): boolean {
  // the segment of the sentence between semicolons that holds the phrase
  const segStart = sentence.lastIndexOf(';', at) + 1;
  const semi = sentence.indexOf(';', at + length);
  const segment = sentence.slice(segStart, semi < 0 ? sentence.length : semi);
  const local = at - segStart;
  const bounds = [0];
  CLAUSE_SPLIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_SPLIT.exec(segment))) bounds.push(m.index + m[0].length);
  bounds.push(segment.length + 1);
  const clauseOf = (i: number) => bounds.findIndex((b, k) => k + 1 < bounds.length && i >= b && i < bounds[k + 1]!);
  const target = clauseOf(local);
  const clauseText = (k: number) => segment.slice(bounds[k], Math.max(bounds[k]!, bounds[k + 1]! - 1));
  const neg = NEGATION_G;
  neg.lastIndex = 0;
  while ((m = neg.exec(segment))) {
    const k = clauseOf(m.index);
    const infinitive = k === target - 1 && /\bzu\s+\p{L}+/u.test(clauseText(target)) && /verpflichtet|berechtigt|Recht|Pflicht|gehalten/u.test(clauseText(k));
    if (k !== target && !infinitive) continue;
    if (/^nicht$/i.test(m[0]) && BENIGN_AFTER_NICHT.test(segment.slice(m.index + m[0].length))) continue;
    if (/^ausgeschlossen$/i.test(m[0]) && /\bnicht\s+$/i.test(segment.slice(Math.max(0, m.index - 8), m.index))) continue;
    const clauseStart = bounds[k]!;
    if (CONDITIONAL.test(segment.slice(clauseStart, m.index))) continue;
    if (REPLACES_NOT.test(clauseText(k))) continue;
    return true;
  }
  return false;
}

/** Number words up to twelve, for periods written in words ("vier Wochen"). */
const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eine: 1, einem: 1, einer: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
  zehn: 10, elf: 11, zwölf: 12, vierzehn: 14, dreißig: 30, achtundvierzig: 48, zweiundsiebzig: 72, vierundzwanzig: 24,
};

export function numberValue(word: string): number | undefined {
  if (/^\d+$/.test(word)) return parseInt(word, 10);
  return NUMBER_WORDS[word.toLowerCase()];
}

export const NUMBER = String.raw`(?:\d+|ein(?:e[mnr]?)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|vierzehn|dreißig|vierundzwanzig|achtundvierzig|zweiundsiebzig)`;
