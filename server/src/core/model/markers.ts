import type { Block } from '../parse/markdown.js';
import type { SourceText } from '../text/source.js';
import { resolveBinding } from './frontMatter.js';
import type { Artifact, Directive, DirectiveVerb, FrontMatter, Placeholder, SignatureBlock, Span } from './types.js';

/** Placeholders, suppression/assertion directives, the signature block and Word-conversion residue. */

const PLACEHOLDER = new RegExp(
  [
    String.raw`\{\{\s*([\p{L}\d_.-]+)\s*\}\}`, // 1: binding
    String.raw`\[(?!bookmark:|\^|[ xX]\])([^\[\]\n]{0,80})\](?![(\[:])`, // 2: bracket
    String.raw`_{3,}`,
    String.raw`(?<![\p{L}\d])X{2,}(?![\p{L}\d])`,
    String.raw`(?<![\p{L}\d])N\.\s?N\.`,
    String.raw`\.{5,}|…{2,}`,
  ].join('|'),
  'gu',
);

export function findPlaceholders(
  source: SourceText,
  scan: string,
  fm: FrontMatter | undefined,
  isInParties: (offset: number) => boolean,
  isInSignature: (offset: number) => boolean,
): Placeholder[] {
  const out: Placeholder[] = [];
  PLACEHOLDER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACEHOLDER.exec(scan))) {
    const start = m.index;
    const end = start + m[0].length;
    const base = { text: m[0], start, end, range: source.range(start, end), inParties: isInParties(start) };
    if (m[1] !== undefined) {
      const p: Placeholder = { ...base, kind: 'binding', path: m[1] };
      const value = resolveBinding(fm, m[1]);
      if (value !== undefined) p.value = value;
      out.push(p);
    } else if (m[2] !== undefined) {
      if (!looksLikePlaceholder(m[2])) continue;
      out.push({ ...base, kind: 'bracket' });
    } else if (m[0].startsWith('_') || m[0].startsWith('.') || m[0].startsWith('…')) {
      if (isInSignature(start)) continue; // signature and date lines are meant to stay blank
      out.push({ ...base, kind: 'blank' });
    } else {
      out.push({ ...base, kind: 'marker' });
    }
  }
  return out;
}

/** "[Name]", "[TODO]", "[●]", "[…]", "[Anschrift einfügen]" are placeholders; "[sic]", "[1]" are not. */
function looksLikePlaceholder(inner: string): boolean {
  const t = inner.trim();
  if (t === '' || /^[…●•.\s_-]+$/u.test(t)) return true;
  if (/^(?:sic|sic!|\d+|[a-z])$/i.test(t)) return false;
  if (/^(?:TODO|TBD|XXX?|offen|tbd|n\.\s?n\.)(?![\p{L}\d])/iu.test(t)) return true;
  if (/…|\.\.\.|●/.test(t)) return true;
  if (/\b(?:einfügen|eintragen|ergänzen|ausfüllen|anpassen|bitte|optional|Option|falls)\b/i.test(t)) return true;
  return /^\p{Lu}/u.test(t) && t.length <= 60;
}

const DIRECTIVE = /^<!--\s*avv-(disable-next-line|disable-line|disable|enable|assert|not-applicable)\b([\s\S]*?)-->\s*$/;

export function findDirectives(source: SourceText, blocks: Block[], inlineHtml: { start: number; end: number; value: string }[]): Directive[] {
  const out: Directive[] = [];
  const candidates = [
    ...blocks.filter((b) => b.kind === 'html').map((b) => ({ start: b.start, end: b.end, value: b.value ?? '' })),
    ...inlineHtml,
  ].sort((a, b) => a.start - b.start);
  for (const c of candidates) {
    const m = DIRECTIVE.exec(c.value.trim());
    if (!m) continue;
    const verb = m[1] as DirectiveVerb;
    const [idPart = '', ...reasonParts] = m[2]!.split(/\s--\s?|\s—\s/);
    const ids = idPart.split(/[\s,]+/).filter(Boolean);
    const reason = reasonParts.join(' -- ').trim();
    const d: Directive = { verb, ids, start: c.start, end: c.end, range: source.range(c.start, c.end), scope: { start: c.end, end: source.text.length } };
    if (reason) d.reason = reason;
    out.push(d);
  }
  // scopes: disable … enable; next line; the directive's own line
  for (const d of out) {
    if (d.verb === 'disable-next-line') {
      const lineAfter = source.lines.positionAt(d.end).line + 1;
      d.scope = { start: source.lines.lineStart(lineAfter), end: source.lines.lineEnd(lineAfter) };
    } else if (d.verb === 'disable-line') {
      const line = source.lines.positionAt(d.start).line;
      d.scope = { start: source.lines.lineStart(line), end: source.lines.lineEnd(line) };
    } else if (d.verb === 'disable') {
      const enable = out.find((e) => e.verb === 'enable' && e.start > d.end && (e.ids.length === 0 || e.ids.some((id) => d.ids.includes(id))));
      if (enable) d.scope = { start: d.end, end: enable.start };
    }
  }
  return out;
}

