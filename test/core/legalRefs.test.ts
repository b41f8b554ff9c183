import { strict as assert } from 'node:assert';
import { LegalRefParser } from '../../server/src/core/parse/legalRefs.js';

const laws = [
  { id: 'DSGVO', alias: 'DSGVO' }, { id: 'DSGVO', alias: 'DS-GVO' }, { id: 'DSGVO', alias: 'GDPR' },
  { id: 'BDSG', alias: 'BDSG' }, { id: 'BDSG-alt', alias: 'BDSG a.F.' }, { id: 'BGB', alias: 'BGB' },
];
const parser = new LegalRefParser(laws);
const one = (text: string) => {
  const { citations } = parser.parse(text, 0);
  assert.equal(citations.length, 1, `${text}: ${JSON.stringify(citations)}`);
  const c = citations[0]!;
  return { ...c, text: text.slice(c.start, c.end) };
};

describe('norm citations', () => {
  it('parses every unit of Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO', () => {
    const c = one('gemäß Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO und');
    assert.equal(c.text, 'Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO');
    assert.deepEqual([c.law, c.article, c.paragraph, c.subparagraph, c.sentence, c.letter], ['DSGVO', '28', '3', '1', '2', 'a']);
  });

  it('recognises DS-GVO, GDPR and spelled-out units', () => {
    assert.equal(one('Artikel 28 Absatz 3 Satz 2 Buchstabe h DS-GVO').letter, 'h');
    assert.equal(one('Art. 6 GDPR').law, 'DSGVO');
  });

  it('parses ranges, ff. and lists', () => {
    const r = one('Art. 32–36 DSGVO');
    assert.deepEqual([r.article, r.articleTo], ['32', '36']);
    assert.equal(one('Art. 32 bis 36 DSGVO').articleTo, '36');
    assert.equal(one('Art. 44 ff. DSGVO').ff, true);
    assert.deepEqual(one('Art. 33, 34 DSGVO').more, ['34']);
    assert.deepEqual(one('§§ 4f, 4g BDSG a.F.').more, ['4g']);
    assert.equal(one('§§ 4f, 4g BDSG a.F.').law, 'BDSG-alt');
  });

  it('takes the law of a chain joined by "i. V. m."', () => {
    const { citations } = parser.parse('Art. 28 Abs. 3 lit. c i. V. m. Art. 32 DSGVO', 0);
    assert.equal(citations.length, 2);
    assert.equal(citations[0]!.law, 'DSGVO');
    assert.equal(citations[0]!.letter, 'c');
  });

  it('reads "§ 64 Abs. 3 BDSG" as a citation and "§ 5 Abs. 3" as a cross reference', () => {
    const r = parser.parse('nach § 64 Abs. 3 BDSG und § 5 Abs. 3 dieses Vertrages', 0);
    assert.equal(r.citations.length, 1);
    assert.equal(r.citations[0]!.law, 'BDSG');
    assert.equal(r.references.length, 1);
    assert.deepEqual([r.references[0]!.section, r.references[0]!.clause], ['5', '3']);
  });

  it('leaves the law open for "Art. 32" (the model reads it as DSGVO)', () => {
    assert.equal(one('Maßnahmen nach Art. 32.').law, undefined);
  });

  it('parses EU acts', () => {
    const c = one('Standardvertragsklauseln nach dem Durchführungsbeschluss (EU) 2021/914 gelten');
    assert.equal(c.unit, 'act');
    assert.equal(c.law, '2021/914');
    assert.equal(one('die Richtlinie 95/46/EG ist aufgehoben').law, '95/46');
  });
});

describe('cross references', () => {
  const refs = (text: string) => parser.parse(text, 0).references.map((r) => ({ text: text.slice(r.start, r.end), ...r }));

  it('takes no street name for an annex ("Friedrich-Ebert-Anlage 51")', () => {
    assert.deepEqual(refs('Wohnbau eG, Friedrich-Ebert-Anlage 51, 69117 Heidelberg; siehe Anlage 2').map((r) => r.text), ['Anlage 2']);
  });

  it('reads section, Absatz, numbered point and letter', () => {
    const [r] = refs('gemäß § 7 Abs. 2 lit. b');
    assert.deepEqual([r!.kind, r!.section, r!.clause, r!.item], ['paragraph', '7', '2', 'b']);
    const [z] = refs('nach Ziffer 2.3 Nr. 3 lit. b');
    assert.deepEqual([z!.kind, z!.section, z!.nr, z!.item], ['ziffer', '2.3', '3', 'b']);
    const [rom] = refs('nach Ziffer III.2 bleibt');
    assert.equal(rom!.section, 'III.2');
  });

  it('reads annexes in Arabic and Roman numbering, and lists of them', () => {
    assert.deepEqual(refs('Anlage 2 und Anhang IV').map((r) => r.section), ['2', 'IV']);
    assert.deepEqual(refs('die Anlagen 1 und 2').map((r) => r.section), ['1', '2']);
  });

  it('marks references into other documents as external', () => {
    const [r] = refs('wie in Ziffer 4 des Hauptvertrages geregelt');
    assert.equal(r!.external, 'Hauptvertrages');
    assert.equal(r!.text, 'Ziffer 4 des Hauptvertrages');
    assert.equal(refs('vgl. Ziffern 4, 5 Datenschutzerklärung der App')[0]!.external, 'Datenschutzerklärung');
  });

  it('reads a bare "Abs. 2" as relative and ignores "Nr. 3" alone', () => {
    assert.equal(refs('nach Abs. 2 gilt')[0]!.kind, 'relative');
    assert.equal(refs('Rechnung Nr. 3 vom').length, 0);
  });
});
