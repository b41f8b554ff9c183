import { strict as assert } from 'node:assert';
import {
  completions,
  definition,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
} from '../../server/src/core/index.js';
import { renderHtmlDocument, renderHtmlFragment } from '../../server/src/core/render/html.js';
import { parse, parseFixture, testKnowledge } from '../support/helpers.js';

const CONTRACT = [
  'Muster GmbH, Hauptstraße 1, 10115 Berlin (nachfolgend „Auftraggeber“)', // 0
  '',
  'Daten AG, Ring 2, 80331 München (nachfolgend „Auftragnehmer“)', // 2
  '',
  '## § 1 Gegenstand', // 4
  '',
  '(1) Der Auftragnehmer verarbeitet Daten des Auftraggebers nach Art. 28 Abs. 3 DSGVO.', // 6
  '',
  '(2) Einzelheiten regelt Anlage 1.', // 8
  '',
  '## § 2 Pflichten', // 10
  '',
  '(1) Es gilt § 1 Abs. 2; § 1 Abs. 7 gibt es nicht.', // 12
  '',
  '## Anlage 1 – Technische und organisatorische Maßnahmen', // 14
  '',
  '- Verschlüsselung aller Datenträger', // 16
].join('\n');

describe('editor features on the model', () => {
  const parsed = parse(CONTRACT);
  const k = testKnowledge();

  it('outlines §§ and annexes with their Absätze', () => {
    const symbols = documentSymbols(parsed.model);
    assert.deepEqual(symbols.map((s) => s.name), ['§ 1 Gegenstand', '§ 2 Pflichten', 'Anlage 1 Technische und organisatorische Maßnahmen']);
    assert.deepEqual(symbols[0]!.children.map((c) => c.name), ['(1)', '(2)']);
    assert.deepEqual(symbols[0]!.selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 17 } });
  });

  it('folds sections and Absätze', () => {
    const f = foldingRanges(parsed.model);
    assert.ok(f.some((r) => r.startLine === 4 && r.endLine === 8), JSON.stringify(f));
    assert.ok(f.some((r) => r.startLine === 14 && r.endLine === 16));
  });

  it('goes from a cross reference to its target', () => {
    const [link] = definition(parsed, { line: 12, character: 14 });
    assert.ok(link);
    assert.deepEqual(link.originSelectionRange, { start: { line: 12, character: 12 }, end: { line: 12, character: 22 } });
    assert.deepEqual(link.targetSelectionRange, { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } });
  });

  it('goes from a term to its definition', () => {
    const [link] = definition(parsed, { line: 6, character: 10 });
    assert.deepEqual(link!.targetRange, { start: { line: 2, character: 46 }, end: { line: 2, character: 59 } });
  });

  it('finds the references to a section, including those to its Absätze', () => {
    const refs = references(parsed, { line: 4, character: 4 }, false);
    assert.deepEqual(refs.map((r) => r.start.line), [12, 12]);
  });

  it('renames a term and keeps its inflection endings', () => {
    const prep = prepareRename(parsed, { line: 6, character: 45 });
    assert.deepEqual(prep, { range: { start: { line: 6, character: 44 }, end: { line: 6, character: 56 } }, placeholder: 'Auftraggeber' });
    const edits = rename(parsed, { line: 6, character: 45 }, 'Kunde');
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [
      [0, 55, 67, 'Kunde'],
      [6, 44, 56, 'Kunde'],
    ]);
  });

  it('links citations to the official text and annex references to the annex', () => {
    const links = documentLinks(parsed, k);
    const art = links.find((l) => l.range.start.line === 6)!;
    assert.equal(art.target, 'https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=CELEX:32016R0679#art_28');
    const annex = links.find((l) => l.range.start.line === 8)!;
    assert.equal(annex.target, 'file:///test.avv.md#L15');
  });

  it('hovers a citation with its title, a reference with its target and a dangling reference as such', () => {
    assert.match(hover(parsed, { line: 6, character: 66 }, k)!.contents, /Art\. 28 DSGVO\*\* – Auftragsverarbeiter/);
    assert.match(hover(parsed, { line: 8, character: 28 }, k)!.contents, /Anlage 1 Technische und organisatorische Maßnahmen/);
    assert.match(hover(parsed, { line: 12, character: 26 }, k)!.contents, /(points to nothing|ins Leere)/);
  });

  it('completes the contract\'s own §§ after "§" and defined terms elsewhere', () => {
    const doc = parse(CONTRACT + '\n\nVgl. § ');
    const items = completions(doc, { line: 18, character: 7 }, k);
    assert.deepEqual(items.map((i) => i.label), ['§ 1', '§ 2']);
    assert.equal(items[0]!.detail, 'Gegenstand');
    const terms = completions(parse(CONTRACT + '\n\nDer Auf'), { line: 18, character: 7 }, k).map((i) => i.label);
    assert.ok(terms.includes('Auftraggeber') && terms.includes('Auftragnehmer'));
  });
});

describe('HTML rendering', () => {
  it('renders the contract with data-line, annex page breaks and marked placeholders', () => {
    const html = renderHtmlFragment(parse('## § 1 Gegenstand\n\n(1) Leistung: [Beschreibung]\n\n## Anlage 1 – TOM\n\n- Verschlüsselung\n'));
    assert.match(html, /<h2 data-line="0" class="section level-1">§ 1 Gegenstand<\/h2>/);
    assert.match(html, /<mark class="placeholder">\[Beschreibung\]<\/mark>/);
    assert.match(html, /<h2 data-line="4" class="annex level-1 page-break">/);
  });

  it('drops scripts, event handlers and javascript: URLs from the contract text', () => {
    const html = renderHtmlFragment(parse('## § 1 <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n[Klick](javascript:alert(1)) <a href="javascript:alert(2)" onclick="x()">a</a>\n'));
    assert.doesNotMatch(html, /<script|onerror|onclick|javascript:/i);
  });

  it('writes a standalone document with the parties and a strict CSP', () => {
    const html = renderHtmlDocument(parseFixture('paragraphen.avv.md'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /<div class="name">Muster Verlags GmbH<\/div>/);
    assert.match(html, /<li>§ 12 Schlussbestimmungen<\/li>/);
  });
});
