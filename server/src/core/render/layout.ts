import type { Nodes, RootContent, Table as MdTable } from 'mdast';
import type { ParsedContract } from '../model/build.js';
import type { Clause, Item, Party, Section } from '../model/types.js';
import { parseMarkdown } from '../parse/markdown.js';

/**
 * The contract laid out as a flat list of document blocks, the common ground of the DOCX and PDF
 * renderers: headings with the model's sections, Absätze and items with their markers (split off the
 * text, so a word processor can number them itself), tables, the signature block. The text of every
 * block comes from the Markdown tree, so simple bold/italic survives; placeholders and resolved
 * references to sections are marked in the inline runs.
 */

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  placeholder?: boolean;
  /** The section a cross reference points to; `text` is then exactly the section's label. */
  ref?: Section;
}

export type LayoutBlock =
  | { kind: 'heading'; section: Section; depth: number; title: string }
  /** A section written as a numbered paragraph without a title ("1.1 Der Auftragsverarbeiter …"). */
  | { kind: 'numbered'; section: Section; depth: number; inlines: Inline[] }
  | { kind: 'clause'; clause: Clause; inlines: Inline[] }
  | { kind: 'item'; item: Item; siblings: Item[]; indent: number; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[]; indent: number }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'signature'; columns: SignatureColumn[] };

export interface SignatureColumn {
  /** The party's role term: "Auftraggeber", "Auftragnehmer". */
  role: string;
  /** Place and date as written ("Ort, Datum: Köln, ____"). */
  date: Inline[];
  /** Lines under the signature line: name, function. */
  names: Inline[][];
}

export interface PartyEntry {
  role: string;
  name: string;
  address?: string;
  representedBy?: string;
  /** "nachfolgend „Auftraggeber“" when the contract defines role terms. */
  terms: string[];
}

export interface ContractLayout {
  title: string;
  parties: PartyEntry[];
  blocks: LayoutBlock[];
}

const DEFAULT_TITLE = 'Vertrag über die Auftragsverarbeitung';

/** Lays the contract out for the document renderers. Pure: reads only the parsed contract. */
export function layoutContract(parsed: ParsedContract): ContractLayout {
  const { model, source } = parsed;
  const text = source.text;
  const tree = parseMarkdown(text).tree;
  const leaves = collectLeaves(tree.children, text);
  const title = model.title ?? DEFAULT_TITLE;
  const parties = model.parties.map(partyEntry);

  // where each model element begins: section headings, Absatz markers, item markers
  const anchors = new Map<number, Anchor>();
  for (const s of model.allSections) {
    anchors.set(s.heading.start, { kind: 'section', section: s });
    for (const c of s.clauses) {
      anchors.set(c.markerSpan.start, { kind: 'clause', clause: c });
      addItems(anchors, c.items, c.items);
    }
    addItems(anchors, s.items, s.items);
  }
  const sortedAnchors = [...anchors.entries()].sort((a, b) => a[0] - b[0]);
  const anchorsIn = (from: number, to: number) => sortedAnchors.filter(([p]) => p >= from && p < to);

  const inline = (from: number, to: number): Inline[] => inlines(leaves, text, from, to, parsed);
  const sig = model.signatureBlock;
  const preambleEnd = model.preamble?.end ?? 0;
  const blocks: LayoutBlock[] = [];
  let signatureDone = false;

  const leaf = (ps: number, pe: number, listStart?: number) => {
    if (sig && ps < sig.end && pe > sig.start) {
      if (!signatureDone) blocks.push({ kind: 'signature', columns: signatureColumns(parsed, inline) });
      signatureDone = true;
      return;
    }
    if (ps < preambleEnd && isTitleOrRubrum(text.slice(ps, pe), title, model.parties)) return;
    const found = anchorsIn(listStart ?? ps, pe);
    const plain = (from: number, to: number, indent: number) => {
      const runs = inline(from, to);
      if (runs.length) blocks.push({ kind: 'paragraph', inlines: runs, indent });
    };
    if (!found.length || found[0]![0] > ps) plain(ps, found[0]?.[0] ?? pe, 0);
    found.forEach(([, anchor], i) => {
      const next = found[i + 1]?.[0] ?? pe;
      let ownEnd = next;
      if (anchor.kind === 'section') {
        const s = anchor.section;
        const depth = sectionDepth(s);
        if (s.kind === 'section' && s.form === 'line' && !s.title) {
          blocks.push({ kind: 'numbered', section: s, depth, inlines: inline(Math.max(s.numberSpan.end, ps), next) });
        } else {
          blocks.push({ kind: 'heading', section: s, depth, title: s.title });
          ownEnd = Math.min(next, s.heading.end);
        }
      } else if (anchor.kind === 'clause') {
        const c = anchor.clause;
        ownEnd = Math.min(next, c.items[0]?.start ?? c.end);
        blocks.push({ kind: 'clause', clause: c, inlines: inline(Math.max(c.markerSpan.end, ps), ownEnd) });
      } else {
        const it = anchor.item;
        ownEnd = Math.min(next, it.items[0]?.start ?? it.end);
        const indent = (it.clause ? 1 : 0) + (it.parentItem ? 1 : 0) + (!it.clause && it.section.form === 'line' && !it.section.title ? 1 : 0);
        blocks.push({ kind: 'item', item: it, siblings: anchor.siblings, indent, inlines: inline(Math.max(it.markerSpan.end, ps), ownEnd) });
      }
      if (ownEnd < next) plain(ownEnd, next, anchor.kind === 'item' ? 1 : 0);
    });
  };

  const visit = (nodes: RootContent[], listStart?: number): void => {
    for (const node of nodes) {
      const ps = node.position?.start.offset;
      const pe = node.position?.end.offset;
      if (ps === undefined || pe === undefined) continue;
      switch (node.type) {
        case 'heading':
        case 'paragraph':
          leaf(ps, pe, listStart);
          listStart = undefined;
          break;
        case 'list':
          for (const li of node.children) visit(li.children, li.position?.start.offset);
          break;
        case 'blockquote':
          visit(node.children);
          break;
        case 'table':
          blocks.push(tableBlock(node, inline));
          break;
        case 'code':
          blocks.push({ kind: 'paragraph', inlines: [{ text: node.value, code: true }], indent: 0 });
          break;
        default:
          // html (comments, directives), thematic breaks and front matter are not contract text
          break;
      }
    }
  };
  visit(tree.children);
  if (sig && !signatureDone) blocks.push({ kind: 'signature', columns: signatureColumns(parsed, inline) });
  return { title, parties, blocks };
}

