import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { importDocx, importText, type ImportResult } from '../../server/src/core/import/index.js';
import type { ContractModel, Section } from '../../server/src/core/model/types.js';
import { parse, parseFixture, repoRoot } from '../support/helpers.js';

/**
 * The import of Word contracts. DOCX fixtures are built by test/fixtures/docx/build.mjs (docx package,
 * Word's automatic numbering: the numbers are not in the text) into a temporary directory; text
 * fixtures are Word text exports. Each import is parsed again and compared with a hand-written outline.
 */

interface Outline { label: string; title: string; clauses?: string[]; children?: Outline[] }
interface Expectation {
  title: string;
  sections: Outline[];
  annexes: Outline[];
  parties: { role: string; name: string; address?: string; representedBy?: string; source: string }[];
  subprocessors: string[];
  tomEntries: number;
  signature: boolean;
  /** Letters ("a", "b" …) of the clause or sub-clause named by its label path ("§ 2 (1)", "2.1"). */
  items?: Record<string, string[]>;
  report: string[];
}

const s = (label: string, title: string, clauses: string[] = [], children: Outline[] = []): Outline => ({ label, title, clauses, children });
const a = (label: string, title: string, children: Outline[] = []): Outline => ({ label, title, children });

const DOCX: Record<string, Expectation> = {
  paragraphen: {
    title: 'Vertrag über die Verarbeitung personenbezogener Daten im Auftrag',
    sections: [
      s('§ 1', 'Gegenstand des Auftrags', ['1', '2']),
      s('§ 2', 'Art der Daten und betroffene Personen', ['1', '2']),
      s('§ 3', 'Weisungen und Pflichten', ['1', '2', '3']),
      s('§ 4', 'Schlussbestimmungen', ['1', '2']),
    ],
    annexes: [a('Anlage 1', 'Technische und organisatorische Maßnahmen'), a('Anlage 2', 'Unterauftragnehmer')],
    parties: [
      { role: 'controller', name: 'Kanzlei Morgenstern Rechtsanwälte PartG mbB', address: 'Domplatz 3, 48143 Münster', representedBy: 'Partner Dr. Jonas Morgenstern', source: 'frontmatter' },
      { role: 'processor', name: 'Aktenwerk Digital GmbH', address: 'Hafenweg 11, 48155 Münster', representedBy: 'Geschäftsführerin Lea Vogt', source: 'frontmatter' },
    ],
    subprocessors: ['Scanhaus Westfalen GmbH', 'Archivrechenzentrum Nord AG'],
    tomEntries: 3,
    signature: true,
    items: { '§ 2 (1)': ['a', 'b', 'c'] },
    report: [],
  },
  dezimal: {
    title: 'Auftragsverarbeitungsvertrag',
    sections: [
      s('1.', 'Gegenstand', [], [s('1.1', ''), s('1.2', '')]),
      s('2.', 'Umfang der Verarbeitung', [], [s('2.1', ''), s('2.2', '')]),
      s('3.', 'Sicherheit der Verarbeitung', [], [s('3.1', '')]),
      s('4.', 'Unterauftragsverarbeiter', [], [s('4.1', '')]),
    ],
    annexes: [a('Anhang 1', 'Technische und organisatorische Maßnahmen'), a('Anhang 2', 'Unterauftragsverarbeiter')],
    parties: [
      { role: 'controller', name: 'Praxis Dr. med. Sophie Kranz', address: 'Marktstraße 8, 72070 Tübingen', source: 'frontmatter' },
      { role: 'processor', name: 'Termino Software GmbH', address: 'Neckarhalde 2, 72072 Tübingen', source: 'frontmatter' },
    ],
    subprocessors: ['Mailwerk GmbH'],
    tomEntries: 2,
    signature: true,
    items: { '2.1': ['a', 'b'] },
    report: [],
  },
  roemisch: {
    title: 'Vereinbarung zur Auftragsverarbeitung',
    sections: [s('§ 1', 'Gegenstand', ['1', '2']), s('§ 2', 'Unterauftragnehmer', ['1'])],
    annexes: [
      a('Anlage 1', 'Technische und organisatorische Maßnahmen', [s('I.', 'Vertraulichkeit'), s('II.', 'Integrität'), s('III.', 'Verfügbarkeit')]),
      a('Anlage 2', 'Unterauftragnehmer'),
    ],
    parties: [
      { role: 'controller', name: 'Stadtwerke Lindau GmbH', address: 'Seeweg 1, 88131 Lindau', representedBy: 'Geschäftsführer Paul Egger', source: 'frontmatter' },
      { role: 'processor', name: 'Zählerfunk Service GmbH', address: 'Allgäuer Straße 40, 87435 Kempten', source: 'frontmatter' },
    ],
    subprocessors: ['Alpen-Hosting GmbH'],
    tomEntries: 3,
    signature: true,
    report: ['The paragraph style "Hinweis" has no counterpart in the dialect; its paragraphs were imported as body text.'],
  },
};

