import * as l10n from '@vscode/l10n';
import type { Rule } from './types.js';

/**
 * Outdated and wrong references (BDSG a. F., Safe Harbor, old SCC, superseded standards …): one module
 * for the 29 ids of the catalogue, because each differs only in data — the search patterns, the modern
 * reference and the severity live in data/rules.json; a test keeps this list equal to the data.
 */
export const OUTDATED_REFERENCE_IDS = [
  'out-bdsg-af-5-datengeheimnis', 'out-bdsg-af-11', 'out-term-auftragsdatenverarbeitung', 'out-legacy-11-structure',
  'out-bdsg-af-9', 'out-bdsg-af-9-wording', 'out-bdsg-af-42a', 'out-bdsg-af-42a-wording', 'out-dpo-bdsg-af',
  'out-dpo-written', 'out-bdsg-af-verfahrensverzeichnis', 'out-bdsg-af-vorabkontrolle', 'out-bdsg-af-transfer',
  'out-term-sperrung', 'out-term-bdsg-af-verarbeitung', 'out-dir-95-46', 'out-tmg-datenschutz', 'out-safe-harbor',
  'out-privacy-shield', 'out-scc-old', 'wrong-art26-instructions', 'out-art28-3-s3', 'out-din-32757',
  'out-iso27001-2013', 'out-iso27002-2013', 'out-bsi-grundschutz-kataloge', 'out-vergleichsverfahren',
  'wrong-processor-72h', 'wrong-pseudonym-anonym',
] as const;

const compiled = new Map<string, RegExp[]>();

/** The end of the word a match ends in: the inflection ("Datengeheimnis|ses") belongs to the match. */
function wordEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < 4 && /[\p{L}]/u.test(text[e]!)) e++;
  return e;
}

export const outdatedReferences: Rule = {
  id: OUTDATED_REFERENCE_IDS[0],
  ids: OUTDATED_REFERENCE_IDS,
  check({ parsed, knowledge }, report) {
    const { source, scan } = parsed;
    for (const id of OUTDATED_REFERENCE_IDS) {
      const meta = knowledge.rules.get(id);
      if (!meta?.patterns) continue;
      let patterns = compiled.get(id);
      if (!patterns) compiled.set(id, (patterns = meta.patterns.map((p) => new RegExp(p, 'giu'))));
      const hits: [number, number][] = [];
      for (const re of patterns) {
        re.lastIndex = 0;
        // the masked scan text: nothing inside code, comments or link targets is reported
        for (let m = re.exec(scan); m; m = re.exec(scan)) {
          if (m[0].length === 0) re.lastIndex++;
          else hits.push([m.index, m.index + m[0].length]);
        }
      }
      // "Datengeheimnis nach § 5 BDSG": matches of one id that touch or nearly touch are one finding
      hits.sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const h of hits) {
        const last = merged[merged.length - 1];
        if (last && h[0] - wordEnd(scan, last[1]) <= 8 && !/[.;]/.test(scan.slice(last[1], h[0]))) last[1] = Math.max(last[1], h[1]);
        else merged.push([...h]);
      }
      for (const [start, end] of merged) {
        const found = source.text.slice(start, end).replace(/\s+/g, ' ').trim();
        report({
          ruleId: id,
          message: meta.replacement
            ? l10n.t('"{0}" is outdated; today: {1}', found, meta.replacement)
            : l10n.t('"{0}" is outdated.', found),
          range: source.range(start, end),
          data: { found, ...(meta.replacement ? { replacement: meta.replacement } : {}) },
        });
      }
    }
  },
};
