import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  NumberedItemReference,
  NumberedItemReferenceFormat,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { ParsedContract } from '../model/build.js';
import type { Item, Section } from '../model/types.js';
import { layoutContract, type Inline, type LayoutBlock, type PartyEntry, type SignatureColumn } from './layout.js';
import { markerTemplate, planHeadingNumbering, sequential, type HeadingPlan, type LevelSpec } from './numbering.js';

/**
 * Renders a contract as a Word document (DOCX). Headings use Word's heading styles; § / Ziffer / 1.1 / I.,
 * Absätze "(1)" and items "a)" are real Word numbering (so Word renumbers when a clause is inserted) wherever
 * the contract's own numbers run without gaps — otherwise the numbers are written as text, since the export must
 * show what the contract says. References to sections are REF fields on bookmarks of the target headings.
 * Pure: no file access; the result is the .docx file's bytes.
 */
export async function renderDocx(parsed: ParsedContract): Promise<Uint8Array> {
  const layout = layoutContract(parsed);
  const { model } = parsed;
  const numbering = new NumberingRegistry();
  const plans = planHeadingNumbering(model.sections, model.annexes);
  const bookmarks = new Map<Section, string>();
  model.allSections.forEach((s, i) => bookmarks.set(s, `_RefAvv${i + 1}`));

  const ctx: Ctx = { numbering, plans, bookmarks };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(layout.title)] }),
  ];
  if (layout.parties.length) body.push(partiesTable(layout.parties), new Paragraph({}));
  for (const block of layout.blocks) body.push(...renderBlock(block, ctx));

  const doc = new Document({
    title: layout.title,
    creator: 'AVV Studio',
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'de-DE' } }, paragraph: { spacing: { after: 120 } } },
      },
    },
    numbering: { config: numbering.config() },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1134, left: 1418, right: 1418 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: layout.title, size: 16, color: '666666' })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, children: ['Seite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

interface Ctx {
  numbering: NumberingRegistry;
  plans: Map<Section, HeadingPlan>;
  bookmarks: Map<Section, string>;
}

const INDENT = 567; // 1 cm in twips

function renderBlock(block: LayoutBlock, ctx: Ctx): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
    case 'numbered': {
      const s = block.section;
      const plan = ctx.plans.get(s);
      const id = ctx.bookmarks.get(s)!;
      const isHeading = block.kind === 'heading';
      const heading = s.kind === 'annex' || block.depth === 1 ? HeadingLevel.HEADING_1 : block.depth === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      const rest = isHeading ? [new TextRun(block.title)] : runs(block.inlines, ctx);
      const children: ParagraphChild[] = plan
        ? [new Bookmark({ id, children: rest })]
        : s.label
          ? [new Bookmark({ id, children: [new TextRun(s.label)] }), new TextRun(!isHeading ? '\t' : s.kind === 'annex' && block.title ? ' – ' : ' '), ...rest]
          : rest;
      return [
        new Paragraph({
          ...(isHeading ? { heading } : { indent: { left: INDENT * (block.depth - 1), hanging: INDENT } }),
          ...(s.kind === 'annex' ? { pageBreakBefore: true } : {}),
          ...(plan ? { numbering: { reference: ctx.numbering.reference(plan.levels), level: plan.level, instance: ctx.numbering.instance(plan.group) } } : {}),
          children,
        }),
      ];
    }
    case 'clause': {
      const c = block.clause;
      const spec = markerTemplate(c.marker, c.number);
      const numbered = spec && sequential(c.section.clauses.map((x) => x.number), spec.format);
      return [numberedParagraph(block.inlines, c.marker, numbered ? spec : undefined, c.section, 0, ctx)];
    }
    case 'item': {
      const it = block.item;
      const spec = it.kind === 'bullet' ? BULLET : markerTemplate(it.marker, it.number);
      const numbered = spec && (it.kind === 'bullet' || sequential(block.siblings.map((x) => x.number), spec.format));
      return [numberedParagraph(block.inlines, it.marker, numbered ? spec : undefined, groupOf(it), block.indent, ctx)];
    }
    case 'paragraph':
      return [new Paragraph({ ...(block.indent ? { indent: { left: INDENT * block.indent } } : {}), children: runs(block.inlines, ctx) })];
    case 'table':
      return [dataTable(block.header, block.rows, ctx), new Paragraph({})];
    case 'signature':
      return [new Paragraph({}), signatureTable(block.columns, ctx)];
  }
}

const BULLET: LevelSpec = { format: LevelFormat.BULLET, text: '–' };

function groupOf(it: Item): object {
  return it.parentItem ?? it.clause ?? it.section;
}

