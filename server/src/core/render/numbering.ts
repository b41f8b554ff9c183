import { LevelFormat } from 'docx';
import type { NumberingStyle, Section } from '../model/types.js';

/** One level of a Word numbering definition: "§ %1" decimal, "(%1)" decimal, "%1)" lowerLetter, … */
export interface LevelSpec {
  format: (typeof LevelFormat)[keyof typeof LevelFormat];
  text: string;
  /** Headings: the number stands at the margin, not in a hanging indent. */
  flush?: boolean;
}

/** How a section heading is numbered by Word: the levels of its tree, its own level, and its tree (one instance). */
export interface HeadingPlan {
  levels: LevelSpec[];
  level: number;
  group: object;
}

/**
 * Decides for the main part and for each annex whether Word numbering can reproduce the contract's section
 * numbers exactly (one style per depth, numbers 1, 2, 3 … without gaps, decimal numbers continuing their
 * parent's). Trees that pass get a plan for every section; the others keep their numbers as text.
 */
export function planHeadingNumbering(sections: Section[], annexes: Section[]): Map<Section, HeadingPlan> {
  const plans = new Map<Section, HeadingPlan>();
  planTree(sections, {}, plans);
  for (const annex of annexes) planTree(annex.children, annex, plans);
  return plans;
}

function planTree(roots: Section[], group: object, plans: Map<Section, HeadingPlan>): void {
  const levels: LevelSpec[] = [];
  const found = new Map<Section, number>();
  const walk = (nodes: Section[], depth: number, parent: Section | undefined, decimalChain: boolean): boolean => {
    if (!nodes.length) return true;
    if (depth > 9) return false;
    const style = nodes[0]!.style;
    if (nodes.some((n) => n.style !== style || n.kind !== 'section')) return false;
    const chain = decimalChain && style === 'decimal';
    const spec = levelFor(style, depth, chain);
    if (!spec) return false;
    const existing = levels[depth - 1];
    if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) return false;
    levels[depth - 1] = spec;
    for (const [i, n] of nodes.entries()) {
      const expected = style === 'decimal' && chain && parent ? `${parent.number}.${i + 1}` : ordinal(style, i);
      if (n.number !== expected) return false;
      found.set(n, depth - 1);
      if (!walk(n.children, depth + 1, n, chain)) return false;
    }
    return true;
  };
  if (!walk(roots, 1, undefined, true)) return;
  for (const [s, level] of found) plans.set(s, { levels, level, group });
}

function levelFor(style: NumberingStyle, depth: number, decimalChain: boolean): LevelSpec | undefined {
  const n = `%${depth}`;
  switch (style) {
    case 'paragraph':
      return { format: LevelFormat.DECIMAL, text: `§ ${n}`, flush: true };
    case 'ziffer':
      return { format: LevelFormat.DECIMAL, text: `Ziffer ${n}`, flush: true };
    case 'artikel':
      return { format: LevelFormat.DECIMAL, text: `Artikel ${n}`, flush: true };
    case 'klausel':
      return { format: LevelFormat.DECIMAL, text: `Klausel ${n}`, flush: true };
    case 'decimal':
      if (!decimalChain) return { format: LevelFormat.DECIMAL, text: `${n}.`, flush: true };
      return { format: LevelFormat.DECIMAL, text: depth === 1 ? '%1.' : Array.from({ length: depth }, (_, i) => `%${i + 1}`).join('.'), flush: true };
    case 'roman':
      return { format: LevelFormat.UPPER_ROMAN, text: `${n}.`, flush: true };
    case 'alpha':
      return { format: LevelFormat.UPPER_LETTER, text: `${n}.`, flush: true };
    default:
      return undefined;
  }
}

function ordinal(style: NumberingStyle, i: number): string {
  if (style === 'roman') return roman(i + 1);
  if (style === 'alpha') return i < 26 ? String.fromCharCode(65 + i) : '';
  return String(i + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The Word level for an Absatz or item marker as written: "(3)" → "(%1)" decimal, "b)" → "%1)" lowerLetter. */
export function markerTemplate(marker: string, number: string): LevelSpec | undefined {
  const at = number ? marker.lastIndexOf(number) : -1;
  if (at < 0) return undefined;
  const prefix = marker.slice(0, at);
  const suffix = marker.slice(at + number.length);
  if (!((prefix === '(' && suffix === ')') || (prefix === '' && (suffix === ')' || suffix === '.')))) return undefined;
  const format = /^\d+$/.test(number) ? LevelFormat.DECIMAL : /^[a-z]$/.test(number) ? LevelFormat.LOWER_LETTER : /^[A-Z]$/.test(number) ? LevelFormat.UPPER_LETTER : undefined;
  return format ? { format, text: `${prefix}%1${suffix}` } : undefined;
}

/** True when the numbers run 1, 2, 3 … (or a, b, c …) without gaps, as Word would count them. */
export function sequential(numbers: string[], format: LevelSpec['format']): boolean {
  return numbers.every((n, i) =>
    format === LevelFormat.DECIMAL ? n === String(i + 1)
      : format === LevelFormat.LOWER_LETTER ? i < 26 && n === String.fromCharCode(97 + i)
        : format === LevelFormat.UPPER_LETTER ? i < 26 && n === String.fromCharCode(65 + i)
          : false);
}
