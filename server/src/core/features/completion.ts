import * as l10n from '@vscode/l10n';
import type { Knowledge } from '../knowledge/types.js';
import type { ParsedContract } from '../model/build.js';
import type { Range, Section } from '../model/types.js';
import type { Position } from '../text/lineIndex.js';
import { tomCompletions } from './tomCompletion.js';
import { clauseCompletions } from './clauseCompletion.js';
import type { ClauseLibrary } from '../fixes/library.js';

/** Completion items in LSP shape (kind numbers from the protocol). */
export interface Completion {
  label: string;
  kind: number;
  detail?: string;
  documentation?: string;
  filterText?: string;
  sortText?: string;
  textEdit: { range: Range; newText: string };
}

const KIND_REFERENCE = 18;
const KIND_MODULE = 9;
const KIND_CONSTANT = 21;
const KIND_VARIABLE = 6;

/**
 * Context-aware completion: after "§", "Ziffer" or "Anlage" the parts of this contract; after "Art." the
 * DSGVO articles with their titles; after "{{" the front-matter values; elsewhere the defined terms.
 */
export function completions(parsed: ParsedContract, position: Position, knowledge: Knowledge, library?: ClauseLibrary): Completion[] {
  // "Klausel …" or an empty line after a heading: the standard clauses of the library
  const clauses = library ? clauseCompletions(parsed, position, library) : [];
  if (clauses.length) return clauses;
  // inside the TOM annex, the catalogue's measures come first
  const tom = knowledge.tom ? tomCompletions(parsed, position, knowledge.tom) : [];
  return tom.length ? [...tom, ...contractCompletions(parsed, position, knowledge)] : contractCompletions(parsed, position, knowledge);
}

function contractCompletions(parsed: ParsedContract, position: Position, knowledge: Knowledge): Completion[] {
  const { model, source } = parsed;
  const lineStart = source.originalLines.lineStart(position.line);
  const cursor = source.originalLines.offsetAt(position);
  const before = source.original.slice(lineStart, cursor);
  const replace = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });

  let m = /\{\{\s*([\p{L}\d_.]*)$/u.exec(before);
  if (m) {
    const fm = model.frontMatter;
    if (!fm) return [];
    const paths = [...fm.valueSpans.keys()].filter((k) => !/^(?:regeln|rules|begriffe|terms)\./.test(k)).map((k) => k.replace(/^(?:parteien|parties)\./, ''));
    return paths.map((p) => ({
      label: p,
      kind: KIND_VARIABLE,
      detail: String(lookup(fm.data, p) ?? lookup(fm.data, `parteien.${p}`) ?? ''),
      textEdit: { range: replace(m![1]!.length), newText: `${p}}}` },
    }));
  }

  m = /(?<![\p{L}])(§|Ziffer|Ziff\.|Anlage|Anhang)[ \u00a0]*([\dIVX.]*)$/u.exec(before);
  if (m) {
    const word = m[1]!;
    const annex = word.startsWith('An');
    const targets: Section[] = annex ? model.annexes : model.allSections.filter((s) => s.kind === 'section' && s.number !== '' && (word === '§' ? s.style === 'paragraph' : s.style !== 'paragraph'));
    return targets.map((s, i) => {
      const label = annex ? `${word} ${s.number}` : word === '§' ? `§ ${s.number}` : `${word} ${s.number}`;
      return {
        label,
        kind: annex ? KIND_MODULE : KIND_REFERENCE,
        detail: s.title,
        documentation: excerpt(source.text.slice(s.heading.end, s.end)),
        filterText: `${word} ${s.number} ${s.title}`,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range: replace(m![0].length), newText: label },
      };
    });
  }

  m = /(?<![\p{L}])(Art\.|Artikel)[ \u00a0]*(\d*)$/u.exec(before);
  if (m) {
    const dsgvo = knowledge.norms.get('DSGVO');
    if (!dsgvo) return [];
    return [...dsgvo.values()].map((n) => ({
      label: `Art. ${n.number} DSGVO`,
      kind: KIND_CONSTANT,
      detail: n.title,
      documentation: n.chapter ? `${l10n.t('Chapter')} ${n.chapter.number}: ${n.chapter.title}` : '',
      filterText: `${m![1]} ${n.number} ${n.title}`,
      sortText: n.number.padStart(3, '0'),
      textEdit: { range: replace(m![0].length), newText: `Art. ${n.number} DSGVO` },
    }));
  }

  m = /(?<![\p{L}\d])(\p{Lu}[\p{L}-]*)$/u.exec(before);
  const prefix = m?.[1] ?? '';
  const out: Completion[] = [];
  for (const t of model.terms) {
    for (const name of [t.term, ...t.aliases]) {
      out.push({
        label: name,
        kind: KIND_VARIABLE,
        detail: l10n.t('Defined term'),
        documentation: t.role === 'controller' ? l10n.t('controller (Art. 4 Nr. 7 DSGVO)') : t.role === 'processor' ? l10n.t('processor (Art. 4 Nr. 8 DSGVO)') : '',
        textEdit: { range: replace(prefix.length), newText: name },
      });
    }
  }
  for (const p of model.parties) {
    out.push({ label: p.name, kind: KIND_CONSTANT, detail: p.role === 'controller' ? l10n.t('controller (Art. 4 Nr. 7 DSGVO)') : l10n.t('processor (Art. 4 Nr. 8 DSGVO)'), textEdit: { range: replace(prefix.length), newText: p.name } });
  }
  return out;
}

function lookup(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
}

function excerpt(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 240 ? `${t.slice(0, 240)} …` : t;
}
