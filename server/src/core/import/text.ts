import * as l10n from '@vscode/l10n';
import { looksLikeTitle, parseClauseMarker, parseHeadingLabel, type HeadingLabel } from '../parse/numbering.js';
import type { NumberingStyle } from '../model/types.js';
import { cleanLine, isSignatureLine } from './cleanup.js';
import type { ImportBlock, ImportDraft, ImportResult } from './types.js';
import { writeMarkdown } from './write.js';

/**
 * Imports a contract exported from Word as plain text (or pasted into a .txt): no Markdown, the numbers
 * are part of the lines, tables are tab-separated, bullets are "•\t". Hard-wrapped lines are joined into
 * paragraphs, a sentence split by a blank line is joined again; the rubrum and signature block keep
 * their lines.
 */
export function importText(text: string): ImportResult {
  return writeMarkdown(readText(text));
}

const BULLET = /^[•·▪◦o\-–*]\t\s*/u;

interface Line {
  text: string;
  raw: string;
  blank: boolean;
}

export function readText(input: string): ImportDraft {
  const lines: Line[] = input.replace(/\r\n?/g, '\n').split('\n').map((raw) => {
    const text = cleanLine(raw, true);
    return { raw, text, blank: text.replace(/\t/g, '').trim() === '' };
  });
  const headingStyles = lines.map((l) => headingOf(l.text)).filter((h): h is HeadingLabel => h !== undefined);
  const usesParagraphs = headingStyles.some((h) => h.style === 'paragraph');
  const blocks: ImportBlock[] = [];
  const notes: ImportDraft['notes'] = [];
  const order: NumberingStyle[] = [];
  let region: 'preamble' | 'main' | 'annex' = 'preamble';
  let signature = false;
  let titleDone = false;
  let blankRun = 0;
  let table: string[][] | undefined;

  const last = () => blocks[blocks.length - 1];
  const endTable = () => {
    if (!table) return;
    const widths = new Set(table.map((r) => r.length));
    if (widths.size > 1) notes.push({ block: blocks.length, message: l10n.t('The rows of a tab-separated table have different numbers of cells; missing cells were left empty.') });
    blocks.push({ kind: 'table', rows: table });
    table = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank) {
      endTable();
      blankRun++;
      continue;
    }
    let t = line.text.replace(/\t+$/, '');
    // "a)\tText", "(2)\tText", "1.1\tText": Word separates its list numbers from the text by a tab
    const numberTab = /^([^\t]{1,8})\t/.exec(t);
    if (numberTab && !BULLET.test(t) && (parseClauseMarker(`${numberTab[1]} x`) || parseHeadingLabel(`${numberTab[1]} x`))) t = t.replace('\t', ' ');
    const gap = blankRun;
    blankRun = 0;
    const plain = t.replace(/\t/g, ' ');

    // tables: tab-separated cells (a bullet's tab is not a cell boundary)
    if (/\t/.test(t) && !BULLET.test(t)) {
      table ??= [];
      table.push(t.split('\t').map((c) => c.trim()));
      continue;
    }
    endTable();

    if (!titleDone && region === 'preamble') {
      titleDone = true;
      if (plain.length <= 200 && !/^zwischen\b/i.test(plain) && !headingOf(plain)) {
        blocks.push({ kind: 'title', text: plain });
        continue;
      }
    }

    const h = headingOf(plain);
    if (h && acceptHeading(h, region, usesParagraphs)) {
      signature = false;
      if (h.style === 'annex') region = 'annex';
      else if (region === 'preamble') region = 'main';
      let depth: number;
      if (h.style === 'annex') depth = 1;
      else if (region === 'annex') depth = 2;
      else {
        if (!order.includes(h.style)) order.push(h.style);
        depth = h.style === 'decimal' && h.parts.length > 1 ? h.parts.length : order.indexOf(h.style) + 1;
      }
      blocks.push({ kind: 'heading', depth, text: plain, annex: h.style === 'annex' });
      continue;
    }

    if (isSignatureLine(plain) && region !== 'annex') signature = true;
    if (signature || region === 'preamble') {
      if (gap > 0 && blocks.length > 0) blocks.push({ kind: 'gap' });
      blocks.push({ kind: 'paragraph', text: plain, verbatim: true, signature });
      continue;
    }

    const bullet = BULLET.exec(t);
    if (bullet) {
      blocks.push({ kind: 'paragraph', text: t.slice(bullet[0].length).trim(), item: 'bullet' });
      continue;
    }
    const marker = parseClauseMarker(plain);
    if (marker) {
      // the marker stays part of the text: it is written in the source
      blocks.push(marker.kind === 'clause' ? { kind: 'paragraph', text: plain } : { kind: 'paragraph', text: plain, item: marker.kind });
      continue;
    }

    // a continuation: a hard-wrapped line, or a sentence split by one blank line
    const prev = last();
    const joinable = prev?.kind === 'paragraph' && !prev.verbatim && !(prev.item === 'bullet' && gap > 0);
    const brokenSentence = gap === 1 && /[\p{Ll},]$/u.test(prev?.kind === 'paragraph' ? prev.text : '') && /^\p{Ll}/u.test(plain);
    const label = parseHeadingLabel(plain);
    const numberedLine = label !== undefined && (/\./.test(label.number) || prev?.kind !== 'paragraph' || /[.;:]$/.test(prev.text));
    const afterItem = prev?.kind === 'paragraph' && prev.item !== undefined && /[.;:!?]$/.test(prev.text) && /^\p{Lu}/u.test(plain);
    if (joinable && (gap === 0 || brokenSentence) && !afterItem && !numberedLine) {
      prev.text += ` ${plain}`;
      continue;
    }
    blocks.push({ kind: 'paragraph', text: plain });
  }
  endTable();
  return { blocks, notes };
}

function headingOf(line: string): HeadingLabel | undefined {
  const h = parseHeadingLabel(line);
  if (!h) return undefined;
  const rest = line.slice(h.length);
  return looksLikeTitle(rest, true) && rest.trim() !== '' ? h : undefined;
}

/** In a § contract, "1." and "I." lines of the main part are numbered points, not sections. */
function acceptHeading(h: HeadingLabel, region: 'preamble' | 'main' | 'annex', usesParagraphs: boolean): boolean {
  if (h.style === 'annex' || region === 'annex') return true;
  return !usesParagraphs || h.style === 'paragraph';
}
