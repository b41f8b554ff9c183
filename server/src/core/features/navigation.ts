import type { ParsedContract } from '../model/build.js';
import type { Citation, Clause, CrossReference, DefinedTerm, Item, Placeholder, Range, Section, Span } from '../model/types.js';
import type { Knowledge } from '../knowledge/types.js';
import type { Position } from '../text/lineIndex.js';

/** What stands at a position: the element every position-based feature starts from. */
export type Element =
  | { kind: 'reference'; reference: CrossReference }
  | { kind: 'citation'; citation: Citation }
  | { kind: 'term'; term: DefinedTerm; span: Span; name: string; isDefinition: boolean }
  | { kind: 'section'; section: Section }
  | { kind: 'placeholder'; placeholder: Placeholder };

export function elementAt(parsed: ParsedContract, position: Position): Element | undefined {
  const { model, source } = parsed;
  const offset = source.offsetAt(position);
  const inside = (s: Span) => s.start <= offset && offset <= s.end && s.end > s.start;
  const ref = model.references.find(inside);
  if (ref) return { kind: 'reference', reference: ref };
  const citation = model.citations.find(inside);
  if (citation) return { kind: 'citation', citation };
  const placeholder = model.placeholders.find(inside);
  if (placeholder) return { kind: 'placeholder', placeholder };
  for (const term of model.terms) {
    const def = term.definitions.find(inside);
    if (def) return { kind: 'term', term, span: def, name: source.text.slice(def.start, def.end), isDefinition: true };
    const occ = term.occurrences.find(inside);
    if (occ) return { kind: 'term', term, span: occ, name: occ.name, isDefinition: false };
  }
  const section = model.allSections.find((s) => inside(s.heading));
  if (section) return { kind: 'section', section };
  return undefined;
}

export interface LocationLink {
  originSelectionRange: Range;
  targetRange: Range;
  targetSelectionRange: Range;
}

/** Go to definition: a cross reference to its target, a term to its definition, {{path}} to its front-matter value. */
export function definition(parsed: ParsedContract, position: Position): LocationLink[] {
  const el = elementAt(parsed, position);
  if (!el) return [];
  switch (el.kind) {
    case 'reference': {
      const t = el.reference.target;
      if (!t) return [];
      return [{ originSelectionRange: el.reference.range, targetRange: t.range, targetSelectionRange: selectionOf(t) }];
    }
    case 'term':
      return el.term.definitions.map((d) => ({ originSelectionRange: el.span.range, targetRange: d.range, targetSelectionRange: d.range }));
    case 'placeholder': {
      const path = el.placeholder.path;
      const fm = parsed.model.frontMatter;
      if (!path || !fm) return [];
      const target = fm.valueSpans.get(path) ?? [...fm.valueSpans.entries()].find(([k]) => k.endsWith(`.${path}`))?.[1];
      return target ? [{ originSelectionRange: el.placeholder.range, targetRange: target.range, targetSelectionRange: target.range }] : [];
    }
    default:
      return [];
  }
}

export function selectionOf(t: Section | Clause | Item): Range {
  if ('heading' in t) return t.heading.range;
  return t.markerSpan.range;
}

/** Find references: every reference to the section under the cursor, or every use of a term. */
export function references(parsed: ParsedContract, position: Position, includeDeclaration: boolean): Range[] {
  const el = elementAt(parsed, position);
  if (!el) return [];
  const { model } = parsed;
  if (el.kind === 'term') {
    return [...(includeDeclaration ? el.term.definitions : []), ...el.term.occurrences].map((s) => s.range);
  }
  const target = el.kind === 'section' ? el.section : el.kind === 'reference' ? el.reference.target : undefined;
  if (!target) return [];
  const section = 'heading' in target ? target : undefined;
  // a reference to "§ 5 Abs. 3" is a reference to § 5 too
  const hits = model.references.filter((r) => r.target === target || (section !== undefined && r.target !== undefined && owningSection(r.target) === section));
  const out = hits.map((r) => r.range);
  if (includeDeclaration) out.unshift(selectionOf(target));
  return out;
}

