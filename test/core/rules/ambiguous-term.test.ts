import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ambiguousTerm } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule ambiguous-term', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports "anderer Auftraggeber" and "Auftragnehmer des Auftragnehmers"',
      text: '# AVV\n\nMuster Verlags GmbH (nachfolgend „Auftraggeber“) und Beta AG (nachfolgend „Auftragnehmer“)\n\n## § 1 A\n\n(1) Der Auftragnehmer trennt die Daten anderer Auftraggeber. Auftragnehmer des Auftragnehmers sind Unterauftragnehmer.\n',
      expected: [
        '6:39-6:59 info "anderer Auftraggeber" uses the defined term "Auftraggeber" for someone other than the contracting party; expected a word of its own for them.',
        '6:61-6:93 info "Auftragnehmer des Auftragnehmers" uses the defined term "Auftragnehmer" for someone other than the contracting party; expected a word of its own for them.',
      ],
    },
    {
      name: 'is silent on ordinary uses',
      text: '# AVV\n\nMuster Verlags GmbH (nachfolgend „Auftraggeber“) und Beta AG (nachfolgend „Auftragnehmer“)\n\n## § 1 A\n\n(1) Der Auftragnehmer befolgt Weisungen des Auftraggebers und verpflichtet jeden Unterauftragnehmer.\n',
      expected: [],
    },
    {
      name: 'is silent on the statutory "weiterer Auftragsverarbeiter"',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Auftragsverarbeiter nimmt keinen weiteren Auftragsverarbeiter in Anspruch.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(ambiguousTerm, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
    'dezimal.avv.md': [
      '143:21-143:39 info "jeder Auftraggeber" uses the defined term "Verantwortlicher" for someone other than the contracting party; expected a word of its own for them.',
    ],
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(ambiguousTerm, file).map(brief), fixtures[name] ?? []));
  }
});
