import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  analyze,
  completions,
  definition,
  documentLinks,
  documentSymbols,
  foldingRanges,
  hover,
  LineIndex,
  parseContract,
  references,
  type Knowledge,
  type OutlineSymbol,
  type ParsedContract,
  type Position,
  type Range,
} from '../../server/src/core/index.js';
import { applyEdits, completePartialClause, insertMissingClause, replaceOutdatedReference, type ClauseLibrary, type TextEdit } from '../../server/src/core/fixes/index.js';

/**
 * The fuzz properties shared by test/core/fuzz.test.ts (a few thousand cases in CI) and scripts/fuzz.mjs
 * (≥ 100,000 cases): arbitrary text and mutated fixture contracts never make the core throw, every range the
 * core returns lies inside the document and never splits a surrogate pair, and every offered fix yields a
 * document that parses and is idempotent (applying it twice equals applying it once).
 */

export interface FuzzEnv {
  knowledge: Knowledge;
  library: ClauseLibrary;
  /** Fixture contracts by file name (test/fixtures/contracts/*.avv.md, examples/beispiel.avv.md). */
  fixtures: Map<string, string>;
}

export interface FuzzProperty {
  name: string;
  /** Share of the total number of runs in CI (the properties differ in cost by two orders of magnitude). */
  share: number;
  /** Share in the long run (`npm run fuzz`), weighted towards the cheap properties to keep it to minutes. */
  fullShare: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each property has its own argument tuple
  property: fc.IRawProperty<any, false>;
}

export function loadFixtures(repoRoot: string): Map<string, string> {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'contracts');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.avv.md')).map((f) => path.join(dir, f));
  files.push(path.join(repoRoot, 'examples', 'beispiel.avv.md'));
  return new Map(files.sort().map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]));
}

// ---------------------------------------------------------------------------------------------------------
// Checks