function owningSection(t: Section | Clause | Item): Section {
  return 'heading' in t ? t : t.section;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** The range and current name of a renameable term, or undefined. */
export function prepareRename(parsed: ParsedContract, position: Position): { range: Range; placeholder: string } | undefined {
  const el = elementAt(parsed, position);
  if (el?.kind !== 'term') return undefined;
  const s = el.span;
  const text = parsed.source.text.slice(s.start, s.end);
  const stem = commonPrefix(text, el.name);
  return { range: parsed.source.range(s.start, s.start + stem.length), placeholder: text.slice(0, stem.length) };
}

/**
 * Renames a defined term everywhere: definitions, front-matter key, every use. The inflection ending of
 * each use is kept ("Auftraggebers" → "Kunden" + "s" is not German: endings are kept as written, which is
 * right for most renames between nouns of the same declension; the rename preview shows every edit).
 */
export function rename(parsed: ParsedContract, position: Position, newName: string): TextEdit[] {
  const el = elementAt(parsed, position);
  if (el?.kind !== 'term') return [];
  const { source } = parsed;
  const oldName = el.name;
  const edits: TextEdit[] = [];
  const spans: { span: Span; name: string }[] = [
    ...el.term.definitions.map((d) => ({ span: d, name: source.text.slice(d.start, d.end) })),
    ...el.term.occurrences.map((o) => ({ span: o as Span, name: o.name })),
  ];
  for (const { span, name } of spans) {
    if (name !== oldName) continue; // aliases keep their own name
    const text = source.text.slice(span.start, span.end);
    const stem = commonPrefix(text, name);
    const newStem = stem.length === name.length ? newName : newName.replace(/[rnms]$/, '');
    edits.push({ range: source.range(span.start, span.start + stem.length), newText: newStem });
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

export interface DocumentLink {
  range: Range;
  target: string;
  tooltip: string;
}

/** Norm citations link to their official source; references to annexes link to the annex heading. */
export function documentLinks(parsed: ParsedContract, knowledge: Knowledge): DocumentLink[] {
  const { model } = parsed;
  const out: DocumentLink[] = [];
  for (const c of model.citations) {
    const url = citationUrl(c, knowledge);
    if (url) out.push({ range: c.range, target: url, tooltip: officialSourceName(url) });
  }
  for (const r of model.references) {
    if (r.target && r.address.style === 'annex' && 'heading' in r.target) {
      out.push({ range: r.range, target: `${model.uri}#L${r.target.heading.range.start.line + 1}`, tooltip: `${r.target.label} ${r.target.title}`.trim() });
    }
  }
  return out;
}

function officialSourceName(url: string): string {
  if (url.includes('eur-lex.europa.eu')) return 'EUR-Lex (amtliche Fassung)';
  if (url.includes('gesetze-im-internet.de')) return 'gesetze-im-internet.de (amtliche Fassung)';
  return url;
}

/** The official URL of a citation, or undefined where none is known (repealed law, unknown act). */
export function citationUrl(c: Citation, knowledge: Knowledge): string | undefined {
  if (c.unit === 'act') return knowledge.euActs.get(c.law)?.url;
  if (c.unit === 'ErwG') {
    const dsgvo = knowledge.norms.get('DSGVO')?.get('1')?.url;
    return dsgvo && c.article ? dsgvo.replace(/#.*$/, `#rct_${c.article}`) : undefined;
  }
  const norm = c.article ? knowledge.norms.get(c.law)?.get(c.article) : undefined;
  if (norm) return norm.url;
  const law = knowledge.laws.find((l) => l.id === c.law);
  if (law?.url && c.article) return law.url.replace('{n}', c.article);
  return undefined;
}
