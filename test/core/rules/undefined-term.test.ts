import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { undefinedTerm } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule undefined-term', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports "Auftraggeber" where the contract defines "Verantwortlicher"',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Auftraggeber erteilt Weisungen.\n',
      expected: [
        '6:8-6:20 warning "Auftraggeber" is not a term this contract defines; expected the defined term "Verantwortlicher".',
      ],
    },
    {
      name: 'is silent on the defined terms',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Verantwortliche erteilt dem Auftragsverarbeiter Weisungen.\n',
      expected: [],
    },
    {
      name: 'is silent on an alias, a quote, the legal concept and "weitere Auftragnehmer"',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“ oder „Auftraggeber“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Auftraggeber erteilt Weisungen. Weitere Auftragnehmer bedürfen der Genehmigung. Das Wort „Auftragnehmer“ wird nicht verwendet. Der Auftragnehmer im Sinne des Art. 28 DSGVO ist gemeint.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(undefinedTerm, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(undefinedTerm, file).map(brief), fixtures[name] ?? []));
  }
});
