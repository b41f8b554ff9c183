import * as l10n from '@vscode/l10n';
import type { TomCatalogue, TomCatalogueEntry, TomCategory, TomCategoryCode } from '../knowledge/tom.js';
import { TOM_TITLE } from '../model/annexes.js';
import type { ParsedContract } from '../model/build.js';
import type { Range, Section } from '../model/types.js';
import type { Position } from '../text/lineIndex.js';
import type { Completion } from './completion.js';
import type { HoverResult } from './hover.js';

/**
 * TOM catalogue completions and hovers inside a TOM annex.
 *
 * Choices (documented in the tests):
 * - Offered only inside the TOM annex (annexKind 'tom', or any section whose title reads like TOM), on a list-item
 *   line (`- `, `* `, `+ `, `• `, `1. `, `1) `, with or without `[ ]`/`[x]`) or on an empty line (a single word
 *   already typed counts as empty), and only when nothing but whitespace follows the cursor.
 * - Inserted text: "Titel: Beschreibung". On a list-item line only that text replaces what follows the marker; on
 *   an empty line the marker of the nearest list item above (else below) is prepended: the same bullet, the next
 *   number with the same delimiter, a checkbox as `- [x] ` (a measure taken from the catalogue is one in place).
 *   Without a list nearby, `- ` is used.
 * - Entries of the category named by the nearest heading above the cursor come first (sortText "0…"), then the
 *   rest in catalogue order ("1…"). Entries already in the annex stay in the list, marked " ✓ vorhanden", and sort
 *   last ("2…"): lawyers see what is covered instead of wondering why a measure is missing.
 * - An entry counts as present when one measure text of the annex contains every significant word of its title
 *   (stem match: the word without its last three letters, at least four); titles with "/" name alternatives, so
 *   half of their words suffice.
 */

const KIND_VALUE = 12;
const LIST_ITEM = /^([ \t]*)([-*+•]|\d{1,3}[.)])([ \t]+)(\[[ xX]\][ \t]+)?/u;
const MARKDOWN_HEADING = /^[ \t]{0,3}#{1,6}[ \t]/u;
const STOP_WORDS = new Set(['und', 'oder', 'mit', 'der', 'die', 'das', 'des', 'dem', 'den', 'von', 'vor', 'für', 'zur', 'zum', 'bei', 'nach', 'auf', 'aus', 'als', 'durch', 'ein', 'eine', 'einer', 'im', 'in', 'über', 'kein', 'technisch']);

/** Completions of catalogue measures at `position`; empty outside a TOM annex or off a list/empty line. */
export function tomCompletions(parsed: ParsedContract, position: Position, catalogue: TomCatalogue): Completion[] {
  const { source } = parsed;
  const lines = source.original.split(/\r?\n|\r/);
  const line = lines[position.line];
  if (line === undefined) return [];
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  if (after.trim() !== '') return [];
  const offset = source.offsetAt(position);
  const scope = tomScope(parsed, offset);
  if (!scope || offset <= scope.heading.end) return [];

  let range: Range;
  let marker = '';
  const item = LIST_ITEM.exec(before);
  if (item) {
    range = { start: { line: position.line, character: item[0].length }, end: position };
  } else {
    const word = /^[ \t]*([\p{L}\d][\p{L}\d-]*)?$/u.exec(before);
    if (!word) return [];
    range = { start: { line: position.line, character: position.character - (word[1]?.length ?? 0) }, end: position };
    const headingLines = new Set(parsed.model.allSections.filter((s) => s.form !== 'list').map((s) => s.heading.range.start.line));
    marker = nextMarker(lines, position.line, scope.heading.range.start.line, scope.range.end.line, headingLines);
    // indentation the user already typed wins over the neighbour's
    if (/^[ \t]/.test(before)) marker = marker.trimStart();
  }

  const categories = categoryOrder(catalogue);
  const preferred = new Set(categoryAt(parsed, scope, offset, catalogue));
  const present = presentTexts(parsed, scope, lines, position.line);
  return catalogue.entries.map((entry, index) => {
    const category = catalogue.categories.find((c) => c.code === entry.category);
    const isPresent = present.some((text) => titleMatches(entry.title, text));
    const group = isPresent ? 2 : preferred.has(entry.category) ? 0 : 1;
    const rank = (categories.get(entry.category) ?? 99) * 1000 + index;
    return {
      label: isPresent ? l10n.t('{0} ✓ present', entry.title) : entry.title,
      kind: KIND_VALUE,
      detail: category ? `${category.code} – ${category.name}` : entry.category,
      documentation: tomDocumentation(entry, catalogue),
      filterText: [entry.title, ...entry.synonyms].join(' '),
      sortText: `${group}${String(rank).padStart(6, '0')}`,
      textEdit: { range, newText: `${marker}${entry.title}: ${entry.description}` },
    };
  });
}

