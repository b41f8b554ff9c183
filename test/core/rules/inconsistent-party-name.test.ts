import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { inconsistentPartyName } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule inconsistent-party-name', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports hyphen, dot and case variants of a party name',
      text: '# AVV\n\nzwischen\n\nMuster Verlags GmbH & Co. KG, Lindenallee 4, 50667 Köln\n\n– nachfolgend „Auftraggeber“ –\n\nund\n\nBeta AG, Weg 1, 10115 Berlin\n\n– nachfolgend „Auftragnehmer“ –\n\n## § 1 A\n\n(1) Die Muster Verlags-GmbH & Co KG und die Muster Verlags GmbH & Co. KG sowie die MUSTER VERLAGS GMBH & CO. KG. Die Beta AG.\n',
      expected: [
        '16:8-16:35 warning "Muster Verlags-GmbH & Co KG" spells the name of a party differently from its definition "Muster Verlags GmbH & Co. KG"; expected the same spelling throughout.',
        '16:83-16:111 warning "MUSTER VERLAGS GMBH & CO. KG" spells the name of a party differently from its definition "Muster Verlags GmbH & Co. KG"; expected the same spelling throughout.',
      ],
    },
    {
      name: 'is silent when the name is written the same everywhere',
      text: '# AVV\n\nzwischen\n\nMuster Verlags GmbH, Lindenallee 4, 50667 Köln\n\n– nachfolgend „Auftraggeber“ –\n\nund\n\nBeta AG, Weg 1, 10115 Berlin\n\n– nachfolgend „Auftragnehmer“ –\n\n## § 1 A\n\n(1) Die Muster Verlags GmbH und die Beta AG.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(inconsistentPartyName, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(inconsistentPartyName, file).map(brief), fixtures[name] ?? []));
  }
});
