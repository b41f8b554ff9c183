import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { numberingFormat } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule numbering-format', () => {
  it('reports "4)" among (1) (2) (3) with the expected form', () => {
    const [f, ...rest] = run(numberingFormat, '## § 1 A\n\n(1) Eins.\n\n(2) Zwei.\n\n(3) Drei.\n\n4) Vier.\n');
    assert.equal(rest.length, 0);
    assert.equal(brief(f!), '8:0-8:2 info "4)" is written in another format than its siblings (such as "(1)"); expected "(4)".');
    assert.deepEqual(f!.data, { found: '4)', expected: '(4)' });
    assert.deepEqual(f!.related.map((r) => r.range.start.line), [2]);
  });

  it('is silent when all siblings share a format', () => {
    assert.deepEqual(run(numberingFormat, '## § 1 A\n\n(1) Eins:\na) x;\nb) y;\nc) z.\n\n(2) Zwei.\n'), []);
  });

  it('reports "(c)" among "a)" "b)"', () => {
    assert.deepEqual(run(numberingFormat, '## § 1 A\n\n(1) Eins:\na) x;\nb) y;\n(c) z.\n').map(brief), [
      '5:0-5:3 info "(c)" is written in another format than its siblings (such as "a)"); expected "c)".',
    ]);
  });

  it('needs a clear majority: "2)" after a single "(1)" is not reported', () => {
    assert.deepEqual(run(numberingFormat, '## § 1 A\n\n(1) Eins.\n\n2) Zwei.\n'), []);
  });

  for (const file of corpus) {
    it(`finds nothing in ${path.basename(file)}`, () => assert.deepEqual(runFile(numberingFormat, file).map(brief), []));
  }
});
