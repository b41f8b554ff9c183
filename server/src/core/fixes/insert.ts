import type { ParsedContract } from '../model/build.js';
import type { Range, Section, Span } from '../model/types.js';
import { toTextEdits, type NEdit, type TextEdit } from './edits.js';
import { absatzAt, absatzStyleOf, contentEnd, danglingSectionRefs, eolOf, isArabic, mainSections, renumberIn, squash, topOf, topSectionAt, type AbsatzStyle } from './layout.js';
import { clauseFor, type ClauseEntry, type ClauseLibrary, type ClauseVariant } from './library.js';
import { fillTemplate, vocabularyOf, type Vocabulary } from './vocabulary.js';

/**
 * The fix engine: inserts standard clauses, completes partial ones and replaces outdated references.
 * Every function computes LSP TextEdits against the parsed version of the document; `applyEdits` applies them.
 *
 * Placement of a missing clause:
 * 1. into the section where the requirement belongs (the coverage anchor when a section is the requirement's
 *    home, else the first section whose title matches the clause's `home`), as new Absätze continuing that
 *    section's numbering; never into an unrelated section only because it is the last one;
 * 2. otherwise as a new section before the final provisions ("Schlussbestimmungen", "Sonstiges",
 *    "Schlussvorschriften"). The new section takes the number of the final provisions, which move up by one
 *    together with every following main section; every cross reference that resolved to a renumbered section
 *    (or to an Absatz or item in it) is rewritten, so it still points at the same text. We chose this over
 *    appending after the final provisions because lawyers expect the final provisions last, and the rewrite of
 *    references is exact (the model resolves them);
 * 3. without final provisions: after the last main section (before the signature block), numbered last + 1.
 * Roman and letter numbering is never renumbered (references to "II." are too ambiguous): case 3 applies.
 */

const FINAL_PROVISIONS = /schlussbestimm|schlussvorschrift|sonstiges|allgemeine\s+bestimmungen|schlussregelung/iu;

function variantOf(clause: ClauseEntry, variant: ClauseVariant): string[] {
  return (variant === 'detailed' ? clause.variants.detailed : undefined) ?? clause.variants.short;
}

/** How the Absätze of an inserted text are numbered and how {{abs.N}} is cited. */
interface AbsatzNumbering {
  style: AbsatzStyle;
  /** The section number for decimal sub-sections ("12" → "12.1"). */
  section: string;
  /** Number of the first inserted Absatz. */
  first: number;
  /** A single Absatz in a new §/Ziffer section stays unnumbered. */
  unnumbered: boolean;
}

function renderAbsaetze(templates: string[], vocab: Vocabulary, n: AbsatzNumbering): string[] {
  const abs = (k: number) => (n.style === 'decimal' ? `Ziffer ${n.section}.${n.first + k - 1}` : `Abs. ${n.first + k - 1}`);
  return templates.map((t, i) => {
    const text = fillTemplate(t, vocab, abs);
    if (n.unnumbered) return text;
    const num = n.first + i;
    return n.style === 'decimal' ? `${n.section}.${num} ${text}` : n.style === 'dot' ? `${num}. ${text}` : `(${num}) ${text}`;
  });
}

/**
 * The clause as it would stand in a new section of this document: role terms, sub-processor term and annex
 * labels of the document, Absätze numbered in the document's style, joined by the document's line breaks.
 * Returns '' for an unknown clause id.
 */
export function renderClause(parsed: ParsedContract, library: ClauseLibrary, clauseId: string, variant: ClauseVariant = 'short'): string {
  const clause = clauseFor(library, clauseId);
  if (!clause) return '';
  const templates = variantOf(clause, variant);
  const style = absatzStyleOf(parsed);
  const eol = eolOf(parsed);
  const section = String(nextNumber(parsed));
  const texts = renderAbsaetze(templates, vocabularyOf(parsed), { style, section, first: 1, unnumbered: templates.length === 1 && style !== 'decimal' });
  return texts.join(eol + eol);
}

/** The rendered title of a clause (for a new section heading or a completion item label). */
export function renderClauseTitle(parsed: ParsedContract, library: ClauseLibrary, clauseId: string): string {
  const clause = clauseFor(library, clauseId);
  return clause ? fillTemplate(clause.title, vocabularyOf(parsed)) : '';
}