/** Hover on a measure of the TOM annex that matches a catalogue entry: the entry and its mapping. */
export function tomHover(parsed: ParsedContract, position: Position, catalogue: TomCatalogue): HoverResult | undefined {
  const offset = parsed.source.offsetAt(position);
  const scope = tomScope(parsed, offset);
  if (!scope) return undefined;
  const entry = parsed.model.tomEntries.find((e) => e.start <= offset && offset <= e.end);
  let text = entry?.text;
  let range = entry?.range;
  if (!entry) {
    // numbered measures may be read as headings by the structure parser; fall back to the line itself
    const line = parsed.source.original.split(/\r?\n|\r/)[position.line] ?? '';
    const m = LIST_ITEM.exec(line);
    if (!m || position.character < m[0].length) return undefined;
    text = line.slice(m[0].length);
    range = { start: { line: position.line, character: m[0].length }, end: { line: position.line, character: line.length } };
  }
  const match = findTomEntry(text ?? '', catalogue);
  if (!match || !range) return undefined;
  return { contents: tomDocumentation(match, catalogue), range };
}

/** The catalogue entry a measure text names (most title words wins), if any. */
export function findTomEntry(text: string, catalogue: TomCatalogue): TomCatalogueEntry | undefined {
  let best: { entry: TomCatalogueEntry; score: number } | undefined;
  for (const entry of catalogue.entries) {
    if (!titleMatches(entry.title, text)) continue;
    const score = titleWords(entry.title).length * 100 + entry.title.length;
    if (!best || score > best.score) best = { entry, score };
  }
  return best?.entry;
}

/** Markdown with the entry's description and its mapping onto the four ordering systems. */
export function tomDocumentation(entry: TomCatalogueEntry, catalogue: TomCatalogue): string {
  const category = catalogue.categories.find((c) => c.code === entry.category);
  const dash = '–';
  const bdsg64 = entry.bdsg64.map((n) => `Nr. ${n} ${catalogue.bdsg64Controls.find((c) => c.number === n)?.name ?? ''}`.trim());
  const rows: [string, string][] = [
    [l10n.t('Category'), category ? `${category.code} – ${category.name}` : entry.category],
    [l10n.t('Classic control (Anlage zu § 9 S. 1 BDSG a. F.)'), entry.control ? `Nr. ${entry.control.number} ${entry.control.name}` : dash],
    ['§ 64 Abs. 3 S. 1 BDSG', bdsg64.length ? bdsg64.join(', ') : dash],
    ['Art. 32 DSGVO', entry.art32.length ? entry.art32.map((c) => catalogue.art32Goals[c].replace(/^Art\. 32 /, '')).join('; ') : dash],
    [l10n.t('SDM protection goals'), entry.sdm.map((g) => catalogue.sdmGoals[g]).join(', ')],
  ];
  if (entry.norms?.length) rows.push([l10n.t('Further norms'), entry.norms.join('; ')]);
  return [`**${entry.title}** · \`${entry.id}\``, entry.description, rows.map(([k, v]) => `- **${k}:** ${v}`).join('\n')].join('\n\n');
}

/** The TOM annex (or TOM section) that contains the n-offset. */
function tomScope(parsed: ParsedContract, offset: number): Section | undefined {
  const { model, source } = parsed;
  // blank lines and empty list markers after the last measure belong to the annex: that is where the next one is typed
  const inside = (s: Section) => s.start <= offset && (offset <= s.end || /^(?:\s|[-*+•]|\d{1,3}[.)]|\[[ xX]\])*$/u.test(source.text.slice(s.end, offset)));
  return model.annexes.find((a) => a.annexKind === 'tom' && inside(a)) ?? model.allSections.find((s) => s.form !== 'list' && TOM_TITLE.test(s.title) && inside(s));
}