/** An Absatz or item: Word numbering where the contract's numbers allow it, the marker as text otherwise. */
function numberedParagraph(inlines: Inline[], marker: string, spec: LevelSpec | undefined, group: object, indent: number, ctx: Ctx): Paragraph {
  const geometry = { indent: { left: INDENT * (indent + 1), hanging: INDENT } };
  if (spec) {
    return new Paragraph({
      ...geometry,
      numbering: { reference: ctx.numbering.reference([spec]), level: 0, instance: ctx.numbering.instance(group) },
      children: runs(inlines, ctx),
    });
  }
  return new Paragraph({ ...geometry, children: [new TextRun(marker), new TextRun('\t'), ...runs(inlines, ctx)] });
}

function runs(inlines: Inline[], ctx: Ctx): ParagraphChild[] {
  return inlines.map((r) => {
    if (r.ref && ctx.bookmarks.has(r.ref)) {
      const id = ctx.bookmarks.get(r.ref)!;
      // a numbered heading's bookmark holds only its title: the number comes from the paragraph number (\w)
      return ctx.plans.has(r.ref)
        ? new NumberedItemReference(id, r.text, { hyperlink: true, referenceFormat: NumberedItemReferenceFormat.FULL_CONTEXT })
        : new SimpleField(`REF ${id} \\h`, r.text);
    }
    return new TextRun({
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italics: true } : {}),
      ...(r.strike ? { strike: true } : {}),
      ...(r.code ? { font: 'Consolas' } : {}),
      ...(r.placeholder ? { highlight: 'yellow' as const } : {}),
    });
  });
}

const FULL_WIDTH = { size: 100, type: WidthType.PERCENTAGE } as const;

function dataTable(header: Inline[][], rows: Inline[][][], ctx: Ctx): Table {
  const cell = (inl: Inline[], bold: boolean) =>
    new TableCell({ children: [new Paragraph({ spacing: { after: 0 }, children: runs(bold ? inl.map((r) => ({ ...r, bold: true })) : inl, ctx) })] });
  return new Table({
    width: FULL_WIDTH,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: header.map((_, i) => cell(r[i] ?? [], false)) })),
    ],
  });
}

function partiesTable(parties: PartyEntry[]): Table {
  const lines = (p: PartyEntry) => [
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: p.role, bold: true, allCaps: true, size: 18, color: '555555' })] }),
    new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: p.name, bold: true })] }),
    ...(p.address ? [new Paragraph({ spacing: { after: 0 }, children: [new TextRun(p.address)] })] : []),
    ...(p.representedBy ? [new Paragraph({ spacing: { after: 0 }, children: [new TextRun(`vertreten durch ${p.representedBy}`)] })] : []),
    ...(p.terms.length ? [new Paragraph({ spacing: { before: 60 }, children: [new TextRun(`– nachfolgend ${p.terms.map((t) => `„${t}“`).join(' oder ')} –`)] })] : []),
  ];
  return new Table({ width: FULL_WIDTH, borders: TableBorders.NONE, rows: [new TableRow({ children: parties.map((p) => new TableCell({ children: lines(p) })) })] });
}

function signatureTable(columns: SignatureColumn[], ctx: Ctx): Table {
  const line = { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } };
  const cell = (c: SignatureColumn) =>
    new TableCell({
      children: [
        new Paragraph({ children: [new TextRun({ text: c.role, bold: true })] }),
        new Paragraph({ spacing: { after: 720 }, children: runs(c.date, ctx) }),
        ...(c.names.length ? c.names : [[]]).map((n, i) => new Paragraph({ ...(i === 0 ? { border: line } : {}), spacing: { after: 0 }, children: runs(n, ctx) })),
      ],
    });
  return new Table({ width: FULL_WIDTH, borders: TableBorders.NONE, rows: [new TableRow({ cantSplit: true, children: columns.map(cell) })] });
}

/** Abstract numberings, one per distinct list of levels; one concrete instance per group (restart). */
class NumberingRegistry {
  private readonly defs = new Map<string, { reference: string; levels: LevelSpec[] }>();
  private readonly instances = new Map<object, number>();

  reference(levels: LevelSpec[]): string {
    const key = JSON.stringify(levels);
    let def = this.defs.get(key);
    if (!def) {
      def = { reference: `avv-${this.defs.size + 1}`, levels };
      this.defs.set(key, def);
    }
    return def.reference;
  }

  instance(group: object): number {
    let n = this.instances.get(group);
    if (n === undefined) this.instances.set(group, (n = this.instances.size + 1));
    return n;
  }

  config(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.defs.values()].map((d) => ({
      reference: d.reference,
      levels: d.levels.map((l, level) => ({
        level,
        format: l.format,
        text: l.text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: l.flush ? { left: 0, hanging: 0 } : { left: INDENT * (level + 1), hanging: INDENT } } },
      })),
    }));
  }
}