const TEXT: Record<string, Expectation & { file: string }> = {
  'word-export': {
    file: path.join(repoRoot, 'test', 'fixtures', 'contracts', 'word-export.txt'),
    title: 'Vertrag über eine Auftragsverarbeitung nach Art. 28 DSGVO',
    sections: [
      s('§ 1', 'Gegenstand und Dauer des Auftrags', ['1', '2']),
      s('§ 2', 'Art und Zweck der Verarbeitung, Daten und betroffene Personen', ['1', '2', '3']),
      s('§ 3', 'Weisungen des Auftraggebers', ['1', '2', '3']),
      s('§ 4', 'Pflichten des Auftragnehmers', ['1', '2', '3', '4', '5']),
      s('§ 5', 'Unterauftragnehmer', ['1', '2']),
      s('§ 6', 'Verletzungen des Schutzes personenbezogener Daten', ['1']),
      s('§ 7', 'Kontrollrechte', ['1', '2']),
      s('§ 8', 'Löschung und Rückgabe', ['1']),
      s('§ 9', 'Schlussbestimmungen', ['1', '2', '3']),
    ],
    annexes: [
      a('Anlage 1', 'Technische und organisatorische Maßnahmen', [
        s('I.', 'Pseudonymisierung und Verschlüsselung'), s('II.', 'Vertraulichkeit'), s('III.', 'Integrität'),
        s('IV.', 'Verfügbarkeit und Belastbarkeit'), s('V.', 'Regelmäßige Überprüfung'),
      ]),
      a('Anlage 2', 'Unterauftragnehmer'),
    ],
    parties: [
      { role: 'controller', name: 'Hausverwaltung Brandt & Söhne GmbH', address: 'Bahnhofstraße 17, 79098 Freiburg im Breisgau', representedBy: 'Geschäftsführer Ulrich Brandt', source: 'frontmatter' },
      { role: 'processor', name: 'ImmoSoft Cloud GmbH', address: 'Rheinstraße 5, 68163 Mannheim', representedBy: 'Geschäftsführerin Aylin Demir', source: 'frontmatter' },
    ],
    subprocessors: ['Rhein-Neckar Rechenzentrum GmbH', 'Mailversand Süd GmbH'],
    tomEntries: 9,
    signature: true,
    report: [],
  },
  lohnabrechnung: {
    file: path.join(repoRoot, 'test', 'fixtures', 'import', 'lohnabrechnung.txt'),
    title: 'Auftragsverarbeitungsvertrag gemäß Art. 28 DSGVO',
    sections: [
      s('1.', 'Gegenstand des Vertrages', [], [s('1.1', ''), s('1.2', '')]),
      s('2.', 'Art der Daten', [], [s('2.1', ''), s('2.2', '')]),
      s('3.', 'Unterauftragsverhältnisse', [], [s('3.1', ''), s('3.2', '')]),
      s('4.', 'Technische und organisatorische Maßnahmen', [], [s('4.1', '')]),
    ],
    annexes: [a('Anlage 1', 'Technische und organisatorische Maßnahmen'), a('Anlage 2', 'Unterauftragnehmer')],
    parties: [
      { role: 'controller', name: 'Bäckerei Sonnenkorn GmbH', address: 'Mühlenweg 3, 34117 Kassel', representedBy: 'Geschäftsführer Tobias Korn', source: 'frontmatter' },
      { role: 'processor', name: 'Lohnbüro Fuchs & Partner mbB', address: 'Ständeplatz 9, 34117 Kassel', source: 'frontmatter' },
    ],
    subprocessors: ['DATEV eG'],
    tomEntries: 2,
    signature: true,
    items: { '2.1': ['a', 'b', 'c'] },
    report: [],
  },
};

function outline(sections: Section[], top = false): Outline[] {
  return sections.map((x) => {
    const o: Outline = { label: x.label, title: x.title, children: outline(x.children) };
    if (!top || x.kind !== 'annex') o.clauses = x.clauses.map((c) => c.number);
    return o;
  });
}

function stripClauses(o: Outline[]): Outline[] {
  return o.map((x) => ({ label: x.label, title: x.title, children: stripClauses(x.children ?? []), ...(x.clauses ? { clauses: x.clauses } : {}) }));
}

