import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { duplicateHeading } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule duplicate-heading', () => {
  it('reports the second "c)" with the first as related information', () => {
    const [f, ...rest] = run(duplicateHeading, '## § 1 A\n\n(1) Daten:\na) Schüler;\nb) Eltern;\nc) Lehrkräfte;\nc) Lehrkräfte.\n');
    assert.equal(rest.length, 0);
    assert.equal(brief(f!), '6:0-6:2 warning "c)" is used a second time among siblings; expected each number or letter once.');
    assert.deepEqual(f!.related.map((r) => [r.range.start.line, r.message]), [[5, 'First "c)"']]);
  });

  it('reports a section number used twice', () => {
    assert.deepEqual(run(duplicateHeading, '## § 1 A\n\nText.\n\n## § 1 B\n\nText.\n').map(brief), [
      '4:3-4:6 warning "§ 1" is used a second time among siblings; expected each number or letter once.',
    ]);
  });

  it('is silent on the same letter under different Absätze (not siblings)', () => {
    assert.deepEqual(run(duplicateHeading, '## § 1 A\n\n(1) Daten:\na) x;\nb) y.\n\n(2) Weiter:\na) z.\n'), []);
  });

  for (const file of corpus) {
    it(`finds nothing in ${path.basename(file)}`, () => assert.deepEqual(runFile(duplicateHeading, file).map(brief), []));
  }
});