/** The categories named by the nearest real heading above the offset, or by its ancestors. */
function categoryAt(parsed: ParsedContract, scope: Section, offset: number, catalogue: TomCatalogue): TomCategoryCode[] {
  const inScope = parsed.model.allSections.filter((s) => s.form !== 'list' && s.start >= scope.start && s.end <= scope.end);
  const bdsg64 = usesBdsg64Terms(inScope, catalogue);
  const above = inScope.filter((s) => s.heading.start < offset);
  // the annex title itself ("Technische und organisatorische Maßnahmen") names no category
  for (let s: Section | undefined = above[above.length - 1]; s && s !== scope && s.start >= scope.start; s = s.parent) {
    const codes = categoriesOfHeading(s.title, catalogue, bdsg64);
    if (codes.length) return codes;
  }
  return [];
}

/** § 64 terminology: a heading only § 64 uses, and no „Zutritt(skontrolle)“. */
function usesBdsg64Terms(sections: Section[], catalogue: TomCatalogue): boolean {
  const titles = sections.map((s) => s.title);
  return titles.some((t) => catalogue.bdsg64Indicators.some((h) => hasWord(t, h))) && !titles.some((t) => hasWord(t, 'Zutrittskontrolle') || hasWord(t, 'Zutritt'));
}

/** Category codes whose headings occur in a heading title (whole words, case-insensitive). */
export function categoriesOfHeading(title: string, catalogue: TomCatalogue, bdsg64Terms: boolean): TomCategoryCode[] {
  const headings = (c: TomCategory) => [...c.headings, ...((bdsg64Terms ? c.headingsBdsg64 : c.headingsClassic) ?? [])];
  return catalogue.categories.filter((c) => headings(c).some((h) => hasWord(title, h))).map((c) => c.code);
}

function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text.normalize('NFC'));
}

function categoryOrder(catalogue: TomCatalogue): Map<string, number> {
  return new Map(catalogue.categories.map((c, i) => [c.code, i]));
}

/** Texts of the measures already in the annex, except the one on the cursor line. */
function presentTexts(parsed: ParsedContract, scope: Section, lines: string[], cursorLine: number): string[] {
  const out = parsed.model.tomEntries.filter((e) => e.start >= scope.start && e.end <= scope.end && e.range.start.line !== cursorLine).map((e) => e.text);
  for (let l = scope.range.start.line; l <= scope.range.end.line && l < lines.length; l++) {
    const m = l === cursorLine ? null : LIST_ITEM.exec(lines[l] ?? '');
    if (m) out.push((lines[l] ?? '').slice(m[0].length));
  }
  return out;
}

function titleWords(title: string): string[] {
  return words(title).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
}

function words(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('de').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function titleMatches(title: string, text: string): boolean {
  const wanted = titleWords(title);
  if (!wanted.length) return false;
  const hay = words(text).join(' ');
  const found = wanted.filter((w) => hay.includes(w.slice(0, Math.max(4, w.length - 3)))).length;
  return title.includes('/') ? found >= Math.ceil(wanted.length / 2) : found === wanted.length;
}

/** The marker for a new item on an empty line: continue the nearest list above, else the one below, else "- ". */
function nextMarker(lines: string[], line: number, firstLine: number, lastLine: number, headingLines: Set<number>): string {
  const stop = (l: number) => headingLines.has(l) || MARKDOWN_HEADING.test(lines[l] ?? '');
  for (let l = line - 1; l > firstLine && !stop(l); l--) {
    const m = LIST_ITEM.exec(lines[l] ?? '');
    if (m) return markerFrom(m, 1);
  }
  for (let l = line + 1; l <= lastLine && l < lines.length && !stop(l); l++) {
    const m = LIST_ITEM.exec(lines[l] ?? '');
    if (m) return markerFrom(m, 0);
  }
  return '- ';
}

function markerFrom(m: RegExpExecArray, step: number): string {
  const [, indent = '', bullet = '-', space = ' ', box] = m;
  const numbered = /^(\d+)([.)])$/.exec(bullet);
  const head = numbered ? `${Number(numbered[1]) + step}${numbered[2]}` : bullet;
  return `${indent}${head}${space.includes('\t') ? space : ' '}${box ? '[x] ' : ''}`;
}
