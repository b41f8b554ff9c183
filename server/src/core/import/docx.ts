import * as l10n from '@vscode/l10n';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { looksLikeTitle, parseClauseMarker, parseHeadingLabel } from '../parse/numbering.js';
import { cleanLine, isSignatureLine } from './cleanup.js';
import type { ImportBlock, ImportDraft, ImportResult } from './types.js';
import { NumberingCounters, letters, levelOf, readNumbering, type LevelFormat, type NumberingDefinitions } from './wordNumbering.js';
import { writeMarkdown } from './write.js';

/**
 * Imports a Word document (DOCX) into the AVV dialect. mammoth reads the document; its document model
 * (captured with `transformDocument`) keeps what HTML loses: the style name of each paragraph and the
 * list level of Word's automatic numbering. The numbers themselves are rebuilt from numbering.xml.
 */
export async function importDocx(buffer: Uint8Array): Promise<ImportResult> {
  return writeMarkdown(await readDocx(buffer));
}

/** German and English names of the styles the import maps; everything else is body text. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  ...[1, 2, 3, 4].flatMap((n) => [`p[style-name='Heading ${n}'] => h${n + 1}:fresh`, `p[style-name='Überschrift ${n}'] => h${n + 1}:fresh`]),
  "p[style-name='List Paragraph'] => p:fresh",
  "p[style-name='Listenabsatz'] => p:fresh",
];

const BODY_STYLES = /^(?:normal|standard|list paragraph|listenabsatz|body text(?: \d)?|textkörper(?: \d)?|no spacing|kein leerraum|normal \(web\)|standard \(web\)|table paragraph|tabelleninhalt|default paragraph font|subtitle|untertitel|list bullet|aufzählungszeichen|list number|listennummer)$/i;

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level: string; isOrdered: boolean; paragraphStyleId?: string } | null;
  alignment?: string | null;
  isBold?: boolean;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
}

export async function readDocx(buffer: Uint8Array): Promise<ImportDraft> {
  const zip = await JSZip.loadAsync(buffer);
  const numberingFile = zip.file('word/numbering.xml');
  let definitions: NumberingDefinitions = { levels: new Map(), byStyle: new Map() };
  if (numberingFile) {
    const read = readNumbering(await numberingFile.async('string'));
    definitions = read.definitions;
    zip.file('word/numbering.xml', read.tagged);
  }
  // mammoth drops simple fields (w:fldSimple) with their text: a REF to "§ 4" or a page number would vanish.
  // Word shows a field's last result, so the result runs stand in for the field.
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const file = zip.file(part);
    if (!file) continue;
    const xml = await file.async('string');
    if (xml.includes('<w:fldSimple')) zip.file(part, unwrapSimpleFields(xml));
  }
  const tagged = await zip.generateAsync({ type: 'nodebuffer' });
  let document: MammothElement | undefined;
  const result = await mammoth.convertToHtml({ buffer: tagged }, {
    styleMap: STYLE_MAP,
    transformDocument: (element: MammothElement) => (document = element),
  });
  const reader = new DocxReader(definitions);
  for (const m of result.messages) {
    // unrecognised styles are reported once, by name, by the reader itself
    if (m.type === 'warning' && !/^Unrecognised (?:paragraph|run) style/.test(m.message)) reader.notes.push({ message: l10n.t('Word conversion: {0}', m.message) });
  }
  for (const child of document?.children ?? []) reader.element(child);
  return { blocks: reader.blocks, notes: reader.notes };
}

/** Replaces every `<w:fldSimple …>result runs</w:fldSimple>` by its result runs (innermost first). */
export function unwrapSimpleFields(xml: string): string {
  let out = xml.replace(/<w:fldSimple\b[^>]*\/>/gu, '');
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/<w:fldSimple\b[^>]*>((?:(?!<w:fldSimple\b)[\s\S])*?)<\/w:fldSimple>/gu, '$1');
  }
  return out;
}

class DocxReader {
  readonly blocks: ImportBlock[] = [];
  readonly notes: ImportDraft['notes'] = [];
  private readonly counters: NumberingCounters;
  private readonly headingNumberings = new Set<string>();
  private readonly reportedStyles = new Set<string>();
  private sectionStyle: 'paragraph' | 'decimal' | 'other' = 'other';
  private sectionNumber = '';
  private inAnnex = false;
  private signature = false;
  private seenHeading = false;

  constructor(private readonly definitions: NumberingDefinitions) {
    this.counters = new NumberingCounters(definitions);
  }

  element(el: MammothElement): void {
    if (el.type === 'paragraph') this.paragraph(el);
    else if (el.type === 'table') this.table(el);
  }

  private note(message: string): void {
    this.notes.push({ block: this.blocks.length, message });
  }

