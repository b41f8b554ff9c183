import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { subprocessorIncomplete } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule subprocessor-incomplete', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'names exactly what each entry lacks',
      text: '# AVV\n\n## Anlage 2 – Unterauftragnehmer\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n| Microsoft Azure | | Plattformbetrieb | DE |\n| Gamma GmbH | Weg 1, 10115 Berlin | Hosting | Berlin |\n| Delta AG | Straße 2, 80331 München | | |\n',
      expected: [
        '6:2-6:43 warning Sub-processor entry "Microsoft Azure" lacks the legal entity (name with legal form), the address or registered office; expected legal entity, address or registered office, processing location and service.',
        '8:2-8:42 warning Sub-processor entry "Delta AG" lacks the processing location, the service; expected legal entity, address or registered office, processing location and service.',
      ],
    },
    {
      name: 'is silent on complete entries',
      text: '# AVV\n\n## Anlage 2 – Unterauftragnehmer\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n| Gamma GmbH | Weg 1, 10115 Berlin | Hosting | Berlin |\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(subprocessorIncomplete, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
    'frontmatter.avv.md': [
      '129:2-129:72 warning Sub-processor entry "Backup-Dienstleister [TODO]" lacks the legal entity (name with legal form), the address or registered office, the processing location; expected legal entity, address or registered office, processing location and service.',
    ],
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(subprocessorIncomplete, file).map(brief), fixtures[name] ?? []));
  }
});
