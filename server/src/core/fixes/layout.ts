import type { ParsedContract } from '../model/build.js';
import type { Clause, CrossReference, Section, Span } from '../model/types.js';
import type { NEdit } from './edits.js';

/**
 * How a contract lays out its text: line breaks, how Absätze are numbered, where its content ends.
 * Everything a fix needs to write text that looks as if the drafter had written it.
 */

/** "(1)" Absätze, "1." Absätze, or decimal sub-sections "3.1" (Absätze are sections of level 2). */
export type AbsatzStyle = 'paren' | 'dot' | 'decimal';

export function eolOf(parsed: ParsedContract): string {
  return parsed.source.text.includes('\r\n') ? '\r\n' : '\n';
}

export function mainSections(parsed: ParsedContract): Section[] {
  return parsed.model.sections.filter((s) => s.kind === 'section');
}

export function absatzStyleOf(parsed: ParsedContract): AbsatzStyle {
  const main = mainSections(parsed);
  if (main.some((s) => s.style === 'decimal' && s.children.some((c) => c.style === 'decimal'))) return 'decimal';
  const markers = main.flatMap((s) => s.clauses.map((c) => c.marker));
  const paren = markers.filter((m) => m.startsWith('(')).length;
  const dot = markers.filter((m) => /^\d+[a-z]?\.$/u.test(m)).length;
  return dot > paren ? 'dot' : 'paren';
}

/** Numbering styles whose numbers are arabic and can be renumbered mechanically. */
export function isArabic(section: Section): boolean {
  return /^\d+$/u.test(section.number) && ['paragraph', 'ziffer', 'artikel', 'klausel', 'decimal'].includes(section.style);
}

/**
 * Where the text of a span really ends: before trailing blank lines, before the signature block and never
 * beyond the next section (the model lets the last section or Absatz run into the signature block).
 */
export function contentEnd(parsed: ParsedContract, span: Span): number {
  const { model, source } = parsed;
  let end = span.end;
  const sig = model.signatureBlock;
  if (sig && sig.start > span.start && sig.start < end) end = sig.start;
  const own = model.allSections.find((s) => s.start === span.start && s.end === span.end);
  const inside = (s: Section): boolean => {
    for (let p = s.parent; p; p = p.parent) if (p === own) return true;
    return false;
  };
  for (const s of model.allSections) if (s.start > span.start && s.start < end && !(own && inside(s))) end = s.start;
  while (end > span.start && /\s/u.test(source.text[end - 1]!)) end--;
  return end;
}

/** The top-level main section a position lies in. */
export function topSectionAt(parsed: ParsedContract, offset: number): Section | undefined {
  return mainSections(parsed).find((s) => s.start <= offset && offset < s.end);
}

/** The Absatz a position lies in: a numbered clause, a decimal sub-section, or the paragraph block. */
export function absatzAt(parsed: ParsedContract, offset: number): Span | undefined {
  const { model } = parsed;
  let clause: Clause | undefined;
  for (const s of model.allSections) for (const c of s.clauses) if (c.start <= offset && offset < c.end) clause = c;
  if (clause) return clause;
  const leaf = [...model.allSections].reverse().find((s) => s.level >= 2 && s.style === 'decimal' && s.start <= offset && offset < s.end && s.children.length === 0);
  if (leaf) return leaf;
  return model.blocks.find((b) => b.kind !== 'heading' && b.start <= offset && offset < b.end);
}

/** Replaces the first free-standing occurrence of `from` in the span's text by `to`. */
export function renumberIn(parsed: ParsedContract, span: Span, from: string, to: string): NEdit | undefined {
  const text = parsed.source.text.slice(span.start, span.end);
  const m = new RegExp(`(?<!\\d)${from}(?!\\d)`, 'u').exec(text);
  if (!m) return undefined;
  return { start: span.start + m.index, end: span.start + m.index + from.length, newText: to };
}

/** The section (or the section owning a clause or item) a reference target belongs to, at top level. */
export function topOf(target: { section?: Section } | Section): Section | undefined {
  let s: Section | undefined = 'kind' in target && (target.kind === 'section' || target.kind === 'annex') ? (target as Section) : (target as { section?: Section }).section;
  while (s?.parent) s = s.parent;
  return s;
}

/** Normalises text for "is this sentence already there" checks: whitespace collapsed, case folded. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The dangling references to sections of `style` ("Ziffer 12" where there is none), with the section number
 * they name. Renumbering must not give them a target by accident (see insertMissingClause, closeNumberingGap).
 */
export function danglingSectionRefs(parsed: ParsedContract, style: Section['style']): { ref: CrossReference; n: number }[] {
  const out: { ref: CrossReference; n: number }[] = [];
  for (const ref of parsed.model.references) {
    if (ref.external || ref.resolution !== 'none' || ref.address.style !== style || !ref.address.section) continue;
    const n = Number(/\d+/u.exec(ref.address.section)?.[0]);
    if (Number.isInteger(n)) out.push({ ref, n });
  }
  return out;
}