  private paragraph(p: MammothElement): void {
    const text = this.text(p).split('\n').map((l) => cleanLine(l)).join('\n').replace(/^\n+|\n+$/g, '');
    const style = p.styleName ?? '';
    const heading = /^(?:heading|überschrift)\s*([1-6])$/i.exec(style);
    const isTitle = /^(?:title|titel)$/i.test(style);
    if (!heading && !isTitle && style && !BODY_STYLES.test(style) && !this.reportedStyles.has(style)) {
      this.reportedStyles.add(style);
      this.note(l10n.t('The paragraph style "{0}" has no counterpart in the dialect; its paragraphs were imported as body text.', style));
    }
    if (!text) {
      if (this.blocks.length > 0) this.blocks.push({ kind: 'gap' });
      return;
    }
    const numbered = this.number(p, heading !== null);
    if (isTitle && !this.seenHeading && !this.blocks.some((b) => b.kind === 'title')) {
      this.blocks.push({ kind: 'title', text: text.replace(/\n/g, ' ') });
      return;
    }
    const oneLine = text.replace(/\n/g, ' ');
    const typed = parseHeadingLabel(oneLine);
    const bold = this.boldOnly(p);
    if (heading || isTitle || (typed && looksLikeTitle(oneLine.slice(typed.length), true) && oneLine.slice(typed.length).trim() !== '' && (bold || typed.style === 'paragraph' || typed.style === 'annex'))) {
      this.heading(heading ? parseInt(heading[1]!, 10) : 1, oneLine, numbered);
      return;
    }
    if (!this.seenHeading && this.blocks.length === 0 && (bold || p.alignment === 'center') && oneLine.length <= 200 && !numbered) {
      this.blocks.push({ kind: 'title', text: oneLine });
      return;
    }
    // the rubrum keeps its lines, as lawyers lay it out ("zwischen" / party / "– nachfolgend … –")
    if (!this.seenHeading) {
      this.blocks.push({ kind: 'paragraph', text, verbatim: true });
      return;
    }
    if (isSignatureLine(oneLine) && !this.inAnnex) this.signature = true;
    if (this.signature) {
      this.blocks.push({ kind: 'paragraph', text, verbatim: true, signature: true });
      return;
    }
    this.body(text, numbered);
  }

  private heading(styleLevel: number, text: string, numbered: Numbered | undefined): void {
    this.seenHeading = true;
    this.signature = false;
    let label = numbered && numbered.format?.numFmt !== 'bullet' ? numbered.text.trim() : undefined;
    if (label && /^\d+$/.test(label)) label = `${label}.`;
    if (label) label = label.replace(/^§\s*/, '§ ');
    const full = label ? `${label} ${text}` : text;
    const typed = parseHeadingLabel(full);
    const annex = typed?.style === 'annex' || /^(?:Anlage|Anhang|Annex)\b/i.test(full);
    if (annex) this.inAnnex = true;
    const depth = annex ? 1 : this.inAnnex ? Math.max(2, styleLevel) : styleLevel;
    this.sectionStyle = typed?.style === 'paragraph' ? 'paragraph' : typed?.style === 'decimal' ? 'decimal' : 'other';
    this.sectionNumber = typed?.number ?? '';
    if (numbered) this.headingNumberings.add(numbered.abstractId);
    // the Absätze and letters count anew in every section
    this.counters.resetExcept(this.headingNumberings);
    const block: ImportBlock = { kind: 'heading', depth, text, annex };
    if (label) block.label = label;
    this.blocks.push(block);
  }

  private body(text: string, numbered: Numbered | undefined): void {
    if (!numbered) {
      const marker = parseClauseMarker(text);
      this.blocks.push(marker && marker.kind !== 'clause' ? { kind: 'paragraph', text, item: marker.kind } : { kind: 'paragraph', text });
      return;
    }
    if (numbered.format?.numFmt === 'bullet' || !numbered.ordered) {
      this.blocks.push({ kind: 'paragraph', text, item: 'bullet' });
      return;
    }
    const marker = this.marker(numbered);
    if (!marker) {
      this.note(l10n.t('The Word numbering "{0}" has no counterpart in the dialect and was left out.', numbered.text));
      this.blocks.push({ kind: 'paragraph', text });
      return;
    }
    const kind = parseClauseMarker(`${marker} x`)?.kind;
    const block: ImportBlock = { kind: 'paragraph', text, marker };
    if (kind === 'letter' || kind === 'number') block.item = kind;
    this.blocks.push(block);
  }