function nextNumber(parsed: ParsedContract): number {
  const main = mainSections(parsed).filter(isArabic);
  return main.length ? Math.max(...main.map((s) => s.parts[0] ?? 0)) + 1 : 1;
}

/** The numbering of Absätze to append to `section`, and an edit that numbers a so far unnumbered body. */
function appendNumbering(parsed: ParsedContract, section: Section, style: AbsatzStyle): { numbering: AbsatzNumbering; prefix?: NEdit } | undefined {
  if (style === 'decimal') {
    const last = section.children.at(-1);
    if (last) return { numbering: { style, section: section.number, first: (last.parts.at(-1) ?? 0) + 1, unnumbered: false } };
  } else if (section.clauses.length) {
    const last = section.clauses.at(-1)!;
    return { numbering: { style: /^\d/u.test(last.marker) ? 'dot' : 'paren', section: section.number, first: (last.parts[0] ?? 0) + 1, unnumbered: false } };
  }
  // An unnumbered body (one paragraph): it becomes Absatz 1, the inserted text Absatz 2 ff.
  const body = parsed.model.blocks.find((b) => b.kind === 'paragraph' && b.start > section.heading.end && b.start < contentEnd(parsed, section));
  if (!body || section.children.length) return undefined;
  const marker = style === 'decimal' ? `${section.number}.1 ` : style === 'dot' ? '1. ' : '(1) ';
  return { numbering: { style, section: section.number, first: 2, unnumbered: false }, prefix: { start: body.start, end: body.start, newText: marker } };
}

/** The heading of a new section, written like `model` (same Markdown level or bold, same number form). */
function headingLike(parsed: ParsedContract, model: Section, number: string, title: string): string {
  const text = parsed.source.text;
  const prefix = text.slice(model.heading.start, model.numberSpan.start);
  const numberText = text.slice(model.numberSpan.start, model.numberSpan.end).replace(new RegExp(`(?<!\\d)${model.number}(?!\\d)`, 'u'), number).trimEnd();
  const rest = text.slice(model.numberSpan.end, model.heading.end);
  const at = model.title ? rest.indexOf(model.title) : -1;
  const sep = at >= 0 ? rest.slice(0, at) : ' ';
  const suffix = at >= 0 ? rest.slice(at + model.title.length) : rest.trim();
  return `${prefix}${numberText}${sep || ' '}${title}${suffix}`;
}

/** Renumbers `sections` (top level, arabic) by +1 and rewrites every reference that resolves into them. */
function renumberFrom(parsed: ParsedContract, sections: Section[]): NEdit[] {
  const edits: NEdit[] = [];
  const moved = new Map(sections.map((s) => [s, String((s.parts[0] ?? 0) + 1)]));
  const visit = (s: Section, from: string, to: string) => {
    const e = renumberIn(parsed, s.numberSpan, from, to);
    if (e) edits.push(e);
    s.children.forEach((c) => visit(c, from, to));
  };
  for (const [s, to] of moved) visit(s, s.number, to);
  for (const ref of parsed.model.references) {
    if (!ref.target || ref.external || ref.resolution === 'none' || ref.address.style === 'relative' || ref.address.style === 'annex') continue;
    const top = topOf(ref.target);
    const to = top && moved.get(top);
    if (!top || !to) continue;
    const e = renumberIn(parsed, ref, top.number, to);
    if (e) edits.push(e);
  }
  const first = sections[0];
  return first ? [...edits, ...shiftDangling(parsed, first.style, first.parts[0] ?? 0)] : edits;
}

/**
 * A dangling reference ("Ziffer 12" in a contract that ends with Ziffer 9) must stay dangling when new sections
 * are inserted: at or after the new number `from` it moves up by one with the sections, otherwise an inserted
 * section would silently become its target and the drafting defect would vanish from the findings.
 */
function shiftDangling(parsed: ParsedContract, style: Section['style'], from: number): NEdit[] {
  return danglingSectionRefs(parsed, style)
    .filter(({ n }) => n >= from)
    .map(({ ref, n }) => renumberIn(parsed, ref, String(n), String(n + 1)))
    .filter((e): e is NEdit => e !== undefined);
}

