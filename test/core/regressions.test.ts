import { strict as assert } from 'node:assert';
import { citeLabel } from '../../server/src/core/index.js';
import { parse } from '../support/helpers.js';

/** Cases a lawyer would find wrong, found in review of the dialect; each once misread by the parser. */
describe('parser regressions', () => {
  it('does not take a hard-wrapped "Anlage 1 … und" line for the start of the annexes', () => {
    const { model } = parse('## § 13 Schluss\n\n(1) Text.\n\n(2) Bestandteil dieses Vertrages sind\nAnlage 1 (Technische und organisatorische Maßnahmen) und\nAnlage 2 (Unterauftragnehmer).\n\n(3) Ende.\n');
    assert.equal(model.annexes.length, 0);
    assert.deepEqual(model.sections[0]!.clauses.map((c) => c.number), ['1', '2', '3']);
  });

  it('reads a numbered list under an Absatz as points, not as §§ or Absätze', () => {
    const { model } = parse('## § 2 Daten\n\n(1) Folgende Daten:\n\n1. Kontaktdaten\n2. Vertragsdaten\n\n(2) Weiteres.\n\n## § 3 Dritte\n\n(1) Siehe § 2 Abs. 2.\n');
    assert.deepEqual(model.sections.map((s) => s.label), ['§ 2', '§ 3']);
    assert.deepEqual(model.sections[0]!.clauses.map((c) => c.number), ['1', '2']);
    assert.deepEqual(model.sections[0]!.clauses[0]!.items.map((i) => `${i.kind} ${i.number}`), ['number 1', 'number 2']);
    assert.equal(model.references[0]!.resolution, 'full');
  });

  it('reads §§ of laws it does not know, and chains of §§, as citations, never as dangling references', () => {
    const { model } = parse('## § 1 X\n\n(1) Nach § 87 Abs. 1 Nr. 6 BetrVG, § 22 UStG, § 38 des Bundesdatenschutzgesetzes, § 22 Abs. 2 i. V. m. § 48 BDSG und § 26 Abs. 1 und 2 BDSG sowie Art. 3 GG.\n');
    assert.deepEqual(model.references, []);
    assert.deepEqual(model.citations.map((c) => `${c.text} [${c.law}]`), [
      '§ 87 Abs. 1 Nr. 6 BetrVG [BetrVG]', '§ 22 UStG [UStG]', '§ 38 des Bundesdatenschutzgesetzes [BDSG]',
      '§ 22 Abs. 2 [BDSG]', '§ 48 BDSG [BDSG]', '§ 26 Abs. 1 und 2 BDSG [BDSG]', 'Art. 3 GG [GG]',
    ]);
  });

  it('keeps "Art. 33, 34 Abs. 1 DSGVO" whole', () => {
    const { model } = parse('## § 1 X\n\n(1) Nach Art. 33, 34 Abs. 1 DSGVO.\n');
    assert.equal(model.citations[0]!.text, 'Art. 33, 34 Abs. 1 DSGVO');
    assert.deepEqual(model.references, []);
  });

  it('does not read "Abschnitt 3" as a relative "Abs. 3"', () => {
    const { model } = parse('## § 1 X\n\n(1) Siehe Abschnitt 3.\n');
    assert.notEqual(model.references[0]?.address.style, 'relative');
  });

  it('declines nouns in -er as nouns: des Auftragsverarbeiters, den Auftragsverarbeitern', () => {
    const { model } = parse('Daten AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 X\n\n(1) Pflichten des Auftragsverarbeiters und den Auftragsverarbeitern.\n');
    assert.deepEqual(model.terms[0]!.occurrences.map((o) => o.text), ['Auftragsverarbeiters', 'Auftragsverarbeitern']);
  });

  it('reads pandoc-escaped numbering as numbering', () => {
    const { model } = parse('1\\. Gegenstand\n\n\\(1\\) Der Auftragnehmer verarbeitet Daten.\n\n2\\. Pflichten\n\n\\(1\\) Weiteres.\n');
    assert.deepEqual(model.sections.map((s) => [s.label, s.title, s.clauses.map((c) => c.number)]), [['1.', 'Gegenstand', ['1']], ['2.', 'Pflichten', ['1']]]);
  });

  it('treats "C." as a letter and never resolves "Anlage 1" to "Anlage A"', () => {
    const { model } = parse('## Anlage A – TOM\n\n### A. Zutritt\n\n### B. Zugang\n\n### C. Zugriff\n\nSiehe Anlage 1.\n');
    const annex = model.annexes[0]!;
    assert.deepEqual(annex.children.map((c) => [c.label, c.style]), [['A.', 'alpha'], ['B.', 'alpha'], ['C.', 'alpha']]);
    assert.equal(model.references.find((r) => r.text === 'Anlage 1')!.resolution, 'none');
  });

  it('keeps a plain § line after a Markdown § heading a sibling', () => {
    const { model } = parse('## § 1 Gegenstand\n\n(1) Text.\n\n**§ 2 Pflichten**\n\n(1) Text.\n');
    assert.deepEqual(model.sections.map((s) => s.label), ['§ 1', '§ 2']);
  });

  it('does not take a signatory with an initial for a section', () => {
    const { model } = parse('## § 9 Schluss\n\n(1) Text.\n\nBerlin, den 01.02.2026\n\n\\_\\_\\_\\_\\_\\_\\_\\_\n\nA. Schmidt, Geschäftsführerin\n');
    assert.deepEqual(model.allSections.map((s) => citeLabel(s)), ['§ 9']);
  });
});
