import type { Block, MarkdownParse } from '../parse/markdown.js';
import { looksLikeTitle, parseClauseMarker, parseHeadingLabel, type HeadingLabel } from '../parse/numbering.js';
import type { SourceText } from '../text/source.js';
import type { Cell, Clause, HeadingForm, Item, NumberingStyle, Section, Span, Table, TextBlock } from './types.js';

/**
 * Structure recovery: from Markdown leaf blocks to the section tree with Absätze and items.
 *
 * Headings are recognised in three forms, because contracts converted from Word rarely carry `#`:
 * Markdown headings, paragraphs that are one bold span, and plain lines that start with a legal number
 * and read like a title. Nesting follows Markdown depth where given; otherwise the order in which
 * numbering styles appear (as reStructuredText does with its adornments): a style already open is a
 * sibling, a new style is a child.
 */

interface Unit {
  kind: 'heading' | 'clause' | 'item' | 'text' | 'tabrow';
  start: number;
  end: number;
  contentStart: number;
  text: string;
  block: Block;
  label?: HeadingLabel;
  form?: HeadingForm;
  /** Title text of a heading. */
  title?: string;
  number?: string;
  marker?: string;
  markerEnd?: number;
  itemKind?: Item['kind'];
  checked?: boolean | null;
}

export interface Structure {
  title?: string;
  sections: Section[];
  annexes: Section[];
  allSections: Section[];
  blocks: TextBlock[];
  tables: Table[];
  preamble?: Span;
  mainStyle: NumberingStyle;
}