/**
 * Inserts the standard clause for a missing requirement (see the placement rules above). `anchor` is the
 * coverage anchor (the section where the requirement belongs); `placement: 'section'` forces a new section.
 * Several new sections must be inserted one at a time (re-parse in between): each renumbers. Returns [] when the library has no clause or
 * the clause's text is already in the document (applying twice equals applying once).
 */
export function insertMissingClause(
  parsed: ParsedContract,
  library: ClauseLibrary,
  requirementId: string,
  anchor?: Span,
  variant: ClauseVariant = 'short',
  placement: 'auto' | 'section' = 'auto',
): TextEdit[] {
  const clause = clauseFor(library, requirementId);
  if (!clause) return [];
  const vocab = vocabularyOf(parsed);
  const templates = variantOf(clause, variant);
  const text = parsed.source.text;
  const eol = eolOf(parsed);
  const firstAbsatz = squash(fillTemplate(templates[0]!, vocab, () => ''));
  if (squash(text).includes(firstAbsatz)) return [];
  const style = absatzStyleOf(parsed);

  const home = new RegExp(clause.home, 'iu');
  const target = placement === 'section' ? undefined : ((anchor && topSectionAt(parsed, anchor.start)) ?? mainSections(parsed).find((s) => home.test(s.title)));
  const plan = target && appendNumbering(parsed, target, style);
  if (target && plan) {
    const at = contentEnd(parsed, target);
    const absaetze = renderAbsaetze(templates, vocab, plan.numbering);
    const edits: NEdit[] = [{ start: at, end: at, newText: absaetze.map((a) => eol + eol + a).join('') }];
    if (plan.prefix) edits.unshift(plan.prefix);
    return toTextEdits(parsed, edits);
  }

  const main = mainSections(parsed);
  const final = [...main].reverse().find((s) => FINAL_PROVISIONS.test(s.title));
  const title = fillTemplate(clause.title, vocab);
  if (final && isArabic(final)) {
    const following = main.slice(main.indexOf(final));
    if (following.every(isArabic)) {
      const heading = headingLike(parsed, final, final.number, title);
      const body = renderAbsaetze(templates, vocab, { style, section: final.number, first: 1, unnumbered: templates.length === 1 && style !== 'decimal' });
      const insert: NEdit = { start: final.start, end: final.start, newText: [heading, ...body].join(eol + eol) + eol + eol };
      return toTextEdits(parsed, [insert, ...renumberFrom(parsed, following)]);
    }
  }
  const last = main.at(-1);
  if (!last) return [];
  const number = isArabic(last) ? String((last.parts[0] ?? 0) + 1) : nextLabel(last);
  const heading = headingLike(parsed, last, number, title);
  const body = renderAbsaetze(templates, vocab, { style, section: number, first: 1, unnumbered: templates.length === 1 && style !== 'decimal' });
  const at = contentEnd(parsed, last);
  const shifted = isArabic(last) ? shiftDangling(parsed, last.style, Number(number)) : [];
  return toTextEdits(parsed, [{ start: at, end: at, newText: eol + eol + [heading, ...body].join(eol + eol) }, ...shifted]);
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

function nextLabel(last: Section): string {
  const n = (last.parts[0] ?? 0) + 1;
  if (last.style === 'roman') {
    let rest = n;
    let out = '';
    for (const [value, sign] of ROMAN) while (rest >= value) { out += sign; rest -= value; }
    return out;
  }
  if (last.style === 'alpha') return String.fromCharCode(64 + Math.min(n, 26));
  return String(n);
}

/**
 * Completes a PARTIAL provision: appends the completion sentence `key` to the Absatz that holds `evidence` (a
 * sentence that refers back to the evidence goes right after it),
 * or, for replace rules (breach.replace-72h), rewrites the matching words in it. [] when the sentence is
 * already there, nothing matches, or the key is unknown.
 */
export function completePartialClause(parsed: ParsedContract, library: ClauseLibrary, key: string, evidence: Span): TextEdit[] {
  const completion = library.completions.find((c) => c.key === key);
  const absatz = absatzAt(parsed, evidence.start);
  if (!completion || !absatz) return [];
  const text = parsed.source.text;
  const end = contentEnd(parsed, absatz);
  const own = text.slice(absatz.start, end);
  const vocab = vocabularyOf(parsed);
  if (completion.kind === 'replace') {
    const pattern = new RegExp(completion.pattern!, 'giu');
    const replacement = fillTemplate(completion.replacement!, vocab);
    const edits: NEdit[] = [];
    for (const m of own.matchAll(pattern)) {
      if (m[0] === replacement) continue;
      edits.push({ start: absatz.start + m.index, end: absatz.start + m.index + m[0].length, newText: replacement });
    }
    return toTextEdits(parsed, edits);
  }
  const sentence = fillTemplate(completion.text!, vocab);
  if (squash(own).includes(squash(sentence))) return [];
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const inList = /^\s*(?:[-*+]\s|\(?[a-z]\)\s|\d+\.\s|\d+\)\s)/u.test(text.slice(lineStart, end)) && lineStart > absatz.start;
  // a sentence that refers back ("Dies gilt auch …", "Auf Verlangen … stattdessen …") goes right after the one it
  // completes when that one ends inside running text; any other goes to the end of the Absatz, so that it cannot
  // come between a sentence and the next one's pronoun ("… ersetzen. Der Anbieter darf sie …")
  const after = evidence.end;
  const midAbsatz = completion.refersBack === true && !inList && after > absatz.start && after < end && /[.;!?]["“”)]?$/u.test(text.slice(absatz.start, after)) && /^[ \t]+\S/u.test(text.slice(after, end));
  if (midAbsatz) return toTextEdits(parsed, [{ start: after, end: after, newText: ' ' + sentence }]);
  const sep = inList ? eolOf(parsed) : /[.;:!?]$/u.test(own) ? ' ' : '. ';
  return toTextEdits(parsed, [{ start: end, end, newText: sep + sentence }]);
}

/**
 * Replaces an outdated reference in `range` (the finding's range) with its modern form from the library:
 * the first library entry of the rule whose pattern matches the text in the range. Handles inflected endings
 * directly after the match ("Verfahrensverzeichnisses") and, where gender or number change, the article before
 * it ("das Datengeheimnis" → "die Vertraulichkeit"). [] when no entry applies.
 */
export function replaceOutdatedReference(parsed: ParsedContract, library: ClauseLibrary, ruleId: string, range: Range): TextEdit[] {
  const { source } = parsed;
  const text = source.text;
  const start = source.offsetAt(range.start);
  const end = source.offsetAt(range.end);
  const found = text.slice(start, end);
  for (const entry of library.replacements.filter((r) => r.rule === ruleId)) {
    const m = new RegExp(entry.pattern, 'iu').exec(found);
    if (!m) continue;
    const mStart = start + m.index;
    let mEnd = mStart + m[0].length;
    const fill = (s: string) => s.replace(/\$(\d)/gu, (_, i: string) => m[Number(i)] ?? '');
    let replacement = fill(entry.replacement);
    let changesArticle = Boolean(entry.articles);
    const ending = /^\p{L}+/u.exec(text.slice(mEnd))?.[0];
    if (ending) {
      const inflected = entry.inflections?.[ending];
      if (inflected !== undefined) {
        replacement = fill(inflected);
        mEnd += ending.length;
      } else if (/\s/u.test(replacement)) {
        continue; // a compound ("Verfahrensverzeichnispflicht") cannot take a multi-word replacement
      } else {
        changesArticle = false; // compound: the last part decides the gender, which does not change
      }
    }
    // "Gesperrte Daten sind zu löschen." → "In der Verarbeitung eingeschränkte Daten …": an adjective or verb
    // starts upper case only at the beginning of a sentence, and so must its replacement
    if (/^\p{Lu}/u.test(text[mStart] ?? '') && /^\p{Ll}/u.test(replacement)) replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
    if (text.slice(mStart, mEnd) === replacement) continue;
    const edits: NEdit[] = [{ start: mStart, end: mEnd, newText: replacement }];
    const before = /(\p{L}+)(\s+)$/u.exec(text.slice(Math.max(0, mStart - 20), mStart));
    const article = before && changesArticle ? entry.articles?.[before[1]!] : undefined;
    if (before && article !== undefined) {
      const aStart = mStart - before[0].length;
      // an empty article drops the word with its space: "nach der Anlage zu § 9 BDSG" → "nach Art. 32 DSGVO"
      edits.unshift({ start: aStart, end: article === '' ? mStart : aStart + before[1]!.length, newText: article });
    }
    return toTextEdits(parsed, edits);
  }
  return [];
}
