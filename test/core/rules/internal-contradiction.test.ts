import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { internalContradiction } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule internal-contradiction', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports approval vs safeguards-only transfers and 24 vs 48 hours',
      text: '# AVV\n\nMuster Verlags GmbH (nachfolgend „Auftraggeber“) und Beta AG (nachfolgend „Auftragnehmer“)\n\n## § 1 A\n\n(1) Eine Übermittlung in ein Drittland bedarf der vorherigen Zustimmung des Auftraggebers.\n\n(2) Der Auftragnehmer darf Daten in Drittländer übermitteln, wenn geeignete Garantien bestehen.\n\n(3) Der Auftragnehmer meldet Verletzungen des Schutzes personenbezogener Daten unverzüglich, spätestens binnen 24 Stunden.\n\n## § 2 B\n\n(1) Verletzungen des Schutzes personenbezogener Daten meldet der Auftragnehmer innerhalb von 48 Stunden.\n',
      expected: [
        '8:66-8:85 warning Third-country transfers need prior approval or an instruction in one clause but only appropriate safeguards in another; expected one consistent rule.',
        '14:93-14:103 warning The deadline for notifying a personal data breach is 48 hours here but 24 hours in another clause; expected one deadline.',
      ],
    },
    {
      name: 'is silent when approval and safeguards are cumulative and the 72 hours are the authority\'s',
      text: '# AVV\n\nMuster Verlags GmbH (nachfolgend „Auftraggeber“) und Beta AG (nachfolgend „Auftragnehmer“)\n\n## § 1 A\n\n(1) Eine Übermittlung in ein Drittland bedarf der vorherigen Zustimmung des Auftraggebers und geeigneter Garantien.\n\n(2) Der Auftragnehmer meldet Verletzungen des Schutzes personenbezogener Daten spätestens binnen 24 Stunden, damit der Auftraggeber die Aufsichtsbehörde binnen 72 Stunden unterrichten kann.\n\n(3) Der Auftragnehmer meldet eine Verletzung des Schutzes personenbezogener Daten binnen 24 Stunden.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(internalContradiction, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(internalContradiction, file).map(brief), fixtures[name] ?? []));
  }
});
