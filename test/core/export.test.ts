import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { renderDocx } from '../../server/src/core/render/docx.js';
import { renderPdf } from '../../server/src/core/render/pdf.js';
import type { ParsedContract } from '../../server/src/core/index.js';
import { parse, parseFixture, repoRoot } from '../support/helpers.js';

/** Exports re-opened: the DOCX unzipped and its XML inspected, the PDF's text extracted from its content streams. */

const example = (): ParsedContract => parse(fs.readFileSync(path.join(repoRoot, 'examples', 'beispiel.avv.md'), 'utf8'));

interface Case {
  name: string;
  load: () => ParsedContract;
  /** Level texts that must be defined in word/numbering.xml, with their number format. */
  levels: [string, string][];
  heading1: number;
  heading2: number;
  titles: string[];
  subprocessorHeader: string[];
  annexes: number;
}

const cases: Case[] = [
  {
    name: 'paragraphen.avv.md',
    load: () => parseFixture('paragraphen.avv.md'),
    levels: [['§ %1', 'decimal'], ['(%1)', 'decimal'], ['%1)', 'lowerLetter'], ['%1.', 'upperRoman']],
    heading1: 14,
    heading2: 6,
    titles: ['Gegenstand und Dauer des Auftrags', 'Beendigung des Auftrags, Löschung und Rückgabe', 'Pseudonymisierung und Verschlüsselung'],
    subprocessorHeader: ['Unterauftragnehmer', 'Anschrift', 'Leistung', 'Verarbeitungsort'],
    annexes: 2,
  },
  {
    name: 'dezimal.avv.md',
    load: () => parseFixture('dezimal.avv.md'),
    levels: [['%1.', 'decimal'], ['%1.%2', 'decimal'], ['%1)', 'lowerLetter'], ['%1.', 'upperLetter']],
    heading1: 13,
    heading2: 5,
    titles: ['Gegenstand und Dauer', 'Löschung und Rückgabe', 'Verschlüsselung und Pseudonymisierung'],
    subprocessorHeader: ['Name und Rechtsform', 'Anschrift', 'Leistung', 'Ort der Verarbeitung'],
    annexes: 2,
  },
  {
    name: 'examples/beispiel.avv.md',
    load: example,
    levels: [['§ %1', 'decimal'], ['(%1)', 'decimal'], ['%1)', 'lowerLetter'], ['%1.', 'upperRoman']],
    heading1: 15,
    heading2: 6,
    titles: ['Gegenstand und Dauer', 'Kündigung aus wichtigem Grund', 'Wiederherstellbarkeit'],
    subprocessorHeader: ['Unterauftragnehmer', 'Anschrift', 'Leistung', 'Verarbeitungsort'],
    annexes: 2,
  },
];

async function openDocx(parsed: ParsedContract): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await renderDocx(parsed));
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) files[name] = await zip.file(name)!.async('string');
  return files;
}

const count = (s: string, needle: string | RegExp): number => (typeof needle === 'string' ? s.split(needle).length - 1 : (s.match(new RegExp(needle, 'g')) ?? []).length);

/** The level definitions of numbering.xml as [lvlText, numFmt] pairs. */
function levelDefinitions(numbering: string): [string, string][] {
  return [...numbering.matchAll(/<w:lvl [^>]*>.*?<\/w:lvl>/gs)].map((m) => [
    /<w:lvlText w:val="([^"]*)"/.exec(m[0])?.[1] ?? '',
    /<w:numFmt w:val="([^"]*)"/.exec(m[0])?.[1] ?? '',
  ]);
}