export function recoverStructure(source: SourceText, md: Pick<MarkdownParse, 'blocks' | 'scan'>): Structure {
  const span = (start: number, end: number): Span => ({ start, end, range: source.range(start, end) });
  const units = toUnits(md);
  const tables = gfmTables(md, span);

  // a lone leading "# Title" is the document title, not section 1
  let title: string | undefined;
  const headings = units.filter((u) => u.kind === 'heading');
  const first = headings[0];
  const loneH1 = first?.form === 'markdown' && first.block.depth === 1 && headings.length > 1 &&
    !headings.slice(1).some((h) => h.form === 'markdown' && h.block.depth === 1);
  // the head noun of a title ("…vertrag", "…vereinbarung"), not a compound such as "Vertragsparteien"
  const titleLike = first !== undefined && /(?:Vertrag|Vereinbarung|AVV|Auftragsverarbeitung|Agreement|Addendum)(?![\p{L}])/iu.test(first.text) &&
    (first.form === 'bold' || first.form === 'markdown') && headings.slice(1).some((h) => h.label !== undefined);
  if (first && first.label === undefined && (loneH1 || titleLike)) {
    title = first.text;
    first.kind = 'text';
  }

  const sections: Section[] = [];
  const annexes: Section[] = [];
  const allSections: Section[] = [];
  const blocks: TextBlock[] = [];
  const stack: { section: Section; key: string; mdDepth?: number }[] = [];
  let clause: Clause | undefined;
  let lastContentEnd = 0;
  let firstHeadingStart: number | undefined;
  let current: TextBlock | undefined;
  let tabRows: Unit[] = [];
  const blockOwner = new Map<TextBlock, Block>();
  let lastNumbered: { item: Item; block: Block } | undefined;

  const close = (entry: { section: Section }) => {
    entry.section.end = Math.max(entry.section.heading.end, lastContentEnd);
    entry.section.range = source.range(entry.section.start, entry.section.end);
  };
  const closeClause = () => {
    if (!clause) return;
    const lastItem = clause.items[clause.items.length - 1];
    clause.end = Math.max(clause.end, lastItem?.end ?? 0);
    clause.range = source.range(clause.start, clause.end);
    clause = undefined;
  };
  const flushTabs = () => {
    if (tabRows.length >= 2) tables.push(tabTable(tabRows, span));
    tabRows = [];
  };
  const top = () => stack[stack.length - 1]?.section;

  for (const u of units) {
    if (u.kind !== 'tabrow') flushTabs();
    // a numbered list is an outline of headings only at the top of a decimal contract ("1. Gegenstand");
    // inside a §, an annex or a TOM category its points are Absätze or numbered points
    const open = top();
    if (u.kind === 'heading' && u.form === 'list' && open && !stack.some((e) => e.key === 'decimal1' && e.section.kind === 'section')) {
      const marker = u.block.listItem!.marker;
      u.kind = 'clause';
      u.number = marker.slice(0, -1);
      u.marker = marker;
      u.markerEnd = u.contentStart + marker.length;
    }
    if (u.kind === 'heading') {
      const label = u.label;
      const style: NumberingStyle = label?.style ?? 'none';
      const mdDepth = u.form === 'markdown' ? u.block.depth : undefined;
      const isAnnex = style === 'annex';
      closeClause();
      lastNumbered = undefined;
      if (isAnnex) {
        while (stack.length) close(stack.pop()!);
      } else if (mdDepth !== undefined) {
        while (stack.length) {
          const t = stack[stack.length - 1]!;
          if (t.section.kind === 'annex' && (t.mdDepth === undefined || t.mdDepth < mdDepth)) break;
          if (t.mdDepth !== undefined && t.mdDepth < mdDepth) break;
          close(stack.pop()!);
        }
      } else {
        const key = keyOf(style, label);
        const idx = stack.findIndex((e) => e.key === key);
        if (idx >= 0) while (stack.length > idx) close(stack.pop()!);
      }
      const numberEnd = label ? u.contentStart + label.numberLength : u.contentStart;
      const parent = top();
      const section: Section = {
        kind: isAnnex ? 'annex' : 'section',
        style,
        number: label?.number ?? '',
        parts: label?.parts ?? [],
        label: label?.label ?? '',
        title: u.title ?? '',
        level: parent ? parent.level + 1 : 1,
        form: u.form ?? 'line',
        heading: span(u.start, u.end),
        numberSpan: span(u.contentStart, numberEnd),
        children: [],
        clauses: [],
        items: [],
        start: u.start,
        end: u.end,
        range: source.range(u.start, u.end),
      };
      if (parent) {
        section.parent = parent;
        parent.children.push(section);
      } else if (isAnnex || annexes.length > 0) {
        // after the first annex every top-level heading belongs to the annex part
        section.kind = 'annex';
        annexes.push(section);
      } else {
        sections.push(section);
      }
      allSections.push(section);
      const entry: { section: Section; key: string; mdDepth?: number } = { section, key: keyOf(style, label) };
      if (mdDepth !== undefined) entry.mdDepth = mdDepth;
      stack.push(entry);
      firstHeadingStart ??= u.start;
      lastContentEnd = u.end;
      current = { kind: 'heading', text: collapse(u.text), section, ...span(u.start, u.end) };
      blocks.push(current);
      continue;
    }

    const section = top();
    if (u.kind === 'tabrow') {
      tabRows.push(u);
    }
    // inside a decimal outline, or under Absätze written "(1)", a numbered list ("1. Stammdaten") holds
    // points cited "Nr. 1", not Absätze
    // only the list point's own marker ("1."), not an Absatz "(2)" on a lazy continuation line of the list
    if (u.kind === 'clause' && section && u.block.listItem && u.contentStart === u.block.listItem.markerStart &&
        (section.style === 'decimal' || section.style === 'ziffer' || section.style === 'klausel' || section.clauses.some((c) => c.marker.startsWith('(')))) {
      u.kind = 'item';
      u.itemKind = 'number';
      u.checked = null;
    }
    if (u.kind === 'clause' && section) {
      closeClause();
      lastNumbered = undefined;
      clause = {
        number: u.number!,
        parts: [parseInt(u.number!, 10) || 0],
        marker: u.marker!,
        markerSpan: span(u.contentStart, u.markerEnd!),
        items: [],
        section,
        ...span(u.start, u.end),
      };
      section.clauses.push(clause);
    } else if (u.kind === 'item' && section) {
      const item: Item = {
        number: u.number ?? '',
        marker: u.marker ?? '',
        markerSpan: span(u.contentStart, u.markerEnd ?? u.contentStart),
        kind: u.itemKind ?? 'bullet',
        checked: u.checked ?? null,
        text: collapse(u.text.slice((u.markerEnd ?? u.contentStart) - u.contentStart)),
        section,
        items: [],
        ...span(u.start, u.end),
      };
      if (clause) item.clause = clause;
      const owner = lastNumbered && item.kind === 'letter' &&
        (lastNumbered.block === u.block || u.block.listDepth > lastNumbered.block.listDepth) ? lastNumbered.item : undefined;
      if (owner) {
        item.parentItem = owner;
        owner.items.push(item);
        owner.end = Math.max(owner.end, item.end);
        owner.range = source.range(owner.start, owner.end);
      } else {
        (clause ? clause.items : section.items).push(item);
      }
      if (item.kind === 'number') lastNumbered = { item, block: u.block };
      else if (!owner) lastNumbered = undefined;
    }
    if (clause && u.kind !== 'clause') clause.end = Math.max(clause.end, u.end);

    const continues = u.kind === 'text' && current && current.kind !== 'heading' && current.end <= u.start &&
      blockOwner.get(current) === u.block && current.section === section;
    if (continues) {
      current!.end = u.end;
      current!.text = collapse(current!.text + ' ' + u.text);
      current!.range = source.range(current!.start, current!.end);
    } else {
      const kind: TextBlock['kind'] = u.block.kind === 'tableCell' ? 'cell' : u.kind === 'item' ? 'item' : 'paragraph';
      current = { kind, text: collapse(u.text), ...span(u.start, u.end) };
      if (section) current.section = section;
      if (clause) current.clause = clause;
      blockOwner.set(current, u.block);
      blocks.push(current);
    }
    lastContentEnd = Math.max(lastContentEnd, u.end);
  }
  flushTabs();
  closeClause();
  while (stack.length) close(stack.pop()!);

  const result: Structure = { sections, annexes, allSections, blocks, tables, mainStyle: dominantStyle(sections) };
  if (title !== undefined) result.title = collapse(title);
  const preambleEnd = firstHeadingStart ?? source.text.length;
  const bodyStart = md.blocks.find((b) => b.kind !== 'yaml')?.start ?? 0;
  if (preambleEnd > bodyStart) result.preamble = span(bodyStart, preambleEnd);
  return result;
}

