import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { conversionArtifact } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule conversion-artifact', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports a bookmark and a sentence broken by a blank line',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Auftragsverarbeiter[bookmark: _GoBack] meldet\n\nunverzüglich jede Verletzung.\n',
      expected: [
        '6:27-6:46 info Word bookmark "[bookmark: _GoBack]" left over from a conversion; expected it removed.',
        '6:53-8:0 info A blank line breaks this sentence in two; expected one paragraph.',
      ],
    },
    {
      name: 'reports a soft hyphen at its one character',
      text: '# AVV\n\n## § 1 A\n\n(1) Text mit Weich\u00adtrennung.\n',
      expected: [
        '4:18-4:19 info Soft hyphen left over from a conversion; expected it removed.',
      ],
    },
    {
      name: 'is silent on clean text, and on a list after a colon',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Der Auftragsverarbeiter meldet:\n\na) jede Verletzung.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(conversionArtifact, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
    'word-export.md': [
      '33:86-35:0 info A blank line breaks this sentence in two; expected one paragraph.',
      '50:69-50:70 info Soft hyphen left over from a conversion; expected it removed.',
      '72:23-72:42 info Word bookmark "[bookmark: _GoBack]" left over from a conversion; expected it removed.',
      '74:23-74:24 info Soft hyphen left over from a conversion; expected it removed.',
    ],
    'word-export.txt': [
      '33:86-35:0 info A blank line breaks this sentence in two; expected one paragraph.',
      '50:69-50:70 info Soft hyphen left over from a conversion; expected it removed.',
      '72:23-72:42 info Word bookmark "[bookmark: _GoBack]" left over from a conversion; expected it removed.',
      '74:23-74:24 info Soft hyphen left over from a conversion; expected it removed.',
    ],
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(conversionArtifact, file).map(brief), fixtures[name] ?? []));
  }
});