function itemsOf(model: ContractModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const sec of model.allSections) {
    for (const c of sec.clauses) if (c.items.length) out[`${sec.label} (${c.number})`] = c.items.map((i) => i.number);
    if (sec.items.length && sec.items.some((i) => i.kind !== 'bullet')) out[sec.label] = sec.items.filter((i) => i.kind !== 'bullet').map((i) => i.number);
  }
  return out;
}

function checkModel(result: ImportResult, expected: Expectation): void {
  const { model } = parse(result.markdown);
  assert.equal(model.title, expected.title);
  assert.deepEqual(outline(model.sections), stripClauses(expected.sections));
  assert.deepEqual(outline(model.annexes, true).map((x) => ({ label: x.label, title: x.title, children: x.children })), expected.annexes.map((x) => ({ label: x.label, title: x.title, children: stripClauses(x.children ?? []) })));
  assert.deepEqual(
    model.parties.map((p) => ({ role: p.role, name: p.name, ...(p.address ? { address: p.address } : {}), ...(p.representedBy ? { representedBy: p.representedBy } : {}), source: p.source })),
    expected.parties,
  );
  assert.deepEqual(model.subprocessors.map((x) => x.name?.text), expected.subprocessors);
  assert.equal(model.tomEntries.length, expected.tomEntries);
  assert.equal(model.signatureBlock !== undefined, expected.signature);
  if (expected.items) assert.deepEqual(itemsOf(model), expected.items);
  assert.deepEqual(result.report.map((r) => r.message), expected.report);
}

/** Labels an importer may add (Word's automatic numbers) or a source may carry, at the start of a line. */
const LABEL = /^(?:§ \d+[a-z]?|(?:Anlage|Anhang) \d+|\d+(?:\.\d+)+|\d+\.|[IVX]+\.|\(\d+[a-z]?\)|[a-z]{1,2}\))\s+/;

/** The words of a text: NFC, no soft hyphens, no leading labels, split on whitespace. */
function words(lines: string[]): string[] {
  return lines
    .map((l) => l.normalize('NFC').replace(/\u00ad/g, '').replace(/\u00a0/g, ' ').trim())
    .map((l) => l.replace(LABEL, ''))
    .join('\n')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** The contract text of imported Markdown: no front matter, no Markdown syntax. */
function markdownWords(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n').flatMap((l) => {
    if (/^\|(?:---\|)+$/.test(l)) return [];
    if (l.startsWith('|')) return l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.replace(/\\(?=[!-/:-@[-`{-~])/g, ''));
    return [l.replace(/^#{1,6} /, '').replace(/^- /, '').replace(/\\(?=[!-/:-@[-`{-~])/g, '')];
  });
  return words(lines);
}

/**
 * The words of a DOCX as mammoth reads them. mammoth's raw text joins the two sides of a manual line
 * break into one word ("genanntenUnterauftragnehmer."), so the text is taken from its plain HTML.
 */
