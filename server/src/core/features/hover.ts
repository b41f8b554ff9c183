import * as l10n from '@vscode/l10n';
import type { Knowledge } from '../knowledge/types.js';
import { citeLabel } from '../model/labels.js';
import type { ParsedContract } from '../model/build.js';
import type { Citation, Range } from '../model/types.js';
import type { Position } from '../text/lineIndex.js';
import { citationUrl, elementAt } from './navigation.js';
import { normUnitHover } from './normHover.js';
import { tomHover } from './tomCompletion.js';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** Hovers: a norm citation with its official title and link, a cross reference with its target, a term with its definition. */
export function hover(parsed: ParsedContract, position: Position, knowledge: Knowledge): HoverResult | undefined {
  const el = elementAt(parsed, position);
  if (!el) return knowledge.tom ? tomHover(parsed, position, knowledge.tom) : undefined;
  const { source } = parsed;
  switch (el.kind) {
    case 'citation':
      // cites the exact unit (Abs. › UAbs. › S. › lit.) where the norm database knows it
      return { contents: knowledge.normUnits ? normUnitHover(el.citation, knowledge, knowledge.normUnits) : citationHover(el.citation, knowledge), range: el.citation.range };
    case 'reference': {
      const r = el.reference;
      if (r.external) {
        return { contents: l10n.t('**{0}** refers to another document ({1}); it is not part of this contract.', r.text, r.external), range: r.range };
      }
      if (!r.target) {
        return { contents: l10n.t('**{0}**: this contract has no such part.', r.text), range: r.range };
      }
      const t = r.target;
      const heading = 'heading' in t ? `${t.label} ${t.title}`.trim() : citeLabel(t);
      const excerpt = collapse(source.text.slice('heading' in t ? t.heading.end : t.start, Math.min(t.end, ('heading' in t ? t.heading.end : t.start) + 400)));
      const partial = r.resolution === 'partial' ? `\n\n${l10n.t('Only {0} exists; the rest of the reference points to nothing.', citeLabel(t))}` : '';
      return { contents: `**${heading}**${excerpt ? `\n\n${excerpt}${excerpt.length >= 300 ? ' …' : ''}` : ''}${partial}`, range: r.range };
    }
    case 'term': {
      const t = el.term;
      const role = t.role === 'controller' ? l10n.t('controller (Art. 4 Nr. 7 DSGVO)') : t.role === 'processor' ? l10n.t('processor (Art. 4 Nr. 8 DSGVO)') : undefined;
      const def = t.definitions[0];
      const where = def ? l10n.t('defined in line {0}', def.range.start.line + 1) : '';
      const lines = [`**„${t.term}“**${t.aliases.length ? ` (${l10n.t('also')} ${t.aliases.map((a) => `„${a}“`).join(', ')})` : ''}`];
      if (role) lines.push(l10n.t('Role: {0}', role));
      lines.push(`${l10n.t('Defined term')}, ${where}; ${l10n.t('{0} uses', t.occurrences.length)}.`);
      return { contents: lines.join('\n\n'), range: el.span.range };
    }
    case 'placeholder': {
      const p = el.placeholder;
      const text = p.kind === 'binding'
        ? p.value !== undefined ? l10n.t('`{0}` is filled from the front matter: **{1}**', p.path ?? '', p.value) : l10n.t('`{0}` has no value in the front matter.', p.path ?? '')
        : l10n.t('Placeholder: fill in before signing.');
      return { contents: text, range: p.range };
    }
    case 'section': {
      const s = el.section;
      const refs = parsed.model.references.filter((r) => r.target && ('heading' in r.target ? r.target : r.target.section) === s).length;
      return { contents: `**${`${s.label} ${s.title}`.trim()}**\n\n${l10n.t('{0} references to this part', refs)}`, range: s.heading.range };
    }
  }
}

/** "Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO" → title, chapter, the parsed parts and the official source. */
export function citationHover(c: Citation, knowledge: Knowledge): string {
  const lines: string[] = [];
  if (c.unit === 'act') {
    const act = knowledge.euActs.get(c.law);
    lines.push(`**${c.text}**`);
    if (act) {
      lines.push(act.title);
      if (act.status) lines.push(`${l10n.t('Status')}: ${act.status}`);
    } else {
      lines.push(l10n.t('Unknown legal act.'));
    }
  } else {
    const norm = c.article ? knowledge.norms.get(c.law)?.get(c.article) : undefined;
    const law = knowledge.laws.find((l) => l.id === c.law);
    const short = c.law === 'BDSG-alt' ? 'BDSG a. F.' : c.law;
    const head = c.unit === 'ErwG' ? `${l10n.t('Recital')} ${c.article} DSGVO` : `${c.unit} ${c.article}${c.articleTo ? `–${c.articleTo}` : ''}${c.ff ? ' ff.' : ''} ${short}`;
    lines.push(`**${head}**${norm ? ` – ${norm.title}` : ''}`);
    if (law && law.name !== short) lines.push(`_${law.name}_`);
    if (norm?.chapter) lines.push(`${l10n.t('Chapter')} ${norm.chapter.number}: ${norm.chapter.title}`);
    const parts = [
      c.paragraph && `Abs. ${c.paragraph}`,
      c.subparagraph && `UAbs. ${c.subparagraph}`,
      c.sentence && `S. ${c.sentence}`,
      c.halfSentence && `Hs. ${c.halfSentence}`,
      c.number && `Nr. ${c.number}`,
      c.letter && `lit. ${c.letter}`,
    ].filter(Boolean);
    if (parts.length) lines.push(`${l10n.t('Cited unit')}: ${parts.join(' ')}`);
    if (c.more?.length) lines.push(`${l10n.t('Also cited')}: ${c.more.map((n) => `${c.unit} ${n}`).join(', ')}`);
    if (c.lawImplied) lines.push(`_${l10n.t('The law is not named; read as the DSGVO.')}_`);
    if (law?.repealed) {
      lines.push(`⚠ ${l10n.t('Repealed')}${law.repealed.date ? ` (${law.repealed.date})` : ''}${law.repealed.replacedBy ? `; ${l10n.t('today')}: ${law.repealed.replacedBy}` : ''}`);
    }
  }
  const url = citationUrl(c, knowledge);
  if (url) lines.push(`[${l10n.t('Official text')}](${url})`);
  return lines.join('\n\n');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}