function keyOf(style: NumberingStyle, label: HeadingLabel | undefined): string {
  if (style === 'decimal' || style === 'ziffer' || style === 'klausel') return `${style}${label?.parts.length ?? 1}`;
  return style;
}

function dominantStyle(sections: Section[]): NumberingStyle {
  const counts = new Map<NumberingStyle, number>();
  for (const s of sections) if (s.style !== 'none') counts.set(s.style, (counts.get(s.style) ?? 0) + 1);
  let best: NumberingStyle = 'none';
  let n = 0;
  for (const [style, c] of counts) if (c > n) { best = style; n = c; }
  return best;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Splits every heading and paragraph into line units and classifies each line. */
function toUnits(md: Pick<MarkdownParse, 'blocks' | 'scan'>): Unit[] {
  const units: Unit[] = [];
  const scan = md.scan;
  for (const block of md.blocks) {
    if (block.kind === 'heading') {
      const contentStart = skipSpace(scan, block.start, block.end);
      const text = scan.slice(contentStart, block.end).trimEnd();
      units.push(headingUnit(block, block.start, block.end, contentStart, text, 'markdown'));
      continue;
    }
    if (block.kind === 'tableCell') {
      const contentStart = skipSpace(scan, block.start, block.end);
      units.push({ kind: 'text', start: contentStart, end: trimEnd(scan, contentStart, block.end), contentStart, text: scan.slice(contentStart, block.end).trim(), block });
      continue;
    }
    if (block.kind !== 'paragraph') continue;
    if (block.strongOnly) {
      const contentStart = skipSpace(scan, block.start, block.end);
      const text = collapse(scan.slice(contentStart, block.end));
      const label = parseHeadingLabel(text);
      const rest = label ? text.slice(label.length) : text;
      if (!block.listItem && (label ? looksLikeTitle(rest, false) : looksLikeTitle(text, true))) {
        units.push(headingUnit(block, block.start, block.end, contentStart, text, 'bold'));
        continue;
      }
    }
    // the lines of the paragraph: a Word conversion often keeps a whole § with its Absätze in one
    const lines: { start: number; contentStart: number; contentEnd: number }[] = [];
    for (let lineStart = block.listItem ? block.listItem.markerStart : block.start; lineStart < block.end;) {
      let lineEnd = scan.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > block.end) lineEnd = block.end;
      const contentEnd = trimEnd(scan, lineStart, lineEnd);
      const contentStart = lines.length === 0 && block.listItem ? block.listItem.markerStart : skipQuoteAndSpace(scan, lineStart, contentEnd);
      if (contentStart < contentEnd) lines.push({ start: lineStart, contentStart, contentEnd });
      lineStart = lineEnd + 1;
    }
    lines.forEach((l, i) => {
      const text = scan.slice(l.contentStart, l.contentEnd);
      const prev = i > 0 ? scan.slice(lines[i - 1]!.contentStart, lines[i - 1]!.contentEnd) : undefined;
      const next = lines[i + 1] ? scan.slice(lines[i + 1]!.contentStart, lines[i + 1]!.contentEnd) : undefined;
      units.push(classifyLine(block, l.start, l.contentEnd, l.contentStart, text, { first: i === 0, prev, next }));
    });
  }
  mergeLabelOnlyHeadings(units);
  return units;
}

