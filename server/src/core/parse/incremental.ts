import type { Nodes, Root } from 'mdast';
import { parseMarkdown, type Block, type MarkdownParse } from './markdown.js';

/**
 * Incremental Markdown parsing: the text is cut into chunks at safe block boundaries, each chunk is
 * parsed by remark once and cached by its content; an edit re-parses only the chunk it touches and the
 * results are re-joined with shifted offsets. The joined result equals a full parse wherever no
 * Markdown construct crosses a boundary (boundaries lie only before an unindented line after a blank
 * line, outside fenced code and HTML comments, and never inside a list, quote or table). The one
 * construct that can cross chunks is a link reference definition (`[x]: url`) used in another chunk;
 * contracts practically never use them, and such a use stays plain text.
 */

export interface InlineHtml {
  start: number;
  end: number;
  value: string;
}

export interface JoinedParse extends Omit<MarkdownParse, 'tree'> {
  /** HTML nodes inside paragraphs and headings (directives written inline). */
  inlineHtml: InlineHtml[];
  /** How many chunks were parsed anew for this text (the rest came from the cache). */
  parsedChunks: number;
  chunkCount: number;
}

interface ChunkParse {
  blocks: Block[];
  scan: string;
  inlineHtml: InlineHtml[];
  tables: number;
}

/** Chunks below this size are merged with their successor: small chunks cost more than they save. */
const MIN_CHUNK = 2048;

export class MarkdownCache {
  private cache = new Map<string, ChunkParse>();

  parse(text: string): JoinedParse {
    const next = new Map<string, ChunkParse>();
    const blocks: Block[] = [];
    const scans: string[] = [];
    const inlineHtml: InlineHtml[] = [];
    let tableBase = 0;
    let parsedChunks = 0;
    const bounds = chunkBoundaries(text);
    for (let i = 0; i < bounds.length; i++) {
      const start = bounds[i]!;
      const end = bounds[i + 1] ?? text.length;
      const chunkText = text.slice(start, end);
      let chunk = next.get(chunkText) ?? this.cache.get(chunkText);
      if (!chunk) {
        chunk = parseChunk(chunkText);
        parsedChunks++;
      }
      next.set(chunkText, chunk);
      for (const b of chunk.blocks) blocks.push(shiftBlock(b, start, tableBase));
      for (const h of chunk.inlineHtml) inlineHtml.push({ start: h.start + start, end: h.end + start, value: h.value });
      scans.push(chunk.scan);
      tableBase += chunk.tables;
    }
    this.cache = next;
    return { blocks, scan: scans.join(''), inlineHtml, parsedChunks, chunkCount: bounds.length };
  }
}

/** A one-off parse without a cache (CLI, tests). */
export function parseMarkdownJoined(text: string): JoinedParse {
  return new MarkdownCache().parse(text);
}

/** Deeper nesting than this is flattened before parsing: no contract nests 32 quotes or lists. */
const MAX_NESTING = 32;

/**
 * Hostile input (100,000 nested quotes or list levels) makes CommonMark parsing quadratic and recursion
 * overflow the stack. Container markers beyond MAX_NESTING on a line are replaced by spaces before
 * parsing; the text keeps its length, so every offset stays valid.
 */
export function defuseNesting(text: string): string {
  if (!/(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*){33}|^[ \t]{65}/m.test(text)) return text;
  return text.replace(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*/gm, (lead) => {
    let depth = 0;
    const out = lead.replace(/>|[-*+]|\d{1,9}[.)]/g, (marker) => (++depth > MAX_NESTING ? ' '.repeat(marker.length) : marker));
    // deep indentation opens one more list level per line (and costs the parser per level and column):
    // no contract indents 64 columns, so the excess becomes no-break spaces, which are text to CommonMark
    const ws = /^[ \t]*/.exec(out)![0];
    if (ws.length <= 2 * MAX_NESTING) return out;
    return ws.slice(0, 2 * MAX_NESTING) + '\u00a0'.repeat(ws.length - 2 * MAX_NESTING) + out.slice(ws.length);
  });
}

function parseChunk(text: string): ChunkParse {
  const md = parseMarkdown(defuseNesting(text));
  const tables = new Set(md.blocks.filter((b) => b.cell).map((b) => b.cell!.table)).size;
  return { blocks: md.blocks, scan: md.scan, inlineHtml: collectInlineHtml(md.tree, text), tables };
}

function shiftBlock(b: Block, by: number, tableBase: number): Block {
  if (by === 0 && tableBase === 0) return b;
  const out: Block = { ...b, start: b.start + by, end: b.end + by };
  if (b.listItem) out.listItem = { ...b.listItem, markerStart: b.listItem.markerStart + by, itemStart: b.listItem.itemStart + by, itemEnd: b.listItem.itemEnd + by };
  if (b.cell) out.cell = { ...b.cell, table: b.cell.table + tableBase, tableStart: b.cell.tableStart + by, tableEnd: b.cell.tableEnd + by };
  return out;
}

/**
 * Offsets where a chunk may start: the first character of a line that follows a blank line, begins
 * without indentation and is no list item, quote, table row or continuation; never inside fenced code,
 * an HTML comment or the front matter.
 */
export function chunkBoundaries(text: string): number[] {
  const bounds = [0];
  let lastBound = 0;
  let fence: string | undefined;
  let inComment = false;
  let prevBlank = false;
  let pos = 0;
  let lineNo = 0;
  let inFrontMatter = text.startsWith('---');
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).replace(/\r$/, '');
    const blank = line.trim() === '';
    if (inFrontMatter) {
      if (lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      if (line.trimStart().startsWith(fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      const isList = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(line);
      if (!blank && prevBlank && !/^\s/.test(line) && !isList && !/^[>|]/.test(line) && pos - lastBound >= MIN_CHUNK) {
        bounds.push(pos);
        lastBound = pos;
      }
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = f[1]!.slice(0, 3);
      else if (line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) inComment = true;
    }
    prevBlank = blank;
    pos = eol + 1;
    lineNo++;
  }
  return bounds;
}

function collectInlineHtml(tree: Root, text: string): InlineHtml[] {
  const out: InlineHtml[] = [];
  const visit = (node: Nodes, inParagraph: boolean) => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (node.type === 'html' && inParagraph && s !== undefined && e !== undefined) out.push({ start: s, end: e, value: text.slice(s, e) });
    if ('children' in node) for (const c of node.children) visit(c as Nodes, inParagraph || node.type === 'paragraph' || node.type === 'heading');
  };
  visit(tree, false);
  return out;
}