  /** The dialect's marker for a numbered list paragraph: "(2)" and "b)" under §, "2.1" under "2.". */
  private marker(n: Numbered): string | undefined {
    const r = n.text.trim();
    if (/^\(\d+[a-z]?\)$|^\(?[a-z]{1,2}\)$|^\d+\)$/.test(r)) return r;
    if (/^\d+(?:\.\d+)+\.?$/.test(r)) return r.replace(/\.$/, '');
    if (/^\d+\.?$/.test(r)) {
      if (this.sectionStyle === 'paragraph') return n.level === 0 ? `(${n.value})` : `${letters(n.value)})`;
      if (this.sectionStyle === 'decimal' && this.sectionNumber) return `${this.sectionNumber.replace(/\.$/, '')}.${n.value}`;
      return `${n.value}.`;
    }
    if (/^[a-z]{1,2}\.$/.test(r)) return `${r.slice(0, -1)})`;
    if (/^[IVXLC]+\.$/.test(r) || /^[A-H]\.$/.test(r)) return r;
    return undefined;
  }

  private number(p: MammothElement, isHeading: boolean): Numbered | undefined {
    if (!p.numbering) return undefined;
    const at = levelOf(this.definitions, p.numbering.paragraphStyleId);
    if (!at) return undefined;
    const next = this.counters.next(at.abstractId, at.level);
    if (isHeading) this.headingNumberings.add(at.abstractId);
    return { ...next, abstractId: at.abstractId, level: at.level, ordered: p.numbering.isOrdered };
  }

  private boldOnly(p: MammothElement): boolean {
    let bold = false;
    let plain = false;
    const walk = (el: MammothElement, inBold: boolean) => {
      if (el.type === 'run') inBold = !!el.isBold;
      if (el.type === 'text' && el.value?.trim()) {
        if (inBold) bold = true;
        else plain = true;
      }
      el.children?.forEach((c) => walk(c, inBold));
    };
    walk(p, false);
    return bold && !plain;
  }

  private text(el: MammothElement): string {
    switch (el.type) {
      case 'text': return el.value ?? '';
      case 'tab': return '\t';
      case 'break': return el.breakType === 'line' ? '\n' : '';
      case 'checkbox': return '';
      case 'image':
        this.note(l10n.t('An image was left out.'));
        return '';
      case 'noteReference':
        this.note(l10n.t('A footnote or endnote was left out.'));
        return '';
      case 'commentReference': return '';
      default: return (el.children ?? []).map((c) => this.text(c)).join('');
    }
  }

  private table(t: MammothElement): void {
    const rows: string[][] = [];
    const cellLines: string[][][] = [];
    for (const row of t.children ?? []) {
      if (row.type !== 'tableRow') continue;
      const cells: string[] = [];
      const lines: string[][] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        lines.push((cell.children ?? []).filter((c) => c.type !== 'table').map((c) => cleanLine(this.text(c))).filter((x) => x));
        if ((cell.children ?? []).some((c) => c.type === 'table')) this.note(l10n.t('A table inside a table cell was flattened into the cell text.'));
        const text = (cell.children ?? []).map((c) => (c.type === 'table' ? flatten(c, (e) => this.text(e)) : this.text(c))).map((s) => cleanLine(s)).filter((s) => s).join(' ');
        cells.push(text);
        const span = cell.colSpan ?? 1;
        if (span > 1) {
          this.note(l10n.t('A table cell spanning {0} columns was split into single cells.', span));
          for (let i = 1; i < span; i++) cells.push('');
        }
      }
      rows.push(cells);
      cellLines.push(lines);
    }
    if (rows.length === 0) return;
    // the parties side by side before the first section (a layout table, as the export writes the rubrum):
    // each party's lines become the rubrum, one party after the other
    if (rows.length === 1 && !this.seenHeading && rows[0]!.length >= 2 && rows[0]!.every((c) => PARTY_CELL.test(c))) {
      for (const party of cellLines[0]!) {
        if (this.blocks.length > 0) this.blocks.push({ kind: 'gap' });
        for (const line of party) this.blocks.push({ kind: 'paragraph', text: line, verbatim: true });
      }
      return;
    }
    // a table of signature lines (place/date, lines, names side by side) is the signature block
    if (rows.some((r, i) => r.some((c, j) => isSignatureLine(c) || (cellLines[i]![j] ?? []).some((l) => isSignatureLine(l))))) {
      const width = Math.max(...rows.map((r) => r.length));
      for (let col = 0; col < width; col++) {
        if (this.blocks.length > 0) this.blocks.push({ kind: 'gap' });
        // line by line, as the parties sign: place and date, the line, the name
        for (const lines of cellLines) for (const line of lines[col] ?? []) this.blocks.push({ kind: 'paragraph', text: line, verbatim: true, signature: true });
      }
      this.signature = true;
      return;
    }
    this.blocks.push({ kind: 'table', rows });
  }
}

/** A cell that introduces a party by its role ("Auftraggeber", "Verantwortlicher: …"). */
const PARTY_CELL = /^(?:Auftraggeber|Auftragnehmer|Verantwortliche[rn]?|Auftragsverarbeiter|Controller|Processor)\b/u;

interface Numbered {
  text: string;
  value: number;
  format: LevelFormat | undefined;
  abstractId: string;
  level: number;
  ordered: boolean;
}

function flatten(el: MammothElement, text: (e: MammothElement) => string): string {
  return (el.children ?? []).flatMap((row) => (row.children ?? []).flatMap((cell) => (cell.children ?? []).map(text))).join(' ');
}