function headingUnit(block: Block, start: number, end: number, contentStart: number, text: string, form: HeadingForm): Unit {
  const label = parseHeadingLabel(text);
  const title = collapse(label ? text.slice(label.length) : text).replace(/^[–—\-:.]\s*/, '');
  const u: Unit = { kind: 'heading', start, end, contentStart, text, block, form, title };
  if (label) u.label = label;
  return u;
}

interface LineContext {
  first: boolean;
  /** The previous and next line of the same paragraph. */
  prev?: string | undefined;
  next?: string | undefined;
}

/**
 * Whether a line can start something new: the first line of its paragraph, or a line after one that
 * ends a sentence or a heading. A hard-wrapped sentence ("… Bestandteil dieses Vertrages sind⏎Anlage 1 …")
 * continues instead.
 */
function startsAfterBreak(ctx: LineContext): boolean {
  if (ctx.first || ctx.prev === undefined) return true;
  const prev = ctx.prev.trim();
  if (/[.!?:;)]$/.test(prev)) return true;
  // after a title line ("Vertrag zur Auftragsverarbeitung", "§ 1 Gegenstand"): a phrase, not half a sentence
  const label = parseHeadingLabel(prev);
  return looksLikeTitle(label ? prev.slice(label.length) : prev, true);
}

function classifyLine(block: Block, start: number, end: number, contentStart: number, text: string, ctx: LineContext): Unit {
  const item = ctx.first ? block.listItem : undefined;
  if (item) {
    const rest = text.slice(item.marker.length).trimStart();
    const restStart = end - rest.length;
    if (item.ordered) {
      const num = item.marker.slice(0, -1);
      // "1. Gegenstand" alone, or followed directly by its "1.1 …": a heading written as a list item
      const childFollows = ctx.next !== undefined && new RegExp(`^${num}\\.\\d`).test(ctx.next.trim());
      if (item.marker.endsWith('.') && looksLikeTitle(rest, true) && (ctx.next === undefined || childFollows)) {
        const u = headingUnit(block, start, end, contentStart, text, 'list');
        return u;
      }
      if (item.marker.endsWith(')')) {
        return { kind: 'item', start, end, contentStart, text, block, number: num, marker: item.marker, markerEnd: contentStart + item.marker.length, itemKind: 'number', checked: item.checked };
      }
      return { kind: 'clause', start, end, contentStart, text, block, number: num, marker: item.marker, markerEnd: contentStart + item.marker.length };
    }
    // bullet: maybe a lettered item written as a bullet ("- a) …")
    const inner = parseClauseMarker(rest);
    if (inner && inner.kind !== 'clause') {
      return { kind: 'item', start, end, contentStart: restStart, text: rest, block, number: inner.number, marker: inner.marker, markerEnd: restStart + inner.marker.length, itemKind: inner.kind, checked: item.checked };
    }
    return { kind: 'item', start, end, contentStart, text, block, number: '', marker: item.marker, markerEnd: contentStart + item.marker.length, itemKind: 'bullet', checked: item.checked };
  }
  const label = startsAfterBreak(ctx) ? parseHeadingLabel(text) : undefined;
  if (label && !(label.style === 'alpha' && text.includes(','))) {
    const rest = text.slice(label.length);
    const multiLevel = label.style === 'decimal' && label.parts.length > 1;
    if (looksLikeTitle(rest, true) || (label.style !== 'decimal' && rest.trim() === '')) {
      return headingUnit(block, start, end, contentStart, text, 'line');
    }
    if (multiLevel || label.style === 'ziffer' || (label.style === 'klausel' && label.parts.length > 1)) {
      // "2.1 Der Auftragnehmer verarbeitet …", "Klausel 1.1 Der Dienstleister …": a numbered clause that is itself a section of the outline
      const u = headingUnit(block, start, end, contentStart, text, 'line');
      u.title = '';
      return u;
    }
    if (label.style === 'decimal') {
      return { kind: 'clause', start, end, contentStart, text, block, number: label.number, marker: label.label, markerEnd: contentStart + label.numberLength };
    }
  }
  const marker = parseClauseMarker(text);
  // "Abs. 1 …" and "Nr. 3 …" at the start of a wrapped line are mostly a reference continuing a sentence
  if (marker && (!/^(?:Abs|Nr)/.test(marker.marker) || startsAfterBreak(ctx))) {
    const markerEnd = contentStart + marker.marker.length;
    if (marker.kind === 'clause') return { kind: 'clause', start, end, contentStart, text, block, number: marker.number, marker: marker.marker, markerEnd };
    return { kind: 'item', start, end, contentStart, text, block, number: marker.number, marker: marker.marker, markerEnd, itemKind: marker.kind, checked: null };
  }
  if (/^•[ \t]/.test(text)) {
    return { kind: 'item', start, end, contentStart, text, block, number: '', marker: '•', markerEnd: contentStart + 2, itemKind: 'bullet', checked: null };
  }
  if (/\S\t+\S/.test(text)) return { kind: 'tabrow', start, end, contentStart, text, block };
  return { kind: 'text', start, end, contentStart, text, block };
}

