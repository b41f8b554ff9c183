import { strict as assert } from 'node:assert';
import { citeLabel } from '../../server/src/core/index.js';
import { parse } from '../support/helpers.js';

const text = (t: string[]) => t.join('\n');

describe('contract model', () => {
  describe('roles of party terms that are no role words', () => {
    const roles = (lines: string[]) => parse(text(lines)).model.terms.map((t) => `${t.term}:${t.role ?? '-'}`);
    it('"Praxis" next to "Dienstleister": the other role', () => {
      assert.deepEqual(roles(['# AVV', '', 'zwischen', '', 'Hausarztpraxis Dr. med. Anna Berger, Lindenstraße 4, 72764 Reutlingen', '', '(nachfolgend „Praxis“)', '', 'und', '', 'NetzWerk IT-Service GmbH, Gartenweg 9, 72762 Reutlingen', '', '(nachfolgend „Dienstleister“)', '', '## 1. Gegenstand', '', 'Text.']),
        ['Praxis:controller', 'Dienstleister:processor']);
    });
    it('the role word next to the definition decides ("– als Verantwortliche –")', () => {
      assert.deepEqual(roles(['# AVV', '', 'zwischen der Gemeinde Talheim, Rathausplatz 1, 74388 Talheim (nachfolgend „Gemeinde“) – als Verantwortliche –', '', 'und der Kommunal-IT eG, Am Markt 3, 74072 Heilbronn (nachfolgend „Rechenzentrum“) – als Auftragsverarbeiter –', '', '## § 1 Gegenstand', '', 'Text.']),
        ['Gemeinde:controller', 'Rechenzentrum:processor']);
    });
    it('a term of the preamble that is no party gets no role', () => {
      assert.deepEqual(roles(['# AVV', '', 'zwischen der A GmbH, Hauptstr. 1, 10115 Berlin (nachfolgend „Auftraggeber“) und der B GmbH, Nebenweg 2, 80331 München (nachfolgend „Auftragnehmer“)', '', 'Die Parteien haben einen Vertrag über Webhosting geschlossen (nachfolgend „Hauptvertrag“).', '', '## § 1 Gegenstand', '', 'Text.']),
        ['Auftraggeber:controller', 'Auftragnehmer:processor', 'Hauptvertrag:-']);
    });
  });

  it('recovers §§ and Absätze from plain Word lines without blank lines', () => {
    const { model } = parse(text([
      'Vertrag zur Auftragsverarbeitung',
      '§ 1 Gegenstand',
      '(1) Der Auftragnehmer verarbeitet personenbezogene Daten.',
      '(2) Die Laufzeit richtet sich nach dem Hauptvertrag.',
      '§ 2 Weisungen',
      '(1) Es gilt § 1 Abs. 2.',
    ]));
    assert.deepEqual(model.sections.map((s) => [s.label, s.title, s.form, s.clauses.map((c) => c.number)]), [
      ['§ 1', 'Gegenstand', 'line', ['1', '2']],
      ['§ 2', 'Weisungen', 'line', ['1']],
    ]);
    const ref = model.references[0]!;
    assert.equal(ref.text, '§ 1 Abs. 2');
    assert.equal(citeLabel(ref.target!), '§ 1 Abs. 2');
    assert.deepEqual(ref.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 22 } });
  });

  it('takes bold lines as headings and nests decimal clauses', () => {
    const { model } = parse(text([
      '**1. Gegenstand**', '', '1.1 Der Auftragsverarbeiter erbringt Leistungen.', '', '1.2 Die Vereinbarung gilt unbefristet.',
      '', '**2. Pflichten**', '', '2.1 Siehe Ziffer 1.2.',
    ]));
    assert.deepEqual(model.sections.map((s) => [s.label, s.children.map((c) => c.label)]), [['1.', ['1.1', '1.2']], ['2.', ['2.1']]]);
    assert.equal(model.references[0]!.resolution, 'full');
    assert.equal(citeLabel(model.references[0]!.target!), '1.2');
  });

  it('reports exact UTF-16 ranges after characters outside the BMP', () => {
    const { model } = parse('## § 1 Gegenstand 📄\n\n(1) 𝔄 Nach Art. 28 DSGVO gilt § 1 Abs. 1.\n');
    const c = model.citations[0]!;
    assert.deepEqual(c.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 25 } });
    const r = model.references[0]!;
    assert.deepEqual(r.range, { start: { line: 2, character: 31 }, end: { line: 2, character: 41 } });
  });

  it('keeps ranges in the original text when umlauts are decomposed', () => {
    const original = '## § 1 Pflichten\n\n(1) Der Auftragnehmer unterstu\u0308tzt gema\u0308ß Art. 28 Abs. 3 lit. e DSGVO.\n';
    const { model } = parse(original);
    const c = model.citations[0]!;
    const line = original.split('\n')[2]!;
    assert.equal(line.slice(c.range.start.character, c.range.end.character), 'Art. 28 Abs. 3 lit. e DSGVO');
  });

  it('defines terms with aliases and finds inflected uses', () => {
    const { model } = parse(text([
      'Muster GmbH, Hauptstraße 1, 10115 Berlin (nachfolgend „Verantwortlicher“ oder „Auftraggeber“)',
      '',
      '## § 1 Gegenstand',
      '',
      '(1) Die Weisungen des Verantwortlichen und des Auftraggebers sind bindend.',
    ]));
    const t = model.terms.find((x) => x.term === 'Verantwortlicher')!;
    assert.deepEqual(t.aliases, ['Auftraggeber']);
    assert.equal(t.role, 'controller');
    assert.deepEqual(t.occurrences.map((o) => o.text), ['Verantwortlichen', 'Auftraggebers']);
    assert.equal(model.parties[0]!.name, 'Muster GmbH');
    assert.equal(model.parties[0]!.address, 'Hauptstraße 1, 10115 Berlin');
  });

  it('finds placeholders but not signature lines, task boxes or links', () => {
    const { model } = parse(text([
      '## § 1 Gegenstand', '', '(1) Leistung: [Beschreibung einfügen], Ansprechpartner [Name], Frist ____ Tage; siehe [Anlage 2](#anlage-2).',
      '', '- [x] erledigt', '', 'Berlin, den 01.02.2026', '', '\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_', 'Auftraggeber',
    ]));
    assert.deepEqual(model.placeholders.map((p) => p.text), ['[Beschreibung einfügen]', '[Name]', '____']);
    assert.ok(model.signatureBlock);
    assert.equal(model.signatureBlock.range.start.line, 6);
  });

  it('reads directives with their reason and scope', () => {
    const { model } = parse(text([
      '<!-- avv-disable placeholder -- wird vor Unterzeichnung befüllt -->',
      '## § 1 Gegenstand',
      '<!-- avv-enable placeholder -->',
      '<!-- avv-disable-next-line dangling-reference -->',
    ]));
    assert.deepEqual(model.directives.map((d) => [d.verb, d.ids, d.reason ?? null]), [
      ['disable', ['placeholder'], 'wird vor Unterzeichnung befüllt'],
      ['enable', ['placeholder'], null],
      ['disable-next-line', ['dangling-reference'], null],
    ]);
  });

  it('reads the sub-processor table by its header synonyms', () => {
    const { model } = parse(text([
      '## Anlage 2 – Unterauftragnehmer', '',
      '| Firma | Sitz | Tätigkeit | Ort der Verarbeitung |', '|---|---|---|---|',
      '| Beispiel Cloud GmbH | Berlin | Hosting | Frankfurt am Main |',
    ]));
    assert.deepEqual(model.tables[0]!.columns, ['name', 'address', 'service', 'location']);
    const s = model.subprocessors[0]!;
    assert.deepEqual([s.name?.text, s.address?.text, s.service?.text, s.location?.text], ['Beispiel Cloud GmbH', 'Berlin', 'Hosting', 'Frankfurt am Main']);
    assert.equal(model.annexes[0]!.annexKind, 'subprocessors');
  });
});

