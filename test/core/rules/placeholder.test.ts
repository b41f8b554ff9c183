import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { placeholder } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule placeholder', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'error in the parties block, warning elsewhere; a bound {{…}} is filled',
      text: '---\nparteien:\n  auftraggeber:\n    name: Alpha GmbH\n---\n\n# AVV\n\nzwischen\n\n{{auftraggeber.name}}, [Anschrift]\n\n– nachfolgend „Auftraggeber“ –\n\nund\n\nBeta AG, Weg 1, 10115 Berlin\n\n– nachfolgend „Auftragnehmer“ –\n\n## § 1 A\n\n(1) Laufzeit: [TODO]. Wert {{auftraggeber.name}} und {{datum}}.\n',
      expected: [
        '10:23-10:34 error Unfilled placeholder "[Anschrift]"; expected the actual content.',
        '22:14-22:20 warning Unfilled placeholder "[TODO]"; expected the actual content.',
        '22:53-22:62 warning Placeholder "{{datum}}" has no value; expected a value for "datum" in the front matter.',
      ],
    },
    {
      name: 'is silent on a filled contract',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Laufzeit: ein Jahr.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(placeholder, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
    'frontmatter.avv.md': [
      '25:61-25:84 error Placeholder "{{auftraggeber.ust_id}}" has no value; expected a value for "auftraggeber.ust_id" in the front matter.',
      '37:228-37:232 warning Unfilled placeholder "____"; expected the actual content.',
      '61:51-61:57 warning Unfilled placeholder "[Name]"; expected the actual content.',
    ],
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(placeholder, file).map(brief), fixtures[name] ?? []));
  }
});
