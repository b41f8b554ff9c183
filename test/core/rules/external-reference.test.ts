import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { externalReference } from '../../../server/src/core/rules/structure/index.js';
import { brief, corpus, run, runFile } from './support.js';

describe('rule external-reference', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'reports a reference into the main contract, naming the document',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Es gilt Ziffer 4 des Hauptvertrages.\n',
      expected: [
        '6:12-6:39 info "Ziffer 4 des Hauptvertrages" refers to the Hauptvertrag, which is not attached; expected the cited content in this contract or the document attached.',
      ],
    },
    {
      name: 'is silent on an internal reference',
      text: '# AVV\n\nAlpha GmbH (nachfolgend „Verantwortlicher“) und Beta AG (nachfolgend „Auftragsverarbeiter“)\n\n## § 1 A\n\n(1) Es gilt Abs. 2.\n\n(2) Text.\n',
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(run(externalReference, c.text).map(brief), c.expected));

  const fixtures: Record<string, string[]> = {
    'crlf-ziffer.avv.md': [
      '16:173-16:200 info "Ziffer 4 des Hauptvertrages" refers to the Hauptvertrag, which is not attached; expected the cited content in this contract or the document attached.',
    ],
    'dezimal.avv.md': [
      '18:224-18:258 info "Ziffer 3 der Leistungsvereinbarung" refers to the Leistungsvereinbarung, which is not attached; expected the cited content in this contract or the document attached.',
    ],
    'frontmatter.avv.md': [
      '37:270-37:293 info "§ 4 des Rahmenvertrages" refers to the Rahmenvertrag, which is not attached; expected the cited content in this contract or the document attached.',
    ],
    'word-export.md': [
      '74:40-74:72 info "§ 4 Abs. 3 des Nutzungsvertrages" refers to the Nutzungsvertrag, which is not attached; expected the cited content in this contract or the document attached.',
    ],
    'word-export.txt': [
      '74:40-74:72 info "§ 4 Abs. 3 des Nutzungsvertrages" refers to the Nutzungsvertrag, which is not attached; expected the cited content in this contract or the document attached.',
    ],
  };
  for (const file of corpus) {
    const name = path.basename(file);
    it(`finds exactly the expected findings in ${name}`, () => assert.deepEqual(runFile(externalReference, file).map(brief), fixtures[name] ?? []));
  }
});