type Anchor = { kind: 'section'; section: Section } | { kind: 'clause'; clause: Clause } | { kind: 'item'; item: Item; siblings: Item[] };

function addItems(anchors: Map<number, Anchor>, items: Item[], siblings: Item[]): void {
  for (const it of items) {
    anchors.set(it.markerSpan.start, { kind: 'item', item: it, siblings });
    addItems(anchors, it.items, it.items);
  }
}

/** 1 for top-level sections and annexes, 2 for their children, … */
export function sectionDepth(s: Section): number {
  let d = 1;
  for (let p = s.parent; p; p = p.parent) d++;
  return d;
}

function partyEntry(p: Party): PartyEntry {
  const entry: PartyEntry = { role: p.terms[0] ?? (p.role === 'controller' ? 'Auftraggeber' : 'Auftragnehmer'), name: p.name, terms: p.terms };
  if (p.address) entry.address = p.address;
  if (p.representedBy) entry.representedBy = p.representedBy;
  return entry;
}

/** The title line and the rubrum are shown in the title block; the rest of the preamble stays. */
function isTitleOrRubrum(raw: string, title: string, parties: Party[]): boolean {
  const t = raw.replace(/[*_#]/g, '').replace(/\s+/g, ' ').trim();
  if (t === title || (t.length > 10 && title.startsWith(t))) return true;
  if (/^(zwischen|und)( der| dem| den)?:?$/i.test(t)) return true;
  if (/^[–—(-]?\s*nachfolgend\b[^.]*[–—)-]?$/i.test(t)) return true;
  return parties.some((p) => p.name && t.startsWith(p.name));
}

function signatureColumns(parsed: ParsedContract, inline: (from: number, to: number) => Inline[]): SignatureColumn[] {
  const { model, source } = parsed;
  const sig = model.signatureBlock!;
  const text = source.text;
  const columns: SignatureColumn[] = [];
  const roles = [...model.parties].sort((a, b) => (a.role === b.role ? 0 : a.role === 'controller' ? -1 : 1)).map(partyEntry).map((p) => p.role);
  let lineStart = sig.start;
  while (lineStart < sig.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > sig.end) lineEnd = sig.end;
    const line = text.slice(lineStart, lineEnd).trim();
    const isDate = sig.dateLines.some((d) => d.start >= lineStart && d.start < lineEnd);
    if (isDate || (line && !columns.length)) {
      columns.push({ role: roles[columns.length] ?? '', date: isDate ? inline(lineStart, lineEnd) : [], names: [] });
      if (!isDate) columns[columns.length - 1]!.names.push(inline(lineStart, lineEnd));
    } else if (line && !/^_{3,}$/.test(line)) {
      columns[columns.length - 1]!.names.push(inline(lineStart, lineEnd));
    }
    lineStart = lineEnd + 1;
  }
  return columns;
}

function tableBlock(node: MdTable, inline: (from: number, to: number) => Inline[]): LayoutBlock {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0)));
  return { kind: 'table', header: rows[0] ?? [], rows: rows.slice(1) };
}

