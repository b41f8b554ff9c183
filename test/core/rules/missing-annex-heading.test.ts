import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { missingAnnexHeading } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule missing-annex-heading', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports a sub-processor table inside Anlage 1 that "Anlage 2" refers to',
      text: '# Vertrag\n\nzwischen Alpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 Gegenstand\n\n(1) Die in Anlage 2 aufgeführten Unterauftragnehmer gelten als genehmigt. Die Maßnahmen stehen in Anlage 1.\n\n## Anlage 1 – Technische und organisatorische Maßnahmen\n\n- Zutrittskontrolle mit Chipkarte\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n| Gamma GmbH | Weg 1, 10115 Berlin | Hosting | Berlin |\n',
      expected: [
        '12:0-12:64 warning This sub-processor list evidently is "Anlage 2", but it stands inside "Anlage 1" without a heading of its own; expected a heading "Anlage 2".',
      ],
    },
    {
      name: 'is silent when the list has its own heading',
      text: '# Vertrag\n\n## § 1 Gegenstand\n\n(1) Die in Anlage 2 aufgeführten Unterauftragnehmer gelten als genehmigt.\n\n## Anlage 1 – Technische und organisatorische Maßnahmen\n\n- Zutrittskontrolle mit Chipkarte\n\n## Anlage 2 – Unterauftragnehmer\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n| Gamma GmbH | Weg 1, 10115 Berlin | Hosting | Berlin |\n',
      expected: [],
    },
    {
      name: 'conservative: the missing "Anlage 2" is not said to list sub-processors (another sentence)',
      text: '# Vertrag\n\n## § 1 Gegenstand\n\n(1) Die Maßnahmen stehen in Anlage 2. Unterauftragnehmer werden nicht eingesetzt.\n\n## Anlage 1 – Technische und organisatorische Maßnahmen\n\n- Zutrittskontrolle mit Chipkarte\n\n| Unterauftragnehmer | Anschrift | Leistung | Verarbeitungsort |\n|---|---|---|---|\n| Gamma GmbH | Weg 1, 10115 Berlin | Hosting | Berlin |\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(missingAnnexHeading, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(missingAnnexHeading, file).map(brief), fixtures[name] ?? []));
  }
});
