import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Nodes, PhrasingContent } from 'mdast';

/** A leaf block of the Markdown tree, in n-offsets (see SourceText). */
export interface Block {
  kind: 'heading' | 'paragraph' | 'tableCell' | 'html' | 'code' | 'yaml' | 'thematicBreak';
  start: number;
  end: number;
  /** Markdown heading depth (1–6). */
  depth?: number;
  /** The paragraph consists of one strong (bold) span only: a heading in many Word conversions. */
  strongOnly?: boolean;
  /** Set when the block is the first paragraph of a list item. */
  listItem?: ListItemInfo;
  /** Nesting depth inside lists (0 = not in a list). */
  listDepth: number;
  /** Set for table cells. */
  cell?: { table: number; row: number; column: number; tableStart: number; tableEnd: number };
  /** Raw value for html, yaml and code blocks. */
  value?: string;
}

export interface ListItemInfo {
  ordered: boolean;
  /** The marker as written: "3.", "2)", "-", "*". */
  marker: string;
  markerStart: number;
  itemStart: number;
  itemEnd: number;
  checked: boolean | null;
}

export interface MarkdownParse {
  tree: Root;
  blocks: Block[];
  /**
   * The normalised text with Markdown syntax that is not contract text (code spans, inline HTML, link
   * destinations, emphasis markers, heading and list markers) replaced by spaces. Same length as the
   * text, so offsets stay valid.
   */
  scan: string;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses normalised contract text into leaf blocks; remark does the CommonMark + GFM work. */
export function parseMarkdown(text: string): MarkdownParse {
  const tree = processor.parse(text) as Root;
  const blocks: Block[] = [];
  const scan = text.split('');
  const mask = (from: number | undefined, to: number | undefined) => {
    if (from === undefined || to === undefined) return;
    for (let i = Math.max(0, from); i < Math.min(to, scan.length); i++) {
      const c = scan[i]!;
      if (c !== '\n' && c !== '\r') scan[i] = ' ';
    }
  };
  let tableCount = 0;

  const visitBlock = (node: RootContent, listDepth: number, item?: ListItemInfo): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'heading': {
        // "## " marker and closing hashes are not contract text
        const first = node.children[0]?.position?.start.offset ?? end;
        mask(start, first);
        const last = node.children[node.children.length - 1]?.position?.end.offset ?? end;
        mask(last, end);
        maskInline(node.children, mask);
        blocks.push({ kind: 'heading', start, end, depth: node.depth, listDepth });
        return;
      }
      case 'paragraph': {
        maskInline(node.children, mask);
        const strongOnly = node.children.length === 1 && node.children[0]!.type === 'strong';
        const block: Block = { kind: 'paragraph', start, end, listDepth, strongOnly };
        if (item) block.listItem = item;
        blocks.push(block);
        return;
      }
      case 'html':
        blocks.push({ kind: 'html', start, end, listDepth, value: node.value });
        mask(start, end);
        return;
      case 'code':
        blocks.push({ kind: 'code', start, end, listDepth, value: node.value });
        mask(start, end);
        return;
      case 'yaml':
        blocks.push({ kind: 'yaml', start, end, listDepth, value: node.value });
        mask(start, end);
        return;
      case 'thematicBreak':
        blocks.push({ kind: 'thematicBreak', start, end, listDepth });
        mask(start, end);
        return;
      case 'blockquote':
        for (const child of node.children) visitBlock(child, listDepth);
        return;
      case 'list': {
        for (const li of node.children) {
          const liStart = li.position?.start.offset;
          const liEnd = li.position?.end.offset;
          if (liStart === undefined || liEnd === undefined) continue;
          const markerMatch = /^[ \t]*([-*+]|\d{1,9}[.)])/.exec(text.slice(liStart, liEnd));
          const marker = markerMatch ? markerMatch[1]! : '';
          const markerStart = liStart + (markerMatch ? markerMatch[0].length - marker.length : 0);
          const info: ListItemInfo = {
            ordered: node.ordered === true,
            marker,
            markerStart,
            itemStart: liStart,
            itemEnd: liEnd,
            checked: li.checked ?? null,
          };
          // the marker itself is syntax; ordered markers are kept readable for numbering recovery
          if (!info.ordered) mask(markerStart, markerStart + marker.length);
          if (li.checked !== null && li.checked !== undefined) {
            const box = /^\s*\[[ xX]\]/.exec(text.slice(markerStart + marker.length, liEnd));
            if (box) mask(markerStart + marker.length, markerStart + marker.length + box[0].length);
          }
          li.children.forEach((child, index) => visitBlock(child, listDepth + 1, index === 0 ? info : undefined));
        }
        return;
      }
      case 'table': {
        const table = tableCount++;
        node.children.forEach((row, r) => {
          row.children.forEach((cell, c) => {
            const cs = cell.position?.start.offset;
            const ce = cell.position?.end.offset;
            if (cs === undefined || ce === undefined) return;
            maskInline(cell.children, mask);
            blocks.push({
              kind: 'tableCell',
              start: cs,
              end: ce,
              listDepth,
              cell: { table, row: r, column: c, tableStart: start, tableEnd: end },
            });
          });
        });
        // pipes and the delimiter row
        for (let i = start; i < end; i++) if (scan[i] === '|') scan[i] = ' ';
        const delimiter = /\n[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*(?=\r?\n|$)/.exec(text.slice(start, end));
        if (delimiter) mask(start + delimiter.index, start + delimiter.index + delimiter[0].length);
        return;
      }
      default:
        // definitions, footnote definitions and other containers
        if ('children' in node && Array.isArray(node.children)) {
          for (const child of node.children as RootContent[]) visitBlock(child, listDepth);
        }
    }
  };
  for (const child of tree.children) visitBlock(child, 0);
  blocks.sort((a, b) => a.start - b.start);
  // a backslash escape ("1\\.", "\\(1\\)", "\\[Name\\]": pandoc writes them for Word numbering and
  // brackets) is Markdown syntax, not contract text: mask the backslash, keep the character
  const masked = scan.join('').replace(/\\(?=[!-/:-@[-`{-~])/g, ' ');
  return { tree, blocks, scan: masked };
}

function maskInline(children: PhrasingContent[], mask: (from: number | undefined, to: number | undefined) => void): void {
  for (const node of children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        mask(start, end);
        break;
      case 'link':
      case 'linkReference': {
        const kids = node.children as PhrasingContent[];
        if (kids.length === 0 || /^(https?|mailto):/i.test(('url' in node ? node.url : '') ?? '') && isAutolink(node as Nodes)) {
          mask(start, end);
          break;
        }
        mask(start, kids[0]!.position?.start.offset);
        mask(kids[kids.length - 1]!.position?.end.offset, end);
        maskInline(kids, mask);
        break;
      }
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const kids = node.children as PhrasingContent[];
        if (kids.length === 0) {
          mask(start, end);
          break;
        }
        mask(start, kids[0]!.position?.start.offset);
        mask(kids[kids.length - 1]!.position?.end.offset, end);
        maskInline(kids, mask);
        break;
      }
      default:
        break;
    }
  }
}

function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const only = node.children[0]!;
  return only.type === 'text' && only.value === node.url;
}
