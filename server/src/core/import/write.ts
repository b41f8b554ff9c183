import * as l10n from '@vscode/l10n';
import { stringify } from 'yaml';
import type { ImportBlock, ImportDraft, ImportReportEntry, ImportResult } from './types.js';

/**
 * Writes the blocks of an import as AVV-Markdown: `# Titel`, `## § 1 Titel`, Absätze as paragraphs,
 * letters on the lines under their Absatz, bullets as a Markdown list, tables as GFM tables, the
 * rubrum and the signature block line by line; recognised parties go into the front matter as well.
 */
export function writeMarkdown(draft: ImportDraft): ImportResult {
  const { blocks } = draft;
  const report: ImportReportEntry[] = [];
  const parties = recogniseParties(preambleLines(blocks));
  if (parties.length === 0 && preambleLines(blocks).some((l) => /^\s*zwischen\b/i.test(l))) {
    report.push({ message: l10n.t('The parties could not be recognised; they stay in the text of the rubrum only.') });
  }
  let head = '';
  if (parties.length > 0) {
    const data: Record<string, Record<string, string>> = {};
    for (const p of parties) {
      const entry: Record<string, string> = { name: p.name };
      if (p.address) entry['anschrift'] = p.address;
      if (p.representedBy) entry['vertreten_durch'] = p.representedBy;
      data[p.key] = entry;
    }
    head = `---\n${stringify({ parteien: data }, { lineWidth: 0 })}---\n\n`;
  }
  const headLines = head.split('\n').length - 1;

  let out = '';
  const blockLine: number[] = [];
  let prev: ImportBlock | undefined;
  let afterGap = false;
  blocks.forEach((b, i) => {
    if (b.kind === 'gap') {
      afterGap = true;
      return;
    }
    const text = render(b);
    if (text === undefined) return;
    if (prev) out += separator(prev, b, afterGap);
    blockLine[i] = headLines + countLines(out);
    out += text;
    prev = b;
    afterGap = false;
  });
  for (const note of draft.notes) {
    const line = note.block === undefined ? undefined : blockLine[note.block] ?? nearestLine(blockLine, note.block);
    report.push(line === undefined ? { message: note.message } : { message: note.message, line });
  }
  return { markdown: head + out + '\n', report };
}

function nearestLine(lines: number[], index: number): number | undefined {
  for (let i = index; i >= 0; i--) if (lines[i] !== undefined) return lines[i];
  return undefined;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function separator(prev: ImportBlock, b: ImportBlock, afterGap: boolean): string {
  if (prev.kind !== 'paragraph' || b.kind !== 'paragraph' || afterGap) return '\n\n';
  if (prev.verbatim && b.verbatim) return '\n';
  if (prev.item === 'bullet' && b.item === 'bullet') return '\n';
  // letters follow their Absatz on the next line, as lawyers write them in the dialect
  if ((b.item === 'letter' || b.item === 'number') && prev.item !== 'bullet' && !prev.verbatim) return '\n';
  return '\n\n';
}

function render(b: ImportBlock): string | undefined {
  switch (b.kind) {
    case 'title':
      return `# ${escapeInline(b.text)}`;
    case 'heading':
      return `${'#'.repeat(Math.min(b.depth + 1, 6))} ${b.label ? `${b.label} ` : ''}${escapeInline(b.text)}`.trimEnd();
    case 'paragraph': {
      const lines = b.text.split('\n').map((l) => escapeInline(l.trim()));
      if (b.item === 'bullet') return `- ${lines.join('\n  ')}`;
      if (b.marker) return `${b.marker} ${lines.join('\n')}`;
      return lines.map(escapeLineStart).join('\n');
    }
    case 'table':
      return renderTable(b.rows);
    case 'gap':
      return undefined;
  }
}

function renderTable(rows: string[][]): string | undefined {
  if (rows.length === 0) return undefined;
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (t: string) => escapeInline(t.replace(/\s*\n\s*/g, ' ')).replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [line(rows[0]!), `|${Array.from({ length: width }, () => '---').join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Escapes what Markdown would read as syntax inside a line of contract text. */
export function escapeInline(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[`*]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\[([^\]\n]*)\](?=[([:])/g, '\\[$1\\]');
}

/** A line that Markdown would read as a block of its own (heading, quote, list, rule, setext line). */
function escapeLineStart(line: string): string {
  // ordered list markers ("1. Gegenstand") and underscore signature lines stay: the dialect reads them
  return /^(?:#{1,6}(?:\s|$)|>|[-+](?:\s|$)|=+\s*$|-+\s*$|~~~)/.test(line) ? `\\${line}` : line;
}

function preambleLines(blocks: ImportBlock[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') break;
    if (b.kind === 'paragraph') lines.push(...b.text.split('\n'));
    if (b.kind === 'gap') lines.push('');
  }
  return lines;
}

export interface RecognisedParty {
  /** The front-matter key: auftraggeber, auftragnehmer, verantwortlicher, auftragsverarbeiter. */
  key: string;
  name: string;
  address?: string;
  representedBy?: string;
}

const ROLE_LINE = /(?:[(–—-]\s*)?(?:nachfolgend|im\s+Folgenden|nachstehend|hiernach)\b[^„"»‚]*[„"»‚]?\s*(Auftraggeber|Auftragnehmer|Verantwortliche|Auftragsverarbeiter)(?:in|r)?\b/iu;
const ROLE_CAPTION = /^(?:Auftraggeber|Auftragnehmer|Verantwortliche[rn]?|Auftragsverarbeiter)(?:in)?:?$/iu;
const SEPARATOR = /^\s*(?:zwischen|und|sowie)(?:\s+(?:der|dem|den|die|das))?\s*$/i;

/** The parties of the rubrum: "zwischen … – nachfolgend „Auftraggeber“ – und … – nachfolgend „Auftragnehmer“ –". */
export function recogniseParties(lines: string[]): RecognisedParty[] {
  const parties: RecognisedParty[] = [];
  let from = 0;
  lines.forEach((line, i) => {
    const role = ROLE_LINE.exec(line);
    if (!role) return;
    const own = line.slice(0, role.index).trim();
    // a bare role caption above the party ("Auftraggeber", as in a layout table of the parties) is no name
    const content = lines.slice(from, i).map((l) => l.trim()).filter((l) => l && !SEPARATOR.test(l) && !ROLE_CAPTION.test(l));
    if (own) content.push(own);
    from = i + 1;
    const key = role[1]!.toLowerCase() === 'verantwortliche' ? 'verantwortlicher' : role[1]!.toLowerCase();
    if (content.length === 0 || parties.some((p) => p.key === key)) return;
    const joined = content.map((l) => l.replace(/^(?:zwischen|und|sowie)\s+(?:(?:der|dem|den|die|das)\s+)?/i, '').replace(/[\s,;]+$/, '')).join(', ');
    const rep = /,?\s*(?:gesetzlich\s+)?vertreten\s+durch\s+/i.exec(joined);
    const head = rep ? joined.slice(0, rep.index) : joined;
    const comma = head.indexOf(',');
    const name = (comma >= 0 ? head.slice(0, comma) : head).trim();
    if (!name || name.length > 120) return;
    const party: RecognisedParty = { key, name };
    const address = comma >= 0 ? head.slice(comma + 1).trim() : '';
    if (address) party.address = address;
    if (rep) party.representedBy = joined.slice(rep.index + rep[0].length).replace(/^(?:den|die|der|dem|ihre[nm]?|seine[nm]?)\s+/i, '').replace(/[\s,;–—(-]+$/, '').trim();
    parties.push(party);
  });
  return parties;
}
