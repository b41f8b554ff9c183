import { numberValue, toRoman } from '../../parse/numbering.js';
import type { Clause, ContractModel, Item, Section, Span } from '../../model/types.js';

/**
 * The numbered sequences of a contract, shared by numbering-gap, numbering-format and duplicate-heading:
 * sibling sections, annexes, the Absätze of a section and the lettered or numbered items of one parent.
 */

export interface Member {
  /** The number as written: "5", "7.2", "IV", "c", "B". */
  number: string;
  /** Its value in the sequence (last part for "7.2"); undefined when not countable. */
  value: number | undefined;
  /** "12a", "3a": an inserted number, outside the count. */
  inserted: boolean;
  /** The marker as written ("§ 5", "(3)", "c)", "Anlage 2"): its span is where findings go. */
  marker: string;
  span: Span;
  /** The shape of the marker with the number replaced by "#": "(#)", "#)", "§ #", "roman". */
  format: string;
  node: Section | Clause | Item;
}

export interface Sequence {
  kind: 'sections' | 'annexes' | 'clauses' | 'items';
  members: Member[];
}

const COUNTED_STYLES = new Set(['paragraph', 'ziffer', 'artikel', 'klausel', 'decimal', 'roman', 'alpha']);

/** Every numbered sequence of the model, each in document order. */
export function sequencesOf(model: ContractModel, text: string): Sequence[] {
  const out: Sequence[] = [];
  const sections = (list: Section[]): void => {
    const counted = list.filter((s) => COUNTED_STYLES.has(s.style) && s.number !== '');
    // "1.1, 1.2, 2.1, 2.2" side by side (their parents "1 Gegenstand", "2 Pflichten" were not recognised as
    // headings, e.g. a Word export without the dot): each parent's sub-sections count from 1 on their own
    const groups = new Map<string, Section[]>();
    for (const s of counted) {
      const key = s.parts.length > 1 ? `${s.style}:${s.parts.slice(0, -1).join('.')}` : s.style === 'decimal' || s.style === 'ziffer' || s.style === 'klausel' ? `${s.style}:` : '';
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    if (groups.size <= 1 || !counted.some((s) => s.parts.length > 1)) {
      if (counted.length > 0) out.push({ kind: 'sections', members: counted.map((s) => sectionMember(s, text)) });
      return;
    }
    for (const group of groups.values()) out.push({ kind: 'sections', members: group.map((s) => sectionMember(s, text)) });
  };
  sections(model.sections);
  const annexes = model.annexes.filter((a) => a.number !== '').map((a) => sectionMember(a, text));
  if (annexes.length > 0) out.push({ kind: 'annexes', members: annexes });
  for (const s of model.allSections) {
    sections(s.children);
    const strays = strayClauseItems(s);
    const clauses: Member[] = [];
    for (const c of s.clauses) {
      clauses.push(markerMember(c, c.number, c.marker));
      const stray = strays.get(c);
      if (stray) clauses.push(markerMember(stray, stray.number, stray.marker));
      itemSequences(c.items.filter((i) => i !== stray), out);
    }
    if (clauses.length > 0) out.push({ kind: 'clauses', members: clauses });
    itemSequences(s.items, out);
  }
  return out;
}

function itemSequences(items: Item[], out: Sequence[]): void {
  for (const kind of ['letter', 'number'] as const) {
    const members = items.filter((i) => i.kind === kind).map((i) => markerMember(i, i.number, i.marker));
    if (members.length > 0) out.push({ kind: 'items', members });
  }
  for (const i of items) itemSequences(i.items, out);
}

/**
 * An Absatz written in another format ends up as an item of the Absatz before it: "4)" after "(3)" is
 * parsed as item 4 of Absatz 3. It is one when it is the first numbered item of that Absatz, carries the
 * next Absatz number and no real Absatz has that number.
 */
export function strayClauseItems(s: Section): Map<Clause, Item> {
  const strays = new Map<Clause, Item>();
  const numbers = new Set(s.clauses.map((c) => c.number));
  for (const c of s.clauses) {
    const first = c.items.find((i) => i.kind === 'number');
    const next = (c.parts[0] ?? 0) + 1;
    if (first && /^\d+$/.test(c.number) && first.number === String(next) && !numbers.has(String(next))) strays.set(c, first);
  }
  return strays;
}

function sectionMember(s: Section, text: string): Member {
  const inserted = /\d[a-z]$/i.test(s.number) && s.style !== 'alpha';
  const last = s.number.split('.').pop() ?? '';
  return {
    number: s.number,
    value: inserted ? undefined : numberValue(last),
    inserted,
    marker: text.slice(s.numberSpan.start, s.numberSpan.end),
    span: s.numberSpan,
    format: s.kind === 'annex' ? `annex:${numeralKind(last)}` : `${s.style}:${s.parts.length}`,
    node: s,
  };
}

function markerMember(node: Clause | Item, number: string, marker: string): Member {
  const inserted = /^\d+[a-z]$/.test(number);
  return {
    number,
    value: inserted ? undefined : numberValue(number),
    inserted,
    marker,
    span: node.markerSpan,
    format: marker.replace(/\d+[a-z]?|(?<![\p{L}])[a-z]{1,2}(?![\p{L}])/gu, '#').replace(/\s+/g, ' '),
    node,
  };
}

function numeralKind(token: string): string {
  if (/^\d/.test(token)) return 'digit';
  if (/^[IVXLC]{2,}$|^[IVX]$/.test(token)) return 'roman';
  return 'letter';
}

/** The number `value` written the way `like` is written: "5.1" → "5.2", "IV" → "III", "c" → "b". */
export function formatLike(like: string, value: number): string {
  const m = /^(.*?)([^.]+)$/.exec(like);
  const prefix = m?.[1] ?? '';
  const token = m?.[2] ?? like;
  if (/^\d/.test(token)) return prefix + String(value);
  if (/^[IVXLC]+$/.test(token) && token.length > 1 || /^[IVX]$/.test(token)) return prefix + toRoman(value);
  if (/^([a-z])\1$/i.test(token) && value > 26) {
    const c = String.fromCharCode(96 + value - 26);
    return prefix + (token === token.toUpperCase() ? (c + c).toUpperCase() : c + c);
  }
  const c = String.fromCharCode(96 + Math.min(Math.max(value, 1), 26));
  return prefix + (token === token.toUpperCase() ? c.toUpperCase() : c);
}

/** The marker with its number replaced: "(3)" + "4" → "(4)", "§ 5" + "4" → "§ 4". */
export function replaceNumber(marker: string, number: string, value: string): string {
  const i = marker.lastIndexOf(number);
  return i < 0 ? marker : marker.slice(0, i) + value + marker.slice(i + number.length);
}
