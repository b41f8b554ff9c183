import * as l10n from '@vscode/l10n';
import type { Rule } from '../types.js';

/** A reference into another document that is not attached ("Ziffer 4 des Hauptvertrages"). */
export const externalReference: Rule = {
  id: 'external-reference',
  check({ parsed }, report) {
    const { model } = parsed;
    // the defined name of the document ("Rahmenvertrag") rather than its inflected form ("Rahmenvertrages")
    const names = model.terms.flatMap((t) => [t.term, ...t.aliases]).sort((a, b) => b.length - a.length);
    for (const r of model.references) {
      if (!r.external) continue;
      const document = names.find((n) => r.external!.toLowerCase().startsWith(n.toLowerCase())) ?? baseForm(r.external);
      report({
        message: l10n.t('"{0}" refers to the {1}, which is not attached; expected the cited content in this contract or the document attached.', r.text, document),
        range: r.range,
        data: { document },
      });
    }
  },
};

/** "Hauptvertrages" → "Hauptvertrag": the genitive of the usual document words. */
function baseForm(word: string): string {
  return word.replace(/(?<=ag|ot|kt|rt)e?s$/, '');
}