class LineTable {
  readonly index: LineIndex;
  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }
  /** Throws unless `p` is a position inside the text that does not split a surrogate pair. */
  position(p: Position, what: string): number {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= this.index.lineCount) {
      throw new Error(`${what}: position ${JSON.stringify(p)} outside the document (${this.index.lineCount} lines)`);
    }
    const start = this.index.lineStart(p.line);
    const end = this.index.lineEnd(p.line);
    if (start + p.character > end) throw new Error(`${what}: position ${JSON.stringify(p)} beyond the end of its line (${end - start})`);
    const o = start + p.character;
    if (isHigh(this.text.charCodeAt(o - 1)) && isLow(this.text.charCodeAt(o)) && o > start) {
      throw new Error(`${what}: position ${JSON.stringify(p)} splits a surrogate pair`);
    }
    return o;
  }
  range(r: Range, what: string): void {
    const s = this.position(r.start, `${what} start`);
    const e = this.position(r.end, `${what} end`);
    if (s > e) throw new Error(`${what}: inverted range ${JSON.stringify(r)}`);
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const contains = (outer: Range, inner: Range) =>
  cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

function checkSymbols(t: LineTable, symbols: OutlineSymbol[], where: string): void {
  for (const s of symbols) {
    t.range(s.range, `${where} symbol "${s.name}" range`);
    t.range(s.selectionRange, `${where} symbol "${s.name}" selectionRange`);
    // VS Code rejects the whole outline when a selection range lies outside its symbol's range
    if (!contains(s.range, s.selectionRange)) throw new Error(`${where} symbol "${s.name}": selectionRange ${JSON.stringify(s.selectionRange)} not inside range ${JSON.stringify(s.range)}`);
    checkSymbols(t, s.children, where);
  }
}

/** The position an editor can send for an offset: never inside a CRLF or a surrogate pair. */
function editorPosition(t: LineTable, offset: number): Position {
  const pos = t.index.positionAt(offset);
  const length = t.index.lineEnd(pos.line) - t.index.lineStart(pos.line);
  if (pos.character > length) return { line: pos.line, character: length };
  if (isLow(t.text.charCodeAt(offset)) && isHigh(t.text.charCodeAt(offset - 1)) && pos.character > 0) return { line: pos.line, character: pos.character - 1 };
  return pos;
}

/** Throws unless `range` lies inside `text` and splits no surrogate pair (exported for the checker's own test). */
export function checkRange(text: string, range: Range): void {
  new LineTable(text).range(range, 'range');
}

export function parseText(env: FuzzEnv, text: string): ParsedContract {
  return parseContract({ uri: 'file:///fuzz.avv.md', version: 1, text }, env.knowledge);
}

/**
 * Parses and analyses `text`, asks every editor feature at `offsets` (UTF-16 offsets into the text, taken
 * modulo its length + 1) and checks every returned range. Throws on the first violation.
 */
export function checkDocument(env: FuzzEnv, text: string, offsets: readonly number[]): ParsedContract {
  const t = new LineTable(text);
  const parsed = parseText(env, text);
  if (parsed.source.original !== text) throw new Error('source.original differs from the input');
  const { findings, suppressed } = analyze(parsed, env.knowledge);
  for (const f of [...findings, ...suppressed]) {
    if (f.ruleId === 'internal-error') throw new Error(`a rule threw: ${f.message}`);
    t.range(f.range, `finding ${f.ruleId}`);
    for (const r of f.related) t.range(r.range, `finding ${f.ruleId} related`);
  }
  checkSymbols(t, documentSymbols(parsed.model), 'documentSymbols');
  for (const f of foldingRanges(parsed.model)) {
    if (f.startLine < 0 || f.startLine > f.endLine || f.endLine >= t.index.lineCount) throw new Error(`foldingRange ${JSON.stringify(f)} outside the document`);
  }
  for (const l of documentLinks(parsed, env.knowledge)) t.range(l.range, `documentLink ${l.target}`);
  for (const raw of offsets) {
    const pos = editorPosition(t, raw % (text.length + 1));
    const at = `at ${JSON.stringify(pos)}`;
    const h = hover(parsed, pos, env.knowledge);
    if (h) t.range(h.range, `hover ${at}`);
    for (const c of completions(parsed, pos, env.knowledge)) {
      const r = c.textEdit.range;
      t.range(r, `completion "${c.label}" ${at}`);
      // LSP: a completion's edit range is single-line and contains the requested position
      if (r.start.line !== r.end.line || cmp(r.start, pos) > 0 || cmp(pos, r.end) > 0) {
        throw new Error(`completion "${c.label}" ${at}: edit range ${JSON.stringify(r)} is not a single-line range around the position`);
      }
    }
    for (const d of definition(parsed, pos)) {
      t.range(d.originSelectionRange, `definition origin ${at}`);
      t.range(d.targetRange, `definition target ${at}`);
      t.range(d.targetSelectionRange, `definition targetSelection ${at}`);
    }
    for (const r of references(parsed, pos, true)) t.range(r, `reference ${at}`);
  }
  return parsed;
}

/** Applies `edits` after checking their ranges, parses and analyses the result (which must not throw). */
function applyChecked(env: FuzzEnv, parsed: ParsedContract, edits: TextEdit[], what: string): { text: string; parsed: ParsedContract } {
  const t = new LineTable(parsed.source.original);
  for (const e of edits) t.range(e.range, `${what} edit`);
  const text = applyEdits(parsed.source.original, edits);
  const after = parseText(env, text);
  for (const f of analyze(after, env.knowledge).findings) if (f.ruleId === 'internal-error') throw new Error(`${what}: a rule threw on the fixed text: ${f.message}`);
  return { text, parsed: after };
}

/** Where an original-text offset moves when `edits` are applied (insertions at the offset push it right). */
function mapOffset(text: string, edits: TextEdit[], offset: number): number {
  const index = new LineIndex(text);
  let delta = 0;
  for (const e of edits) {
    const s = index.offsetAt(e.range.start);
    const en = index.offsetAt(e.range.end);
    if (en <= offset) delta += e.newText.length - (en - s);
  }
  return offset + delta;
}

function assertIdempotent(once: string, twice: string, what: string): void {
  if (once !== twice) {
    let i = 0;
    while (i < once.length && once[i] === twice[i]) i++;
    throw new Error(`${what}: applying the fix twice differs from once at offset ${i}: ${JSON.stringify(once.slice(i, i + 80))} vs ${JSON.stringify(twice.slice(i, i + 80))}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

/** Characters that have broken editors and parsers before. */
export const SPECIAL = [
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\ud834\udd1e', '\ud83c\uddea\ud83c\uddfa',
  '\u0301', '\u0308', '\u0327', '\u20dd', 'a\u0308', 'o\u0308', '\u200f', '\u202e', '\u202d', '\u200e', '\u2066', '\u2069', '\u200b', '\u200d',
  '\r', '\n', '\r\n', '\n\r', '\ufeff', '\u0000', '\u00ad', '\u00a0', '\u202f', '\u2028', '\u2029', '\t', '\u000b', '\u000c', '\u0085',
  'ß', 'ẞ', 'Ä', 'ﬁ', 'İ', '§', '„', '“', '”', '‚', '‘', '…', '–', '—', '\\', '`', '~', '*', '_', '[', ']', '(', ')', '{', '}', '<', '>', '|', '#', '!', '&',
];

/** Fragments of contract syntax, so random text reaches the interesting parser paths. */
export const TOKENS = [
  '# ', '## ', '### ', '§ 1 ', '§ 2 Gegenstand', '§§ 3 bis 5', '(1) ', '(2) ', '(3a) ', '1. ', '2. ', '1.1 ', '1.1.1 ', 'I. ', 'II. ', 'a) ', 'aa) ', 'Ziffer 3.2',
  'Abs. 2', 'Satz 1', 'lit. a', 'Anlage 1', 'Anlage II', 'Art. 28 Abs. 3 DSGVO', 'Art. 32 DSGVO', '§ 11 BDSG', '§ 26 BDSG', 'Art. 46 Abs. 2 lit. c DS-GVO',
  'ErwG 81', 'Verordnung (EU) 2016/679', '„Auftraggeber“', '(nachfolgend „Auftragnehmer“)', 'Unterauftragnehmer', '{{auftraggeber}}', '{{ parteien.0.name }}',
  '[TODO]', '[Datum]', '___', '---\n', '---\ntitel: X\n---\n', '```\n', '~~~', '    code', '| a | b |\n|---|---|\n| c | d |\n', '|', '- ', '* ', '+ ', '> ', '**', '__', '`',
  '<!-- avv-disable dangling-reference: weil -->', '<!-- avv-assert art28-3-h-audits -->', '<!--', '-->', '<br>', '<div>', '</div>', '[x](https://a.b)', '[y]: http://c',
  '![i](j.png)', '<https://eur-lex.europa.eu>', 'Ort, Datum', 'Unterschrift', '\n\n', '\r\n\r\n', '  \n',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** One piece of hostile text. */
export const chunk: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: astral },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
);

/** Arbitrary strings: full Unicode, lone surrogates, control characters and contract syntax fragments. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIAL), loneSurrogate, astral), maxLength: 60 }),
  fc.array(chunk, { maxLength: 80 }).map((parts) => parts.join('')),
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; column: number; text: string }
  | { kind: 'eol'; eol: '\n' | '\r\n' | '\r' | 'mixed'; seed: number }
  | { kind: 'bom' }
  | { kind: 'nul'; at: number; column: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: fc.array(chunk, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const, 'mixed' as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bom' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at: fc.nat(), column: fc.nat() }) },
);

/** Applies structured mutations to a text, line by line (line ends are kept with their line). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines: string[] = [...(text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/gu) ?? [''])];
  for (const m of mutations) {
    const n = lines.length;
    if (n === 0) lines = [''];
    const i = 'at' in m ? m.at % lines.length : 0;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i]!);
        break;
      case 'swap': {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      case 'insert':
      case 'nul': {
        const line = lines[i]!;
        const col = m.column % (line.length + 1);
        lines[i] = line.slice(0, col) + (m.kind === 'nul' ? '\u0000' : m.text) + line.slice(col);
        break;
      }
      case 'eol': {
        const ends = ['\n', '\r\n', '\r'];
        lines = lines.map((l, k) => {
          const body = l.replace(/(?:\r\n|\r|\n)$/u, '');
          if (body.length === l.length) return l;
          return body + (m.eol === 'mixed' ? ends[(m.seed + k * 7) % 3]! : m.eol);
        });
        break;
      }
      case 'bom':
        lines[0] = '\ufeff' + (lines[0] ?? '');
        break;
    }
  }
  return lines.join('');
}

export function mutatedFixture(env: FuzzEnv): fc.Arbitrary<{ name: string; text: string }> {
  return fc
    .record({ name: fc.constantFrom(...env.fixtures.keys()), mutations: fc.array(mutation, { maxLength: 8 }) })
    .map(({ name, mutations }) => ({ name, text: mutate(env.fixtures.get(name)!, mutations) }));
}

const offsets = fc.array(fc.nat(), { minLength: 1, maxLength: 6 });

/** Outdated references to plant into a contract, with the rule that offers their replacement. */
export const OUTDATED: readonly [rule: string, phrase: string][] = [
  ['out-bdsg-af-11', '§ 11 BDSG'],
  ['out-bdsg-af-11', '§ 11 Abs. 2 BDSG'],
  ['out-term-auftragsdatenverarbeitung', 'Auftragsdatenverarbeitung'],
  ['out-term-auftragsdatenverarbeitung', 'ADV'],
  ['out-bdsg-af-5-datengeheimnis', 'Datengeheimnis'],
  ['out-bdsg-af-5-datengeheimnis', '§ 5 BDSG'],
  ['out-bdsg-af-verfahrensverzeichnis', 'Verfahrensverzeichnis'],
  ['out-term-sperrung', 'Sperrung'],
  ['out-term-sperrung', 'gesperrt'],
  ['out-term-bdsg-af-verarbeitung', 'Erhebung, Verarbeitung und Nutzung'],
  ['out-vergleichsverfahren', 'Konkurs'],
  ['out-dir-95-46', 'Richtlinie 95/46/EG'],
  ['out-tmg-datenschutz', 'TTDSG'],
  ['wrong-art26-instructions', 'Art. 26 DSGVO'],
  ['out-art28-3-s3', 'Art. 28 Abs. 3 S. 3'],
  ['out-iso27001-2013', 'ISO 27001:2013'],
  ['out-din-32757', 'DIN 32757'],
  ['wrong-processor-72h', 'innerhalb von 72 Stunden'],
  ['out-bdsg-af-vorabkontrolle', 'Vorabkontrolle'],
];

// ---------------------------------------------------------------------------------------------------------
// Properties

export function fuzzProperties(env: FuzzEnv): FuzzProperty[] {
  const requirementIds = [...new Set(env.library.clauses.map((c) => c.requirement))].sort();
  const completionKeys = env.library.completions.map((c) => c.key).sort();
  const fixture = mutatedFixture(env);

  return [
    {
      name: 'arbitrary text: no exception, every range inside and whole',
      share: 0.7,
      fullShare: 0.8,
      property: fc.property(hostileText, offsets, (text, at) => {
        checkDocument(env, text, at);
      }),
    },
    {
      name: 'mutated fixture contracts: no exception, every range inside and whole',
      share: 0.18,
      fullShare: 0.12,
      property: fc.property(fixture, offsets, ({ text }, at) => {
        checkDocument(env, text, at);
      }),
    },
    {
      name: 'insertMissingClause on mutated fixtures: the result parses, twice equals once',
      share: 0.04,
      fullShare: 0.03,
      property: fc.property(fixture, fc.constantFrom(...requirementIds), fc.option(fc.nat()), fc.boolean(), ({ text }, requirement, anchorAt, detailed) => {
        const parsed = parseText(env, text);
        const anchorOf = (p: ParsedContract) => {
          if (anchorAt === null) return undefined;
          const o = anchorAt % (p.source.text.length + 1);
          return { start: o, end: o, range: p.source.range(o, o) };
        };
        const variant = detailed ? 'detailed' : 'short';
        const what = `insertMissingClause(${requirement})`;
        const once = applyChecked(env, parsed, insertMissingClause(parsed, env.library, requirement, anchorOf(parsed), variant), what);
        const twice = applyChecked(env, once.parsed, insertMissingClause(once.parsed, env.library, requirement, anchorOf(once.parsed), variant), `${what} again`);
        assertIdempotent(once.text, twice.text, what);
      }),
    },
    {
      name: 'completePartialClause on mutated fixtures: the result parses, twice equals once',
      share: 0.04,
      fullShare: 0.025,
      property: fc.property(fixture, fc.constantFrom(...completionKeys), fc.nat(), ({ text }, key, evidenceAt) => {
        const parsed = parseText(env, text);
        const o = evidenceAt % (parsed.source.text.length + 1);
        const what = `completePartialClause(${key})`;
        const edits = completePartialClause(parsed, env.library, key, { start: o, end: o, range: parsed.source.range(o, o) });
        const once = applyChecked(env, parsed, edits, what);
        // the same evidence in the fixed text: its original offset moved by the edits before it
        const original = parsed.source.originalLines.offsetAt(parsed.source.range(o, o).start);
        const moved = new LineIndex(once.text).positionAt(mapOffset(text, edits, original));
        const o2 = once.parsed.source.offsetAt(moved);
        const again = completePartialClause(once.parsed, env.library, key, { start: o2, end: o2, range: once.parsed.source.range(o2, o2) });
        const twice = applyChecked(env, once.parsed, again, `${what} again`);
        assertIdempotent(once.text, twice.text, what);
      }),
    },
    {
      name: 'replaceOutdatedReference on mutated fixtures: the result parses, twice equals once',
      share: 0.04,
      fullShare: 0.025,
      property: fc.property(
        fixture,
        fc.constantFrom(...OUTDATED),
        fc.nat(),
        fc.constantFrom('', 'das ', 'des ', 'der ', 'gemäß ', '\u00a0', '„'),
        fc.constantFrom('', 'ses', 'es', 'en', 'pflicht', '-Vertrag', '.', ' ', '“', '\u0301', '\ud83d\ude00'),
        ({ text }, [rule, phrase], lineAt, before, after) => {
          // plant the phrase at the start of a line, so it never lands inside a surrogate pair
          const lines = new LineIndex(text);
          const at = lines.lineStart(lineAt % lines.lineCount);
          const planted = text.slice(0, at) + before + phrase + after + text.slice(at);
          const parsed = parseText(env, planted);
          const start = new LineIndex(planted).positionAt(at + before.length);
          const end = new LineIndex(planted).positionAt(at + before.length + phrase.length);
          const what = `replaceOutdatedReference(${rule}, ${JSON.stringify(before + phrase + after)})`;
          const edits = replaceOutdatedReference(parsed, env.library, rule, { start, end });
          const once = applyChecked(env, parsed, edits, what);
          // the fix offered again where the replacement now stands
          const main = edits.at(-1);
          if (!main) return;
          const s = mapOffset(planted, edits.slice(0, -1), new LineIndex(planted).offsetAt(main.range.start));
          const onceIndex = new LineIndex(once.text);
          const range = { start: onceIndex.positionAt(s), end: onceIndex.positionAt(s + main.newText.length) };
          const twice = applyChecked(env, once.parsed, replaceOutdatedReference(once.parsed, env.library, rule, range), `${what} again`);
          assertIdempotent(once.text, twice.text, what);
        },
      ),
    },
  ];
}