/** Visible text of each paragraph of document.xml. */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('export: DOCX', () => {
  for (const c of cases) {
    describe(c.name, () => {
      let files: Record<string, string>;
      before(async () => {
        files = await openDocx(c.load());
      });

      it('defines Word numbering for the legal levels', () => {
        const defined = levelDefinitions(files['word/numbering.xml']!);
        for (const level of c.levels) assert.ok(defined.some((d) => d[0] === level[0] && d[1] === level[1]), `missing level ${level.join(' ')} in ${JSON.stringify(defined)}`);
      });

      it('writes sections as Word headings with their titles', () => {
        const doc = files['word/document.xml']!;
        assert.equal(count(doc, '<w:pStyle w:val="Heading1"/>'), c.heading1);
        assert.equal(count(doc, '<w:pStyle w:val="Heading2"/>'), c.heading2);
        const texts = paragraphs(doc);
        for (const t of c.titles) assert.ok(texts.includes(t), `heading ${t}`);
      });

      it('keeps the sub-processor list as a table with a header row', () => {
        const doc = files['word/document.xml']!;
        const table = [...doc.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('<w:tblHeader/>'));
        assert.ok(table, 'no table with a header row');
        const firstRow = /<w:tr>.*?<\/w:tr>/s.exec(table)![0];
        assert.deepEqual(paragraphs(firstRow), c.subprocessorHeader);
        assert.equal(count(table, '<w:tr>'), 1 + (c.name === 'dezimal.avv.md' ? 2 : 3));
      });

      it('starts every annex on a new page', () => {
        assert.equal(count(files['word/document.xml']!, '<w:pageBreakBefore/>'), c.annexes);
      });

      it('has the title in the header and "Seite X von Y" in the footer', () => {
        const footer = Object.entries(files).find(([n]) => /word\/footer\d*\.xml/.test(n))![1];
        assert.match(footer, /Seite <\/w:t>.*PAGE.*von <\/w:t>.*NUMPAGES/s);
        const header = Object.entries(files).find(([n]) => /word\/header\d*\.xml/.test(n))![1];
        assert.ok(header.includes(c.load().model.title!), 'title in the header');
      });

      it('tags the text as German', () => {
        assert.ok(files['word/styles.xml']!.includes('<w:lang w:val="de-DE"/>'));
      });

      it('puts the signature block into a two-column table', () => {
        const doc = files['word/document.xml']!;
        const table = [...doc.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('<w:cantSplit/>'));
        assert.ok(table, 'no signature table');
        assert.equal(count(table, '<w:tc>'), 2);
      });
    });
  }

  it('numbers Absätze and items per section (restarting), the §-headings in one sequence', async () => {
    const files = await openDocx(parseFixture('paragraphen.avv.md'));
    const doc = files['word/document.xml']!;
    const numIds = (style: RegExp) => [...doc.matchAll(/<w:p>(.*?)<\/w:p>/gs)].filter((m) => style.test(m[1]!)).map((m) => /<w:numId w:val="(\d+)"\/>/.exec(m[1]!)?.[1]);
    const headingIds = new Set(numIds(/Heading1/).filter(Boolean));
    assert.equal(headingIds.size, 1, 'all § headings share one numbering instance');
    const clauseIds = numIds(/ListParagraph/);
    // § 1 has 3 Absätze, § 2 has 5 (with items in between): the first Absatz of § 2 starts a new instance
    assert.equal(clauseIds[0], clauseIds[2]);
    assert.notEqual(clauseIds[0], clauseIds[3]);
    const numbering = files['word/numbering.xml']!;
    assert.match(numbering, new RegExp(`<w:num w:numId="${clauseIds[3]}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
  });

  it('writes § references as REF fields on bookmarks of the target heading', async () => {
    const doc = (await openDocx(parseFixture('paragraphen.avv.md')))['word/document.xml']!;
    // "§ 10 Abs. 5" in § 1 (2) points to the tenth section
    const heading = /<w:bookmarkStart w:name="(_RefAvv\d+)" w:id="\d+"\/><w:r><w:t xml:space="preserve">Beendigung des Auftrags, Löschung und Rückgabe</.exec(doc);
    assert.ok(heading, 'bookmark on § 10');
    assert.ok(doc.includes(`<w:fldSimple w:instr="REF ${heading[1]} \\h \\w"><w:r><w:t xml:space="preserve">§ 10</w:t></w:r></w:fldSimple>`));
  });

  it('writes numbers as text where Word numbering would change them, and highlights placeholders', async () => {
    const text = '# Vertrag\n\n## § 1 Gegenstand\n\n(1) Der Auftragnehmer ist [Name des Auftragnehmers].\n\n(3) Nach § 3 gilt.\n\n## § 3 Dauer\n\nText.\n';
    const files = await openDocx(parse(text));
    const doc = files['word/document.xml']!;
    assert.ok(!levelDefinitions(files['word/numbering.xml']!).some((l) => l[0] === '§ %1' || l[0] === '(%1)'));
    const texts = paragraphs(doc);
    assert.ok(texts.includes('§ 3 Dauer'), JSON.stringify(texts));
    assert.ok(texts.includes('(3)\tNach § 3 gilt.'), JSON.stringify(texts));
    assert.match(doc, /<w:highlight w:val="yellow"\/>(?:<[^>]+>)*\[Name des Auftragnehmers\]/);
    // a literal heading number: the bookmark holds the label, the reference is a plain REF field
    assert.match(doc, /<w:fldSimple w:instr="REF _RefAvv2 \\h">/);
  });
});

// ——— PDF text extraction ———
// pdfkit embeds a subset of Roboto as a Type0 font with Identity-H encoding: the text operators (TJ) hold
// 2-byte glyph codes, and each font's ToUnicode CMap (a bfrange with arrays) maps the codes back to Unicode.
// With `compress: false` the content streams and the CMaps are plain text; we decode every TJ through the
// CMap of the font selected by the preceding Tf and start a new line whenever the text matrix moves to a
// different y. If the umlauts were not embedded correctly, the CMap would not map them and the test fails.

function extractPdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const objects = new Map<string, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj(.*?)endobj/gs)) objects.set(m[1]!, m[2]!);
  const streamOf = (body: string) => /stream\r?\n(.*?)\r?\nendstream/s.exec(body)?.[1] ?? '';
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (cmaps.has(m[1]!)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]!) ?? '')?.[1];
    cmaps.set(m[1]!, parseCmap(Buffer.from(streamOf(objects.get(toUnicode ?? '') ?? ''), 'latin1').toString('latin1')));
  }
  let out = '';
  for (const body of objects.values()) {
    const content = streamOf(body);
    if (!/^BT$/m.test(content) || !/ Tf$/m.test(content)) continue; // page contents, not font programs
    let font = new Map<number, string>();
    let y: string | undefined;
    for (const m of content.matchAll(/1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (m[1] !== undefined) {
        if (y !== undefined && m[1] !== y) out += '\n';
        y = m[1];
      } else if (m[2]) font = cmaps.get(m[2]) ?? new Map();
      else for (const hex of m[3]!.matchAll(/<([0-9a-f]+)>/gi)) for (let i = 0; i < hex[1]!.length; i += 4) out += font.get(parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '\uFFFD';
    }
    out += '\n';
  }
  return out;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((d, i) => map.set(start + i, unicode(d[1]!.replace(/ /g, ''))));
  }
  for (const m of cmap.matchAll(/^<([0-9a-f]+)>\s*<([0-9a-f]+)>$/gim)) map.set(parseInt(m[1]!, 16), unicode(m[2]!));
  return map;
}

describe('export: PDF', () => {
  const expectations: { name: string; load: () => ParsedContract; lines: string[] }[] = [
    {
      name: 'paragraphen.avv.md',
      load: () => parseFixture('paragraphen.avv.md'),
      lines: ['§ 1 Gegenstand und Dauer des Auftrags', '§ 5 Technische und organisatorische Maßnahmen', '§ 10 Beendigung des Auftrags, Löschung und Rückgabe', 'Anlage 2 – Unterauftragnehmer', 'UnterauftragnehmerAnschriftLeistungVerarbeitungsort'],
    },
    {
      name: 'dezimal.avv.md',
      load: () => parseFixture('dezimal.avv.md'),
      lines: ['1. Gegenstand und Dauer', '10. Löschung und Rückgabe', 'Anhang 1 – Technische und organisatorische Maßnahmen'],
    },
    {
      name: 'examples/beispiel.avv.md',
      load: example,
      lines: ['§ 1 Gegenstand und Dauer', '§ 11 Löschung und Rückgabe', 'Anlage 1 – Technische und organisatorische Maßnahmen'],
    },
  ];
  for (const e of expectations) {
    it(`${e.name}: headings, umlauts, page numbers`, async () => {
      const text = extractPdfText(await renderPdf(e.load(), { compress: false }));
      const lines = text.split('\n').map((l) => l.trim());
      for (const l of e.lines) assert.ok(lines.includes(l), `line "${l}" not found`);
      for (const word of ['Maßnahmen', 'Löschung', 'Übermittlung', 'Seite 1 von']) assert.ok(text.includes(word), word);
      assert.ok(!text.includes('\uFFFD'), 'every glyph maps back to Unicode');
      assert.ok(lines.includes('Inhalt'), 'table of contents');
    });
  }

  it('paragraphen.avv.md: Absätze keep their markers and the footer counts the pages', async () => {
    const text = extractPdfText(await renderPdf(parseFixture('paragraphen.avv.md'), { compress: false }));
    const lines = text.split('\n').map((l) => l.trim());
    // marker and first line share a baseline, so they come out as one line
    assert.ok(lines.includes('(3)Gegenstand der Verarbeitung sind folgende Arten personenbezogener Daten:'), 'Absatz marker');
    assert.ok(lines.includes('a)Stammdaten (Name, Anschrift, Geburtsdatum, Kundennummer);'), 'item marker');
    const pages = lines.filter((l) => /^Seite \d+ von \d+$/.test(l));
    const total = Number(/von (\d+)/.exec(pages[0]!)![1]);
    assert.deepEqual(pages, Array.from({ length: total }, (_, i) => `Seite ${i + 1} von ${total}`));
  });

  it('compresses by default and embeds the Roboto subset', async () => {
    const pdf = Buffer.from(await renderPdf(parseFixture('paragraphen.avv.md')));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/FlateDecode/);
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    assert.match(raw, /\/FontFile2 \d+ 0 R/);
  });
});
