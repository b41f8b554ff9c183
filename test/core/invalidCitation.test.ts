import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { loadNormUnits } from '../../server/src/core/knowledge/units.js';
import type { Knowledge } from '../../server/src/core/knowledge/types.js';
import { invalidCitation } from '../../server/src/core/rules/invalidCitation.js';
import type { FindingInit, RuleMeta } from '../../server/src/core/rules/types.js';
import { parse, repoRoot, testKnowledge } from '../support/helpers.js';

/** invalid-norm-citation: citations of DSGVO/BDSG units and recitals that do not exist, with exact ranges. */

const units = loadNormUnits(path.join(repoRoot, 'data'));
const knowledge: Knowledge = { ...testKnowledge(), normUnits: units };
const meta = testKnowledge().rules.get('invalid-norm-citation') as RuleMeta;

function run(text: string, k: Knowledge = knowledge): FindingInit[] {
  const findings: FindingInit[] = [];
  invalidCitation.check({ parsed: parse(text), knowledge: k, meta }, (f) => findings.push(f));
  return findings;
}

describe('rule invalid-norm-citation', () => {
  // Messages are asserted in the English source strings; other tests may have loaded the German bundle.
  before(() => l10n.config({ contents: {} }));

  it('has its metadata in data/product-rules.json', () => {
    assert.equal(invalidCitation.id, 'invalid-norm-citation');
    assert.ok(meta, 'metadata missing');
    assert.deepEqual([meta.kind, meta.severity, meta.norm, meta.fixable], ['product', 'warning', null, false]);
    assert.equal(meta.title.de, 'Zitat einer nicht existierenden Norm');
    assert.equal(meta.title.en, 'Citation of a norm that does not exist');
  });

  // The citation is written after this prefix on line 2; the finding covers exactly the citation.
  const PREFIX = 'Es gilt ';
  const cases: ReadonlyArray<readonly [string, string, Record<string, string>]> = [
    ['Art. 28 Abs. 11 DSGVO', 'Art. 28 has only 10 paragraphs (Abs.).', { law: 'DSGVO', article: '28', missing: 'Abs. 11', available: 'Abs. 1–10' }],
    ['Art. 100 DSGVO', 'The DSGVO has only 99 articles.', { law: 'DSGVO', article: '100', missing: 'Art. 100' }],
    ['Art. 0 DSGVO', 'The DSGVO has only 99 articles.', { law: 'DSGVO', article: '0', missing: 'Art. 0' }],
    ['Art. 28 Abs. 3 S. 2 lit. i DSGVO', 'Art. 28 Abs. 3 UAbs. 1 S. 2 has only the letters a–h.', { law: 'DSGVO', article: '28', missing: 'lit. i', available: 'lit. a–h' }],
    ['Art. 28 Abs. 3 UAbs. 3 DSGVO', 'Art. 28 Abs. 3 has only 2 subparagraphs (UAbs.).', { law: 'DSGVO', article: '28', missing: 'UAbs. 3', available: 'UAbs. 1–2' }],
    ['Art. 28 Abs. 2 S. 3 DSGVO', 'Art. 28 Abs. 2 has only 2 sentences.', { law: 'DSGVO', article: '28', missing: 'S. 3', available: 'S. 1–2' }],
    ['Art. 28 Abs. 9 S. 2 DSGVO', 'Art. 28 Abs. 9 has only one sentence.', { law: 'DSGVO', article: '28', missing: 'S. 2' }],
    ['Art. 4 Nr. 27 DSGVO', 'Art. 4 has only the numbers 1–26.', { law: 'DSGVO', article: '4', missing: 'Nr. 27', available: 'Nr. 1–26' }],
    ['Art. 4 Abs. 7 DSGVO', 'Art. 4 has no Abs.; it is divided into Nr. 1–26.', { law: 'DSGVO', article: '4', missing: 'Abs. 7', available: 'Nr. 1–26' }],
    ['Art. 32 Abs. 1 lit. e DSGVO', 'Art. 32 Abs. 1 has only the letters a–d.', { law: 'DSGVO', article: '32', missing: 'lit. e', available: 'lit. a–d' }],
    ['Art. 32 Abs. 2 lit. a DSGVO', 'Art. 32 Abs. 2 has no subdivisions.', { law: 'DSGVO', article: '32', missing: 'lit. a' }],
    ['§ 64 Abs. 3 Nr. 15 BDSG', '§ 64 Abs. 3 S. 1 has only the numbers 1–14.', { law: 'BDSG', article: '64', missing: 'Nr. 15', available: 'Nr. 1–14' }],
    ['§ 87 BDSG', 'The BDSG ends with § 86.', { law: 'BDSG', article: '87', missing: '§ 87' }],
    ['Art. 98–101 DSGVO', 'The DSGVO has only 99 articles.', { law: 'DSGVO', article: '101', missing: 'Art. 101' }],
    ['ErwG 174', 'The DSGVO has only 173 recitals.', { law: 'ErwG', article: '174', missing: 'ErwG 174' }],
  ];
  for (const [citation, reason, data] of cases) {
    it(`reports "${citation}": ${reason}`, () => {
      const findings = run(`# § 1 Test\n\n${PREFIX}${citation}.\n`);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      const f = findings[0] as FindingInit;
      assert.equal(f.message, `"${citation}" cites a unit that does not exist: ${reason}`);
      assert.deepEqual(f.range, { start: { line: 2, character: PREFIX.length }, end: { line: 2, character: PREFIX.length + citation.length } });
      assert.deepEqual(f.data, data);
    });
  }

  it('reports each wrong citation of a contract with its own range, and nothing for correct ones', () => {
    const text = [
      '## § 1 Gegenstand', // 0
      '',
      '(1) Der Auftragnehmer verarbeitet nach Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO und Art. 28 Abs. 11 DSGVO.', // 2
      '',
      '(2) Für Drittländer gelten Art. 44 ff. DSGVO, Art. 46 Abs. 2 lit. c DSGVO und Art. 100 DSGVO.', // 4
    ].join('\n');
    const findings = run(text);
    const line2 = text.split('\n')[2] as string;
    const line4 = text.split('\n')[4] as string;
    const at = (line: number, s: string, src: string) => ({ start: { line, character: src.indexOf(s) }, end: { line, character: src.indexOf(s) + s.length } });
    assert.deepEqual(findings.map((f) => f.range), [at(2, 'Art. 28 Abs. 11 DSGVO', line2), at(4, 'Art. 100 DSGVO', line4)]);
  });

  const valid = [
    'Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h DSGVO',
    'Art. 28 Abs. 3 S. 2 lit. a DSGVO',
    'Art. 28 Abs. 3 lit. h DSGVO',
    'Art. 28 Abs. 3 UAbs. 2 DSGVO',
    'Art. 28 Abs. 10 DSGVO',
    'Art. 28 Abs. 9 S. 1 DSGVO',
    'Art. 4 Nr. 26 DSGVO',
    'Art. 32–36 DSGVO',
    'Art. 44 ff. DSGVO',
    'Art. 33, 34 DSGVO',
    'Art. 99 DSGVO',
    'Art. 6 Abs. 1 lit. f DSGVO',
    '§ 64 Abs. 3 S. 1 Nr. 14 BDSG',
    '§ 64 Abs. 3 S. 2 BDSG',
    '§ 22 Abs. 1 Nr. 1 lit. b BDSG',
    '§ 42a BDSG a.F.',
    '§ 823 BGB',
    'ErwG 173',
    'Art. 100',
  ];
  for (const citation of valid) {
    it(`accepts "${citation}"`, () => {
      assert.deepEqual(run(`# § 1 Test\n\nEs gilt ${citation}.\n`), []);
    });
  }

  it('reports nothing when the knowledge carries no norm structure', () => {
    const { normUnits: _units, ...without } = testKnowledge();
    assert.deepEqual(run('# § 1 Test\n\nEs gilt Art. 100 DSGVO.\n', without), []);
  });
});
