import * as l10n from '@vscode/l10n';
import type { Knowledge, NormInfo } from '../knowledge/types.js';
import { missingReason, noArticle } from '../knowledge/unitProblems.js';
import { pathLabel, resolveUnit, type NormStructure, type NormUnits, type RepealedEntry, type Replacement } from '../knowledge/units.js';
import type { Citation } from '../model/types.js';
import { citationHover } from './hover.js';
import { citationUrl } from './navigation.js';

/**
 * Markdown hover for a norm citation that names exactly the cited unit: for "Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h DSGVO"
 * the title of Art. 28, the path "Abs. 3 › UAbs. 1 › S. 2 › lit. h" with the summary of lit. h, the chapter, the related
 * recitals and the official link. Says when the cited unit does not exist, reads the short form without UAbs. as
 * UAbs. 1, lists the titles of a range ("Art. 32–36"), the chapter of "Art. 44 ff.", and for repealed norms and acts
 * what replaced them. Citations the norm data does not cover get the general hover (citationHover).
 */
export function normUnitHover(c: Citation, knowledge: Knowledge, units: NormUnits): string {
  if (c.unit === 'act') {
    const repealed = units.repealedActs.get(c.law);
    return repealed ? repealedHover(c, repealed, knowledge) : citationHover(c, knowledge);
  }
  if (c.unit === 'ErwG') return recitalHover(c, knowledge, units);
  if (c.law === 'BDSG-alt') {
    const repealed = c.article ? units.repealedNorms.get(`BDSG-alt ${c.article}`) : undefined;
    return repealed ? repealedHover(c, repealed, knowledge) : citationHover(c, knowledge);
  }
  const law = units.laws.get(c.law);
  if (!law || !c.article) return citationHover(c, knowledge);
  if (c.articleTo || c.ff || c.more?.length) return listHover(c, knowledge, units);

  const r = resolveUnit(c, units);
  if (r.status === 'unknown-law' || r.status === 'unstructured') return citationHover(c, knowledge);
  const info = knowledge.norms.get(c.law)?.get(c.article);
  const lines = [heading(`${law.unit} ${c.article} ${c.law}`, info)];
  if (r.status === 'no-article') {
    lines.push(`⚠ ${noArticle(law)}`);
    return lines.join('\n\n');
  }
  const { norm, path } = r;
  const hs = c.halfSentence ? ` › Hs. ${c.halfSentence}` : '';
  if (r.status === 'missing') {
    lines.push(`⚠ ${missingReason(r)}`);
  } else if (path.length) {
    const last = path[path.length - 1];
    lines.push(`**${pathLabel(path, ' › ')}${hs}**: ${last?.summary ?? ''}`);
    if (path.some((s) => s.implied)) {
      lines.push(`_${l10n.t('Short form, read as {0}.', `${law.unit} ${norm.article} ${pathLabel(path)}`)}_`);
    }
    if (r.unrecorded.length) {
      lines.push(`_${l10n.t('{0} is not recorded in detail; the summary is that of the enclosing unit.', pathLabel(r.unrecorded))}_`);
    }
  } else {
    lines.push(...outline(norm));
  }
  if (c.lawImplied) lines.push(`_${l10n.t('The law is not named; read as the DSGVO.')}_`);
  if (info?.chapter) lines.push(`${l10n.t('Chapter')} ${info.chapter.number}: ${info.chapter.title}`);
  if (norm.recitals.length) lines.push(`${l10n.t('Recitals')}: ${norm.recitals.map((n) => recitalLink(n, knowledge)).join(', ')}`);
  if (norm.note) lines.push(`${l10n.t('Note')}: ${norm.note}`);
  lines.push(`[${l10n.t('Official text')}](${norm.url})`);
  return lines.join('\n\n');
}

function heading(label: string, info: NormInfo | undefined): string {
  return `**${label}**${info ? ` – ${info.title}` : ''}`;
}

/** A norm cited as a whole: its summary, or its first level of units with their summaries. */
function outline(norm: NormStructure): string[] {
  if (norm.summary) return [norm.summary];
  return [norm.units.map((u) => `- **${u.kind} ${u.n}**: ${u.summary}`).join('\n')];
}