describe('contract model: cases found while checking docs/dialect.md', () => {
  it('keeps an Absatz "(2)" written directly after a "1)" list as an Absatz', () => {
    const { model } = parse(text([
      '## § 2 Daten', '', '(1) Verarbeitet werden', '1) Stammdaten, nämlich', 'a) Name,', 'b) Anschrift;', '2) Vertragsdaten.',
      '(2) Die Verarbeitung erfolgt im Inland.', '(3) Es gilt Abs. 2.',
    ]));
    const s = model.sections[0]!;
    assert.deepEqual(s.clauses.map((c) => citeLabel(c)), ['§ 2 Abs. 1', '§ 2 Abs. 2', '§ 2 Abs. 3']);
    assert.deepEqual(s.clauses[0]!.items.map((i) => citeLabel(i)), ['§ 2 Abs. 1 Nr. 1', '§ 2 Abs. 1 Nr. 2']);
    assert.equal(citeLabel(model.references[0]!.target!), '§ 2 Abs. 2');
  });

  it('reads "§ 5 AVV" and "§ 3 AG" as references to this contract, not as citations of a law', () => {
    const { model } = parse(text(['## § 5 A', '', 'Es gilt § 5 AVV; die Pflichten nach § 5 der AVV treffen den AG gemäß § 5 AG.', '', 'Es gilt § 87 Abs. 1 Nr. 6 BetrVG.']));
    assert.deepEqual(model.citations.map((c) => [c.text, c.law]), [['§ 87 Abs. 1 Nr. 6 BetrVG', 'BetrVG']]);
    assert.deepEqual(model.references.map((r) => [r.text, r.resolution]), [['§ 5', 'full'], ['§ 5', 'full'], ['§ 5', 'full']]);
  });

  it('compares annex numbers: letters equal only letters, Arabic equals Roman', () => {
    const { model } = parse(text(['## § 1 A', '', 'Anhang II, Anlage A, Anlage 1, Anlage B.', '', '## Anlage B X', '', '## Anhang I Y']));
    assert.deepEqual(model.references.map((r) => [r.text, r.target ? citeLabel(r.target) : null]),
      [['Anhang II', null], ['Anlage A', null], ['Anlage 1', 'Anhang I'], ['Anlage B', 'Anlage B']]);
  });

  it('resolves "Ziffer 3.2" in a § contract to Abs. 2 of § 3', () => {
    const { model } = parse(text(['## § 3 A', '', '(1) x', '(2) y', '', '## § 4 B', '', 'Siehe Ziffer 3.2 und Ziffer 3.5.']));
    assert.deepEqual(model.references.map((r) => [r.text, r.resolution, r.target ? citeLabel(r.target) : null]), [['Ziffer 3.2', 'full', '§ 3 Abs. 2'], ['Ziffer 3.5', 'none', null]]);
  });

  it('does not take a first heading "Vertragsparteien" for the document title', () => {
    const { model } = parse(text(['## Vertragsparteien', '', 'A GmbH, Weg 1 (nachfolgend „Auftraggeber“)', '', '## § 1 Gegenstand', '', 'Text']));
    assert.equal(model.title, undefined);
    assert.deepEqual(model.parties, []);
    assert.equal(parse(text(['## Auftragsverarbeitungsvertrag', '', '## § 1 Gegenstand', '', 'Text'])).model.title, 'Auftragsverarbeitungsvertrag');
  });

  it('recognises "der jeweils geltenden Leistungsbeschreibung" as an external document and "[n. n.]" as a placeholder', () => {
    const { model } = parse(text(['## § 1 A', '', 'Es gilt Ziffer 3 der jeweils geltenden Leistungsbeschreibung; Ansprechpartner [n. n.].']));
    assert.equal(model.references[0]!.external, 'Leistungsbeschreibung');
    assert.deepEqual(model.placeholders.map((p) => p.text), ['[n. n.]']);
  });
});
