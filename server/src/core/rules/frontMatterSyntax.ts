import * as l10n from '@vscode/l10n';
import type { Rule } from './types.js';

/** A YAML error in the front matter: reported at the error; the rest of the contract is still checked. */
export const frontMatterSyntax: Rule = {
  id: 'front-matter-syntax',
  check({ parsed }, report) {
    for (const e of parsed.model.frontMatter?.errors ?? []) {
      report({ message: l10n.t('Front matter is not valid YAML: {0}', e.message), range: e.span.range });
    }
  },
};