/** "Art. 32–36", "Art. 44 ff.", "Art. 33, 34": the title of each article (ff.: the rest of its chapter). */
function listHover(c: Citation, knowledge: Knowledge, units: NormUnits): string {
  const law = units.laws.get(c.law);
  const unit = law?.unit ?? c.unit;
  const norms = knowledge.norms.get(c.law) ?? new Map<string, NormInfo>();
  const first = Number.parseInt(c.article ?? '', 10);
  let numbers: string[];
  const lines: string[] = [];
  if (c.articleTo) {
    const last = Number.parseInt(c.articleTo, 10);
    numbers = Array.from({ length: Math.max(0, Math.min(last - first + 1, 100)) }, (_, i) => String(first + i));
    lines.push(`**${unit} ${c.article}–${c.articleTo} ${c.law}**`);
  } else if (c.ff) {
    const chapter = norms.get(c.article ?? '')?.chapter;
    numbers = [...norms.values()].filter((n) => chapter && Number(n.number) >= first && n.chapter?.number === chapter.number).map((n) => n.number);
    lines.push(`**${unit} ${c.article} ff. ${c.law}**`);
    if (chapter) lines.push(`${l10n.t('Chapter')} ${chapter.number}: ${chapter.title}`);
  } else {
    numbers = [c.article ?? '', ...(c.more ?? [])];
    lines.push(`**${unit} ${numbers.join(', ')} ${c.law}**`);
  }
  if (law) {
    const beyond = numbers.filter((n) => Number.parseInt(n, 10) > law.lastArticle);
    if (beyond.length) lines.push(`⚠ ${noArticle(law)}`);
    numbers = numbers.filter((n) => !beyond.includes(n));
  }
  const items = numbers.map((n) => {
    const info = norms.get(n);
    const url = info?.url ?? knowledge.laws.find((l) => l.id === c.law)?.url?.replace('{n}', n);
    const label = url ? `[${unit} ${n}](${url})` : `${unit} ${n}`;
    return `- ${label}${info ? ` – ${info.title}` : ''}`;
  });
  if (items.length) lines.push(items.join('\n'));
  return lines.join('\n\n');
}

function recitalHover(c: Citation, knowledge: Knowledge, units: NormUnits): string {
  const lines = [`**${l10n.t('Recital')} ${c.article ?? ''} DSGVO**`];
  const max = units.laws.get('DSGVO')?.recitals;
  const n = Number.parseInt(c.article ?? '', 10);
  if (max && (!Number.isFinite(n) || n < 1 || n > max)) {
    lines.push(`⚠ ${l10n.t('The {0} has only {1} recitals.', 'DSGVO', max)}`);
    return lines.join('\n\n');
  }
  const url = citationUrl(c, knowledge);
  if (url) lines.push(`[${l10n.t('Official text')}](${url})`);
  return lines.join('\n\n');
}

function recitalLink(n: number, knowledge: Knowledge): string {
  const base = knowledge.norms.get('DSGVO')?.get('1')?.url;
  return base ? `[${n}](${base.replace(/#.*$/, `#rct_${n}`)})` : String(n);
}

/** A repealed norm or an invalid act: since when, by what, and what applies today. */
function repealedHover(c: Citation, e: RepealedEntry, knowledge: Knowledge): string {
  const date = e.end.date.split('-').reverse().join('.');
  const lines = [`**${e.designation}** – ${e.title}`];
  const status = e.end.state === 'invalid'
    ? l10n.t('Invalid since {0} ({1}).', date, e.end.by)
    : l10n.t('Repealed with effect from {0} ({1}).', date, e.end.by);
  const transition = e.end.transitionalUntil ? ` ${l10n.t('Transitional period until {0}.', e.end.transitionalUntil.split('-').reverse().join('.'))}` : '';
  lines.push(`⚠ ${status}${transition}`);
  lines.push(`${l10n.t('Replaced by')}:\n${replacements(e.replacedBy)}`);
  if (e.annex && c.unit !== 'act') lines.push(`**${e.annex.title}**: ${e.annex.summary}\n${replacements(e.annex.replacedBy)}`);
  if (e.note) lines.push(`${l10n.t('Note')}: ${e.note}`);
  const act = c.unit === 'act' ? knowledge.euActs.get(c.law) : undefined;
  lines.push(`[${l10n.t('Official text')}](${act?.url ?? e.source})`);
  return lines.join('\n\n');
}

function replacements(list: readonly Replacement[]): string {
  return list.map((r) => `- [${r.citation}](${r.url})${r.note ? `: ${r.note}` : ''}`).join('\n');
}
