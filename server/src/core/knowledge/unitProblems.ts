import * as l10n from '@vscode/l10n';
import type { Citation } from '../model/types.js';
import { articleExists, formatRange, pathLabel, resolveUnit, type LawUnits, type NormUnit, type NormUnits, type UnitResolution } from './units.js';

/** Why a citation names nothing, with the data a fix or a test needs. */
export interface CitationProblem {
  /** "Art. 28 has only 10 paragraphs (Abs.)." */
  reason: string;
  data: { law: string; article?: string; missing: string; available?: string };
}

/**
 * The first reason why a DSGVO or BDSG citation (or a recital) names a unit that does not exist, or undefined.
 * An article number beyond the law is only reported when the law is written: "Art. 100" alone may belong to another law.
 */
export function citationProblem(c: Citation, units: NormUnits): CitationProblem | undefined {
  if (c.unit === 'ErwG') {
    const dsgvo = units.laws.get('DSGVO');
    const n = Number.parseInt(c.article ?? '', 10);
    if (dsgvo?.recitals && Number.isFinite(n) && (n < 1 || n > dsgvo.recitals)) {
      return { reason: l10n.t('The {0} has only {1} recitals.', 'DSGVO', dsgvo.recitals), data: { law: 'ErwG', article: c.article, missing: `ErwG ${c.article}` } };
    }
    return undefined;
  }
  const law = units.laws.get(c.law);
  if (!law || c.unit === 'act' || !c.article) return undefined;
  if (!c.lawImplied) {
    for (const n of [c.article, c.articleTo, ...(c.more ?? [])]) {
      if (n !== undefined && !articleExists(n, law)) return { reason: noArticle(law), data: { law: law.law, article: n, missing: `${law.unit} ${n}` } };
    }
  }
  // Sub-units of a range or list ("Art. 33, 34 Abs. 2") are not attributed to one article.
  if (c.articleTo || c.ff || c.more?.length) return undefined;
  const r = resolveUnit(c, units);
  if (r.status !== 'missing') return undefined;
  const data: CitationProblem['data'] = { law: law.law, article: r.norm.article, missing: `${r.step.kind} ${r.step.n}` };
  if (r.available.length) data.available = describeUnits(r.available);
  return { reason: missingReason(r), data };
}

/** "The DSGVO has only 99 articles." / "The BDSG ends with § 86." */
export function noArticle(law: LawUnits): string {
  return law.unit === 'Art.'
    ? l10n.t('The {0} has only {1} articles.', law.law, law.lastArticle)
    : l10n.t('The {0} ends with § {1}.', law.law, law.lastArticle);
}

/** "Art. 28 has only 10 paragraphs (Abs.).", "Art. 28 Abs. 3 UAbs. 1 S. 2 has only the letters a–h." */
export function missingReason(r: Extract<UnitResolution, { status: 'missing' }>): string {
  const where = `${r.law.unit} ${r.norm.article}${r.path.length ? ` ${pathLabel(r.path)}` : ''}`;
  const { step, available } = r;
  const same = available.filter((u) => u.kind === step.kind);
  if (same.length) {
    switch (step.kind) {
      case 'Abs.':
        return l10n.t('{0} has only {1} paragraphs (Abs.).', where, same.length);
      case 'UAbs.':
        return l10n.t('{0} has only {1} subparagraphs (UAbs.).', where, same.length);
      case 'S.':
        return l10n.t('{0} has only {1} sentences.', where, same.length);
      case 'lit.':
        return l10n.t('{0} has only the letters {1}.', where, formatRange(same));
      case 'Nr.':
        return l10n.t('{0} has only the numbers {1}.', where, formatRange(same));
    }
  }
  if (available.length) return l10n.t('{0} has no {1}; it is divided into {2}.', where, step.kind, describeUnits(available));
  if (step.kind === 'S.') return l10n.t('{0} has only one sentence.', where);
  return l10n.t('{0} has no subdivisions.', where);
}

/** "Nr. 1–26", "UAbs. 1–2", "lit. a–h": the units grouped by kind. */
function describeUnits(units: readonly NormUnit[]): string {
  const kinds = [...new Set(units.map((u) => u.kind))];
  return kinds.map((k) => `${k} ${formatRange(units.filter((u) => u.kind === k))}`).join(', ');
}
