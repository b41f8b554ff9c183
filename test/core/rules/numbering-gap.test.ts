import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { numberingGap } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule numbering-gap', () => {
  it('reports a skipped section number at the number, with the expected number and the previous sibling', () => {
    const [f, ...rest] = run(numberingGap, '## § 1 A\n\nText.\n\n## § 2 B\n\nText.\n\n## § 4 C\n\nText.\n');
    assert.equal(rest.length, 0);
    assert.equal(brief(f!), '8:3-8:6 warning "§ 4" follows "§ 2": the numbering skips or repeats a number; expected "§ 3".');
    assert.deepEqual(f!.data, { expected: '3', found: '4', sequence: 'sections' });
    assert.deepEqual(f!.related.map((r) => [r.range.start.line, r.range.start.character, r.message]), [[4, 3, 'Previous number "§ 2"']]);
  });

  it('is silent on an unbroken sequence', () => {
    assert.deepEqual(run(numberingGap, '## § 1 A\n\nText.\n\n## § 2 B\n\nText.\n\n## § 3 C\n\nText.\n'), []);
  });

  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'sub-sections of parents that are no headings ("2 Pflichten" without a dot) count per parent; a gap within one still shows',
      text: 'Vertrag\n\n1 Gegenstand\n\n1.1 Der Auftragnehmer druckt.\n\n1.2 Der Vertrag gilt ab heute.\n\n2 Pflichten\n\n2.1 Der Auftragnehmer versendet.\n\n2.3 Der Auftragnehmer löscht.\n',
      expected: ['12:0-12:4 warning "2.3 " follows "2.1 ": the numbering skips or repeats a number; expected "2.2 ".'],
    },
    {
      name: 'Absätze starting at (2), letters skipping c); an inserted § 2a and a repeated § 2 are no gap',
      text: '## § 1 A\n\n(2) Eins.\n\n(3) Zwei.\n\n## § 2 B\n\n(1) Text:\na) x;\nb) y;\nd) z.\n\n## § 2a C\n\nText.\n\n## § 2 D\n\nText.\n\n## § 3 E\n\nText.\n',
      expected: [
        '2:0-2:3 warning The numbering starts at "(2)"; expected "(1)".',
        '11:0-11:2 warning "d)" follows "b)": the numbering skips or repeats a number; expected "c)".',
      ],
    },
    {
      name: 'Roman TOM headings IV. after II. (counting resumes from IV.) and Anlage 3 after Anlage 1',
      text: '## Anlage 1 – TOM\n\n### I. Eins\n\n- x\n\n### II. Zwei\n\n- y\n\n### IV. Vier\n\n- z\n\n### V. Fünf\n\n- w\n\n## Anlage 3 – Liste\n\nText.\n',
      expected: [
        '10:4-10:7 warning "IV." follows "II.": the numbering skips or repeats a number; expected "III.".',
        '18:3-18:11 warning "Anlage 3" follows "Anlage 1": the numbering skips or repeats a number; expected "Anlage 2".',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(run(numberingGap, c.text).map(brief), c.expected));
  }

  // frontmatter.avv.md skips § 8 on purpose but switches the rule off in its front matter (regeln:)
  const fixtures: Record<string, string[]> = {};
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected gaps in ${name}`, () => assert.deepEqual(runFile(numberingGap, file).map(brief), fixtures[name] ?? []));
  }
});
