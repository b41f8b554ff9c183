import type { ParsedContract } from '../model/build.js';
import type { Section } from '../model/types.js';
import { layoutContract, type Inline, type LayoutBlock, type PartyEntry, type SignatureColumn } from './layout.js';

/**
 * Renders a contract as PDF with pdfmake's server-side printer (pure JavaScript, no browser): title block
 * with the parties, table of contents, headings and Absätze with the contract's own labels and markers,
 * tables with a repeated header row, annexes on new pages, "Seite X von Y" in the footer, the signature
 * block. The font is Roboto, embedded (subset) from pdfmake's bundled font data, so ä ö ü ß § render and
 * extract correctly (pdfkit writes a ToUnicode map for the subset).
 * Pure: fonts come from the pdfmake package, never from the file system; `compress: false` leaves the
 * content streams readable (tests).
 */
export async function renderPdf(parsed: ParsedContract, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const layout = layoutContract(parsed);
  const anchors = new Map<Section, string>();
  parsed.model.allSections.forEach((s, i) => anchors.set(s, `s${i + 1}`));
  const content: Node[] = [
    { text: layout.title, style: 'title' },
    ...(layout.parties.length ? [partiesBlock(layout.parties)] : []),
  ];
  // the preamble stays on the title page, followed by the table of contents; the body starts on a new page
  let first = true;
  for (const block of layout.blocks) {
    if (first && block.kind === 'heading') content.push({ toc: { title: { text: 'Inhalt', style: 'tocTitle' } }, margin: [0, 12, 0, 0] });
    content.push(...renderBlock(block, anchors, first));
    if (block.kind === 'heading') first = false;
  }

  const definition: Node = {
    info: { title: layout.title, creator: 'AVV Studio', producer: 'AVV Studio (pdfmake)' },
    language: 'de-DE',
    compress: options.compress ?? true,
    pageSize: 'A4',
    pageMargins: [62, 60, 62, 56],
    header: () => ({ text: layout.title, alignment: 'right', fontSize: 8, color: '#666666', margin: [62, 28, 62, 0] }),
    footer: (currentPage: number, pageCount: number) => ({ text: `Seite ${currentPage} von ${pageCount}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
      tocTitle: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
      h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
      role: { fontSize: 8, bold: true, color: '#555555' },
      tableHeader: { bold: true, fillColor: '#eeeeee' },
    },
  };
  const printer = new (pdfmakePrinter())(FONTS, fontFiles(), NO_URLS, () => false);
  const doc = await printer.createPdfKitDocument(definition);
  return new Uint8Array(await collect(doc));
}

type Node = Record<string, unknown>;

function renderBlock(block: LayoutBlock, anchors: Map<Section, string>, firstHeading: boolean): Node[] {
  switch (block.kind) {
    case 'heading': {
      const s = block.section;
      const style = s.kind === 'annex' || block.depth === 1 ? 'h1' : block.depth === 2 ? 'h2' : 'h3';
      const node: Node = { text: [s.label, s.title].filter(Boolean).join(s.kind === 'annex' ? ' – ' : ' '), style, id: anchors.get(s) };
      if (s.kind === 'annex' || (firstHeading && block.depth === 1)) node['pageBreak'] = 'before';
      if (block.depth === 1 || s.kind === 'annex') node['tocItem'] = true;
      return [node];
    }
    case 'numbered':
      return [hanging(block.section.label, block.inlines, (block.depth - 2) * 26, anchors, anchors.get(block.section))];
    case 'clause':
      return [hanging(block.clause.marker, block.inlines, 0, anchors)];
    case 'item':
      return [hanging(block.item.kind === 'bullet' ? '–' : block.item.marker, block.inlines, block.indent * 26, anchors)];
    case 'paragraph':
      return [{ text: runs(block.inlines, anchors), margin: [block.indent * 26, 0, 0, 6] }];
    case 'table':
      return [dataTable(block.header, block.rows, anchors)];
    case 'signature':
      return [signature(block.columns, anchors)];
  }
}

/** Marker in its own column, so wrapped lines align with the text (as a hanging indent does). */
function hanging(marker: string, inlines: Inline[], left: number, anchors: Map<Section, string>, id?: string): Node {
  return {
    columns: [
      { width: 26, text: marker },
      { width: '*', text: runs(inlines, anchors) },
    ],
    columnGap: 0,
    margin: [Math.max(0, left), 0, 0, 6],
    ...(id ? { id } : {}),
  };
}

function runs(inlines: Inline[], anchors: Map<Section, string>): Node[] {
  return inlines.map((r) => {
    const run: Node = { text: r.text };
    if (r.bold) run['bold'] = true;
    if (r.italic) run['italics'] = true;
    if (r.strike) run['decoration'] = 'lineThrough';
    if (r.code) run['color'] = '#333333';
    if (r.placeholder) run['background'] = '#fff3b0';
    if (r.ref && anchors.has(r.ref)) run['linkToDestination'] = anchors.get(r.ref);
    return run;
  });
}

function dataTable(header: Inline[][], rows: Inline[][][], anchors: Map<Section, string>): Node {
  return {
    table: {
      headerRows: 1,
      widths: header.map(() => '*'),
      body: [header.map((h) => ({ text: runs(h, anchors), style: 'tableHeader' })), ...rows.map((r) => header.map((_, i) => ({ text: runs(r[i] ?? [], anchors) })))],
    },
    fontSize: 9,
    margin: [0, 4, 0, 10],
  };
}

function partiesBlock(parties: PartyEntry[]): Node {
  return {
    columns: parties.map((p) => ({
      width: '*',
      stack: [
        { text: p.role.toUpperCase(), style: 'role' },
        { text: p.name, bold: true },
        ...(p.address ? [{ text: p.address }] : []),
        ...(p.representedBy ? [{ text: `vertreten durch ${p.representedBy}` }] : []),
        ...(p.terms.length ? [{ text: `– nachfolgend ${p.terms.map((t) => `„${t}“`).join(' oder ')} –`, margin: [0, 4, 0, 0] }] : []),
      ],
    })),
    columnGap: 24,
    margin: [0, 0, 0, 8],
  };
}

function signature(columns: SignatureColumn[], anchors: Map<Section, string>): Node {
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: columns.map((c) => ({
      width: '*',
      stack: [
        { text: c.role, bold: true },
        { text: runs(c.date, anchors), margin: [0, 4, 0, 30] },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.7 }] },
        ...c.names.map((n) => ({ text: runs(n, anchors), fontSize: 9 })),
      ],
    })),
    columnGap: 24,
  };
}

// ——— pdfmake plumbing: its printer, the embedded Roboto font, no URL or file access ———

const FONTS = {
  Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
};

const NO_URLS = { resolve: () => undefined, resolved: () => Promise.resolve() };

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (arg?: unknown) => void): void;
  end(): void;
}
type PrinterCtor = new (fonts: unknown, vfs: unknown, urlResolver: unknown, localAccessPolicy: (path: string) => boolean) => {
  createPdfKitDocument(definition: Node): Promise<PdfKitDocument>;
};

function pdfmakePrinter(): PrinterCtor {
  // the Node printer class itself: pdfmake's default export would warn about URL policies and keeps global fonts
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('pdfmake/js/Printer') as { default: PrinterCtor }).default;
}

let fontCache: Map<string, Buffer> | undefined;
/** A read-only virtual file system holding pdfmake's bundled Roboto (base64 in build/vfs_fonts.js, ~850 KB). */
function fontFiles(): { existsSync(name: string): boolean; readFileSync(name: string): Buffer } {
  if (!fontCache) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    fontCache = new Map(Object.values(FONTS.Roboto).map((name) => [name, Buffer.from(vfs[name]!, 'base64')]));
  }
  const files = fontCache;
  return { existsSync: (name) => files.has(name), readFileSync: (name) => files.get(name)! };
}

function collect(doc: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
