import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { emptySection } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule empty-section', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports headings without content; a parent with content in its subsections and a comment-only section',
      text: '# AVV\n\n## § 1 A\n\nText.\n\n## § 2 Datenschutzfreundliche Voreinstellungen\n\n## § 3 C\n\n### 3.1 Unter\n\nText.\n\n## § 4 D\n\n<!-- avv-disable placeholder -- Grund -->\n\n## § 5 E\n',
      expected: [
        '6:0-6:46 warning "§ 2 Datenschutzfreundliche Voreinstellungen" has a heading but no content; expected the provision it announces, or no heading.',
        '14:0-14:8 warning "§ 4 D" has a heading but no content; expected the provision it announces, or no heading.',
        '18:0-18:8 warning "§ 5 E" has a heading but no content; expected the provision it announces, or no heading.',
      ],
    },
    {
      name: 'is silent on sections with text, clauses, items or a table',
      text: '# AVV\n\n## § 1 A\n\nText.\n\n## § 2 B\n\n(1) Eins.\n\n## § 3 C\n\n- Punkt\n\n## Anlage 1 – Liste\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(emptySection, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(emptySection, file).map(brief), fixtures[name] ?? []));
  }
});