const DATE = String.raw`(?:\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}|\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+\d{4}|_{3,}|\[|\{\{)`;
const SIGNATURE_LINE_SOURCE = /^(?:\s*(?:Ort,?\s*(?:und\s+)?Datum|Datum,?\s*Ort|Unterschrift|Name,?\s*Funktion|\(?\s*(?:Auftraggeber|Auftragnehmer|Verantwortliche[rn]?|Auftragsverarbeiter)\s*\)?\s*$)|.*(?:\\?_){5,}|\s*(?:Für\s+den|Für\s+die|Im\s+Namen\s+de[rs])\s+(?:Auftraggeber|Auftragnehmer|Verantwortlichen|Auftragsverarbeiter)|\s*[\p{Lu}][\p{L}ä-]+(?:\s+[\p{L}.-]+)?,\s*(?:den\s+)?DATE)/u;
const SIGNATURE_LINE = new RegExp(SIGNATURE_LINE_SOURCE.source.replace('DATE', DATE), 'u');
const DATE_LINE = new RegExp(String.raw`Ort,?\s*(?:und\s+)?Datum|Datum,?\s*Ort|,\s*(?:den\s+)?${DATE}`, 'u');

/**
 * The signature block: the last cluster of lines with place/date, signature lines and party captions
 * (or a heading "Unterschriften"). It must contain a signature line or a date line.
 */
export function findSignatureBlock(source: SourceText, mainEnd: number): SignatureBlock | undefined {
  const lines = source.lines;
  const lastLine = lines.positionAt(mainEnd).line;
  let best: { start: number; end: number; dates: Span[]; sigs: Span[] } | undefined;
  let cur: typeof best;
  let gap = 0;
  for (let line = 0; line <= lastLine; line++) {
    const s = lines.lineStart(line);
    const e = Math.min(lines.lineEnd(line), mainEnd);
    // the raw text: a line of underscores is a thematic break in Markdown, and masked in the scan
    const raw = source.text.slice(s, e);
    const text = raw.trim();
    if (text.length > 300) {
      // signature lines are short; a long line is body text (and would cost the patterns below dearly)
      if (cur) best = cur;
      cur = undefined;
      continue;
    }
    const span = (): Span => ({ start: s, end: e, range: source.range(s, e) });
    if (text.trim() === '') { gap++; if (cur && gap > 3) { best = cur; cur = undefined; } continue; }
    if (SIGNATURE_LINE.test(text) || /^\s*Unterschriften\s*$/.test(text)) {
      cur ??= { start: s + (raw.length - raw.trimStart().length), end: e, dates: [], sigs: [] };
      cur.end = e;
      if (DATE_LINE.test(text)) cur.dates.push(span());
      if (/(?:\\?_){5,}/.test(text) || /^\s*Unterschrift/.test(text)) cur.sigs.push(span());
      gap = 0;
    } else if (cur && gap <= 1 && isCaption(text)) {
      cur.end = e; // a name, company or function under a signature line
      gap = 0;
    } else if (cur) {
      best = cur;
      cur = undefined;
    }
  }
  const found = cur ?? best;
  if (!found || (found.sigs.length === 0 && found.dates.length === 0)) return undefined;
  return { start: found.start, end: found.end, range: source.range(found.start, found.end), dateLines: found.dates, signatureLines: found.sigs };
}

/** A short line under a signature line ("Bernd Kettler, Fahrschule Kettler e.K."), not a clause or heading. */
function isCaption(line: string): boolean {
  const t = line.trim();
  return t.length <= 90 && !/^(?:\(\d+\)|§|#|\d+\.|[IVX]+\.|[-*•])/.test(t) && !/[;:]$/.test(t) && t.split(/\s+/).length <= 12;
}

/** Residue of Word conversions, found in the original text (soft hyphens) and the scan text. */
export function findArtifacts(source: SourceText, scan: string, paragraphs: Block[]): Artifact[] {
  const out: Artifact[] = [];
  const push = (kind: Artifact['kind'], start: number, end: number, text: string) => out.push({ kind, text, start, end, range: source.range(start, end) });
  const original = source.original;
  for (let i = original.indexOf('\u00ad'); i >= 0; i = original.indexOf('\u00ad', i + 1)) {
    const n = source.norm.fromOriginal(i);
    const range = { start: source.originalLines.positionAt(i), end: source.originalLines.positionAt(i + 1) };
    out.push({ kind: 'soft-hyphen', text: '\u00ad', start: n, end: n, range });
  }
  const re = /\\?\[bookmark:\s*[^\]\n]*\\?\]|\{#[\w-]+(?:\s+\.[\w-]+)*\}|\{\.(?:underline|mark|smallcaps)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source.text))) {
    push(m[0].includes('bookmark') ? 'bookmark' : 'pandoc-attribute', m.index, m.index + m[0].length, m[0]);
  }
  // a sentence broken by a blank line: a paragraph ends mid-sentence and the next starts in lower case
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const a = paragraphs[i]!;
    const b = paragraphs[i + 1]!;
    if (a.kind !== 'paragraph' || b.kind !== 'paragraph' || a.listItem || b.listItem || a.strongOnly) continue;
    const endText = scan.slice(a.start, a.end).trimEnd();
    const startText = scan.slice(b.start, b.end).trimStart();
    const between = source.text.slice(a.end, b.start);
    if (!/\n\s*\n/.test(between) || /\n\s*\n\s*\n/.test(between)) continue;
    // the rubrum sets its parts apart on purpose: "… geschlossen zwischen" / "der Muster GmbH", "Vertrag" / "zwischen" / "und"
    if (/(?:^|\s)zwischen(?:\s+(?:dem|der|den))?$/u.test(endText) || /^(?:zwischen|und)(?:\s+(?:dem|der|den))?$/u.test(startText.trimEnd())) continue;
    if (/[\p{Ll},]$/u.test(endText) && /^\p{Ll}/u.test(startText) && !/^[a-z]{1,2}\)/.test(startText)) {
      push('broken-sentence', a.end, b.start, between);
    }
  }
  return out;
}
