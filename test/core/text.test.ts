import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { normalizeText } from '../../server/src/core/text/normalize.js';
import { SourceText } from '../../server/src/core/text/source.js';

describe('text normalisation', () => {
  it('composes decomposed umlauts and maps offsets back to the original', () => {
    const original = 'Auftragsverarbeitung fu\u0308r den Verantwortlichen gema\u0308ß Art. 28';
    const n = normalizeText(original);
    assert.equal(n.text, 'Auftragsverarbeitung für den Verantwortlichen gemäß Art. 28');
    const i = n.text.indexOf('gemäß');
    assert.equal(n.toOriginal(i), original.indexOf('gema\u0308ß'));
    const end = i + 'gemäß'.length;
    assert.equal(original.slice(n.toOriginal(i), n.toOriginal(end)), 'gema\u0308ß');
  });

  it('drops soft hyphens and turns no-break spaces into spaces', () => {
    const original = 'Auf\u00adtrags\u00adverarbeiter nach Art.\u00a028';
    const n = normalizeText(original);
    assert.equal(n.text, 'Auftragsverarbeiter nach Art. 28');
    const a = n.text.indexOf('Art. 28');
    assert.equal(original.slice(n.toOriginal(a), n.toOriginal(a + 7)), 'Art.\u00a028');
  });

  it('is the identity (same string, no map) for clean text', () => {
    const t = 'Der Auftragnehmer verarbeitet Daten.';
    const n = normalizeText(t);
    assert.equal(n.text, t);
    assert.equal(n.toOriginal(10), 10);
  });

  it('keeps surrogate pairs whole', () => {
    const original = '📄 Anlage 2 und 𝔄 § 5';
    const n = normalizeText(original + '\u00a0');
    assert.equal(n.text.slice(0, original.length), original);
  });
});

describe('line index', () => {
  it('treats CRLF, CR and LF as one line break each', () => {
    const li = new LineIndex('a\r\nbc\rd\ne');
    assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(8), { line: 3, character: 0 });
    assert.equal(li.lineText(1), 'bc');
    assert.equal(li.offsetAt({ line: 1, character: 99 }), 5, 'clamped to the end of the line, before the break');
  });

  it('reports UTF-16 columns after characters outside the BMP', () => {
    const s = new SourceText('𝔄𝔅 § 5\n');
    const offset = s.text.indexOf('§');
    assert.deepEqual(s.position(offset), { line: 0, character: 5 });
  });
});