/** "§ 1" alone on a line followed by "Gegenstand" on the next: one heading. */
function mergeLabelOnlyHeadings(units: Unit[]): void {
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1]!;
    if (u.kind === 'heading' && u.form === 'line' && u.title === '' && u.label && u.text.trim().length === u.label.length &&
        next.kind === 'text' && next.block === u.block && looksLikeTitle(next.text, true)) {
      u.end = next.end;
      u.title = collapse(next.text);
      u.text = `${u.text} ${next.text}`;
      units.splice(i + 1, 1);
    }
  }
}

function gfmTables(md: Pick<MarkdownParse, 'blocks' | 'scan'>, span: (s: number, e: number) => Span): Table[] {
  const byTable = new Map<number, Block[]>();
  for (const b of md.blocks) if (b.cell) (byTable.get(b.cell.table) ?? byTable.set(b.cell.table, []).get(b.cell.table)!).push(b);
  const tables: Table[] = [];
  for (const cells of byTable.values()) {
    const rows: Cell[][] = [];
    for (const b of cells) {
      const c = b.cell!;
      const text = collapse(md.scan.slice(b.start, b.end));
      const start = skipSpace(md.scan, b.start, b.end);
      (rows[c.row] ??= [])[c.column] = { text, ...span(start, Math.max(start, trimEnd(md.scan, start, b.end))) };
    }
    const first = cells[0]!.cell!;
    const [header = [], ...body] = rows.map((r) => Array.from(r, (c) => c ?? { text: '', ...span(first.tableStart, first.tableStart) }));
    tables.push({ header, rows: body, columns: [], form: 'gfm', ...span(first.tableStart, first.tableEnd) });
  }
  return tables;
}

function tabTable(rows: Unit[], span: (s: number, e: number) => Span): Table {
  const toCells = (u: Unit): Cell[] => {
    const cells: Cell[] = [];
    const re = /[^\t]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(u.text))) {
      const text = m[0].trim();
      if (!text) continue;
      const s = u.contentStart + m.index + (m[0].length - m[0].trimStart().length);
      cells.push({ text, ...span(s, s + text.length) });
    }
    return cells;
  };
  const [header, ...body] = rows.map(toCells);
  return { header: header!, rows: body, columns: [], form: 'tabs', ...span(rows[0]!.start, rows[rows.length - 1]!.end) };
}

function skipSpace(s: string, from: number, to: number): number {
  while (from < to && /\s/.test(s[from]!)) from++;
  return from;
}

function skipQuoteAndSpace(s: string, from: number, to: number): number {
  while (from < to && (s[from] === ' ' || s[from] === '\t' || s[from] === '>')) from++;
  return from;
}

function trimEnd(s: string, from: number, to: number): number {
  while (to > from && /\s/.test(s[to - 1]!)) to--;
  return to;
}