async function documentWords(buffer: Buffer): Promise<string[]> {
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const text = html
    .replace(/<br \/>|<\/(?:p|h\d|li|td|th|tr)>|<(?:ol|ul)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  return words(text.split('\n'));
}

describe('import of Word contracts', () => {
  let dir: string;
  const docx: Record<string, Buffer> = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avv-import-'));
    const script = pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'docx', 'build.mjs')).href;
    const { buildFixtures } = (await import(script)) as { buildFixtures: () => Promise<Record<string, Buffer>> };
    for (const [name, data] of Object.entries(await buildFixtures())) {
      fs.writeFileSync(path.join(dir, `${name}.docx`), data);
      docx[name] = fs.readFileSync(path.join(dir, `${name}.docx`));
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('DOCX fixtures', () => {
    for (const [name, expected] of Object.entries(DOCX)) {
      it(`${name}.docx imports with its structure, parties, tables and signature block`, async () => {
        checkModel(await importDocx(docx[name]!), expected);
      });

      it(`${name}.docx: the imported text holds exactly the words of the document`, async () => {
        const result = await importDocx(docx[name]!);
        // the signature table is written column by column, so the words are compared as a multiset;
        // the order of everything else is checked by the outline above
        assert.deepEqual(markdownWords(result.markdown).sort(), (await documentWords(docx[name]!)).sort());
      });

      it(`${name}.docx: the import is deterministic and has no conversion residue`, async () => {
        const first = await importDocx(docx[name]!);
        const second = await importDocx(new Uint8Array(docx[name]!));
        assert.equal(second.markdown, first.markdown);
        assert.doesNotMatch(first.markdown, /[\u00ad\u00a0]|\[bookmark:/);
        assert.equal(first.markdown, first.markdown.normalize('NFC'));
      });
    }

    it('rebuilds Word numbers that are not in the document text', async () => {
      const raw = (await mammoth.extractRawText({ buffer: docx['paragraphen']! })).value;
      assert.doesNotMatch(raw, /§ 1|\(1\)/);
      const { markdown } = await importDocx(docx['paragraphen']!);
      assert.match(markdown, /^## § 2 Art der Daten und betroffene Personen\n\n\(1\) Verarbeitet werden folgende Arten personenbezogener Daten:\na\) Namen und Anschriften/m);
      assert.match(markdown, /^\(2\) Es gilt deutsches Recht\.$/m);
      const roman = (await importDocx(docx['roemisch']!)).markdown;
      assert.match(roman, /^## Anlage 1 Technische und organisatorische Maßnahmen\n\n### I\. Vertraulichkeit$/m);
      assert.match(roman, /^## Anlage 2 Unterauftragnehmer$/m);
    });

    it('writes a signature table as the signature block, column by column', async () => {
      const { markdown } = await importDocx(docx['roemisch']!);
      assert.match(markdown, /\nOrt, Datum\n_{22}\nAuftraggeber\n\nOrt, Datum\n_{22}\nAuftragnehmer\n/);
    });

    it('reports the Markdown line of what it could not map', async () => {
      const { markdown, report } = await importDocx(docx['roemisch']!);
      assert.equal(report.length, 1);
      assert.equal(markdown.split('\n')[report[0]!.line!], 'Diese Fassung ersetzt die Fassung vom 1. Januar 2025.');
    });
  });

  describe('Word text exports', () => {
    for (const [name, expected] of Object.entries(TEXT)) {
      const text = () => fs.readFileSync(expected.file, 'utf8');

      it(`${name}.txt imports with its structure, parties, tables and signature block`, () => {
        checkModel(importText(text()), expected);
      });

      it(`${name}.txt: the imported text holds exactly the words of the export`, () => {
        const source = text().replace(/\[bookmark:[^\]]*\]/g, '').split(/\r?\n/).map((l) => l.replace(/^•\t/, ''));
        assert.deepEqual(markdownWords(importText(text()).markdown), words(source));
      });

      it(`${name}.txt: clean-up of NFD, soft hyphens, no-break spaces, bookmarks and broken sentences`, () => {
        const { markdown } = importText(text());
        assert.equal(markdown, markdown.normalize('NFC'));
        assert.doesNotMatch(markdown, /[\u00ad\u00a0\t]|\[bookmark:/);
        assert.doesNotMatch(markdown, /[\p{Ll},]\n\n\p{Ll}/u);
      });
    }

    it('word-export.txt: the import has the outline the parser finds in the export itself', () => {
      const direct = parseFixture('word-export.txt').model;
      const imported = parse(importText(fs.readFileSync(TEXT['word-export']!.file, 'utf8')).markdown).model;
      assert.deepEqual(outline(imported.sections), outline(direct.sections));
      assert.deepEqual(outline(imported.annexes, true), outline(direct.annexes, true));
      assert.deepEqual(imported.references.map((r) => [r.text, r.external ?? null, r.resolution]), direct.references.map((r) => [r.text, r.external ?? null, r.resolution]));
      assert.deepEqual(imported.citations.map((c) => c.text), direct.citations.map((c) => c.text));
    });

    it('joins a sentence split by a blank line and keeps paragraphs apart', () => {
      const { markdown } = importText('§ 1 Gegenstand\n(1) Die Verarbeitung findet in der Union\n\noder im EWR statt.\n(2) Zweiter Absatz.\n');
      assert.equal(markdown, '## § 1 Gegenstand\n\n(1) Die Verarbeitung findet in der Union oder im EWR statt.\n\n(2) Zweiter Absatz.\n');
    });

    it('reports a tab table with rows of different length', () => {
      const result = importText('Anlage 2 Unterauftragnehmer\nName\tOrt\nA GmbH\tBerlin\tzusätzlich\n');
      assert.equal(result.markdown, '## Anlage 2 Unterauftragnehmer\n\n| Name | Ort | |\n|---|---|---|\n| A GmbH | Berlin | zusätzlich |\n');
      assert.deepEqual(result.report, [{ message: 'The rows of a tab-separated table have different numbers of cells; missing cells were left empty.', line: 2 }]);
    });

    it('escapes text that Markdown would read as syntax', () => {
      const { markdown } = importText('§ 1 Gegenstand\n(1) Preis 5 * 3 <b>fett</b>\n- nachfolgend\n');
      assert.equal(markdown, '## § 1 Gegenstand\n\n(1) Preis 5 \\* 3 \\<b>fett\\</b> - nachfolgend\n');
    });
  });
});
