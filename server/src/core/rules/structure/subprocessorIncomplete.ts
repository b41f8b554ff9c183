import * as l10n from '@vscode/l10n';
import type { Cell } from '../../model/types.js';
import type { Rule } from '../types.js';

/** Legal forms that identify a legal entity (German, EU and common foreign forms). */
const LEGAL_FORM = new RegExp(
  String.raw`(?<![\p{L}])(?:g?GmbH|mbH|AG|SE|KGaA|KG|OHG|oHG|GbR|PartG(?: mbB)?|e\.\s?K\.|e\.\s?V\.|eG|UG|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|plc|B\.?V\.?|N\.?V\.?|S\.?A\.?S?|SARL|S\.à r\.l\.|S\.r\.l\.|S\.p\.A\.|sp\. z o\.o\.|A/S|ApS|AB|Oy|AS|Stiftung|Gesellschaft mit beschränkter Haftung|Aktiengesellschaft|Anstalt des öffentlichen Rechts|Körperschaft des öffentlichen Rechts)(?![\p{L}])`,
  'u',
);

const filled = (cell: Cell | undefined): boolean => !!cell && cell.text.replace(/\[[^\]]*\]|\{\{[^}]*\}\}|_{3,}|\bX{2,}\b|[-–—/.]/g, '').trim() !== '';

/**
 * A sub-processor entry without legal entity (a legal form in the name), address or seat, processing
 * location or service. One finding per entry naming exactly what is missing.
 */
export const subprocessorIncomplete: Rule = {
  id: 'subprocessor-incomplete',
  check({ parsed }, report) {
    for (const s of parsed.model.subprocessors) {
      const missing: string[] = [];
      if (!filled(s.name) || !LEGAL_FORM.test(s.name!.text)) missing.push('legalEntity');
      if (!filled(s.address)) missing.push('address');
      if (!filled(s.location)) missing.push('location');
      if (!filled(s.service)) missing.push('service');
      if (missing.length === 0) continue;
      const name = s.name?.text.trim() || s.table.rows.find((r) => r.some((c) => c.start === s.start))?.[0]?.text || '';
      report({
        message: l10n.t('Sub-processor entry "{0}" lacks {1}; expected legal entity, address or registered office, processing location and service.', name, missing.map(describe).join(', ')),
        range: s.range,
        data: { missing },
      });
    }
  },
};

function describe(what: string): string {
  switch (what) {
    case 'legalEntity': return l10n.t('the legal entity (name with legal form)');
    case 'address': return l10n.t('the address or registered office');
    case 'location': return l10n.t('the processing location');
    default: return l10n.t('the service');
  }
}