// ——— inline runs ———

interface Leaf {
  value: string;
  /** The source offset of each character of the value (escapes and stripped indentation are skipped). */
  offsets: number[];
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
}

function collectLeaves(nodes: Nodes[], text: string): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (n: Nodes, bold: boolean, italic: boolean, strike: boolean) => {
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        if (start === undefined || end === undefined) return;
        leaves.push({ value: n.value, offsets: align(n.value, text, start, end), bold, italic, strike, code: n.type === 'inlineCode' });
        return;
      case 'break':
        if (start !== undefined) leaves.push({ value: ' ', offsets: [start], bold, italic, strike, code: false });
        return;
      case 'html':
      case 'yaml':
      case 'code':
        return;
      default:
        if ('children' in n) {
          const b = bold || n.type === 'strong';
          const i = italic || n.type === 'emphasis';
          const s = strike || n.type === 'delete';
          for (const c of n.children as Nodes[]) walk(c, b, i, s);
        }
    }
  };
  for (const n of nodes) walk(n, false, false, false);
  return leaves;
}

/** Maps each character of a node's value onto the source: remark drops escapes and continuation-line indentation. */
function align(value: string, text: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  let j = start;
  for (let i = 0; i < value.length; i++) {
    while (j < end && text[j] !== value[i]) j++;
    offsets.push(j < end ? j++ : end - 1);
  }
  return offsets;
}

function inlines(leaves: Leaf[], text: string, from: number, to: number, parsed: ParsedContract): Inline[] {
  const { model } = parsed;
  // placeholders and section references become runs of their own
  const marks: { start: number; end: number; placeholder?: boolean; ref?: Section }[] = [];
  for (const p of model.placeholders) if (p.start < to && p.end > from) marks.push({ start: p.start, end: p.end, placeholder: true });
  for (const r of model.references) {
    if (r.external || r.start >= to || r.end <= from || r.resolution === 'none' || !r.target) continue;
    const section = 'label' in r.target ? r.target : r.target.section;
    const at = r.text.indexOf(section.label);
    if (section.label && at >= 0 && text.slice(r.start + at, r.start + at + section.label.length) === section.label) {
      marks.push({ start: r.start + at, end: r.start + at + section.label.length, ref: section });
    }
  }
  const out: Inline[] = [];
  for (const leaf of leaves) {
    let run: Inline | undefined;
    let runMark: (typeof marks)[number] | undefined;
    for (let i = 0; i < leaf.value.length; i++) {
      const o = leaf.offsets[i]!;
      if (o < from || o >= to) continue;
      const mark = marks.find((m) => m.start <= o && o < m.end);
      if (!run || mark !== runMark) {
        run = { text: '', bold: leaf.bold, italic: leaf.italic, code: leaf.code, strike: leaf.strike };
        if (mark?.placeholder) run.placeholder = true;
        if (mark?.ref) run.ref = mark.ref;
        runMark = mark;
        out.push(run);
      }
      run.text += leaf.value[i];
    }
  }
  for (const r of out) if (r.ref && r.text !== r.ref.label) delete r.ref;
  return tidy(out);
}

/** Collapses whitespace (soft line breaks become spaces) and drops empty runs and style flags that are off. */
function tidy(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    let t = r.text.replace(/\s+/g, ' ');
    const prev = out[out.length - 1];
    if ((!prev || prev.text.endsWith(' ')) && t.startsWith(' ')) t = t.slice(1);
    if (!t) continue;
    const run: Inline = { text: t };
    if (r.bold) run.bold = true;
    if (r.italic) run.italic = true;
    if (r.code) run.code = true;
    if (r.strike) run.strike = true;
    if (r.placeholder) run.placeholder = true;
    if (r.ref) run.ref = r.ref;
    out.push(run);
  }
  const last = out[out.length - 1];
  if (last) {
    last.text = last.text.trimEnd();
    if (!last.text) out.pop();
  }
  return out;
}

/** The plain text of runs (for tests and for renderers that need a string). */
export function plainText(runs: Inline[]): string {
  return runs.map((r) => r.text).join('');
}
