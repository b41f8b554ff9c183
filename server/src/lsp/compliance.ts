import * as l10n from '@vscode/l10n';
import { countCoverage, type Knowledge, type RequirementReport } from '../core/index.js';
import { renderCompliancePanel, type ComplianceEntry } from '../core/render/html.js';

/** The preview's compliance panel from the analysis' coverage, with the rule titles in the UI language. */
export function compliancePanel(coverage: readonly RequirementReport[], knowledge: Knowledge, english: boolean): string {
  const groups: [RequirementReport['group'], string][] = [
    ['art28', l10n.t('Art. 28 GDPR: mandatory content')],
    ['duties', l10n.t('Further duties and good practice')],
    ['tom', l10n.t('TOM annex (Art. 32 GDPR)')],
  ];
  return renderCompliancePanel(groups.map(([group, title]) => {
    const c = countCoverage(coverage, group);
    return {
      title,
      summary: l10n.t('{0} of {1} present', c.present, c.applicable),
      entries: coverage.filter((r) => r.group === group).map((r): ComplianceEntry => {
        const meta = knowledge.rules.get(r.id);
        const target = r.status === 'missing' ? r.anchor ?? r.evidence[0] : r.evidence[0] ?? r.anchor;
        return {
          status: r.status,
          title: meta ? (english ? meta.title.en : meta.title.de) : r.id,
          norm: meta?.norm ?? null,
          missing: r.missing,
          ...(target ? { line: target.start.line } : {}),
        };
      }),
    };
  }), l10n.t('Requirements of the catalogue'));
}
