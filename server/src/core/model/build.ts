import type { Knowledge } from '../knowledge/types.js';
import { LegalRefParser } from '../parse/legalRefs.js';
import { MarkdownCache } from '../parse/incremental.js';
import { SourceText } from '../text/source.js';
import { classifyAnnex, columnRoles, subprocessorEntries, tomEntries } from './annexes.js';
import { frontMatterParties, frontMatterTerms, parseFrontMatter } from './frontMatter.js';
import { findArtifacts, findDirectives, findPlaceholders, findSignatureBlock } from './markers.js';
import { inferRubrumRoles, rubrumParties } from './parties.js';
import { resolveReferences } from './references.js';
import { recoverStructure } from './structure.js';
import { buildTerms, findDefinitions } from './terms.js';
import type { Citation, ContractModel, Span } from './types.js';

/** Characters analysed at most (UTF-16 code units); the rest of a larger document is not analysed. */
export const MAX_ANALYSED_LENGTH = 512 * 1024;

/**
 * A line longer than this is no contract text (a paragraph of a long contract has a few KB): the analysis
 * stops there, because Markdown parsing of one huge line costs several times more per KB than of normal text
 * and would block the editor for seconds.
 */
export const MAX_LINE_LENGTH = 128 * 1024;

function cutAtLine(text: string, limit: number): string {
  let lineStart = 0;
  while (lineStart < limit) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) {
      limit = Math.min(limit, lineStart + MAX_LINE_LENGTH);
      break;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (text.length <= limit) return text;
  const nl = text.lastIndexOf('\n', limit);
  let cut = nl > limit / 2 ? nl + 1 : limit;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--; // never split a surrogate pair
  return text.slice(0, cut);
}

export interface ContractInput {
  uri: string;
  version: number;
  text: string;
}

/** A built model together with the sources it was built from (for features that need the text). */
export interface ParsedContract {
  model: ContractModel;
  source: SourceText;
  /** Masked text: Markdown syntax replaced by spaces, same offsets as the normalised text. */
  scan: string;
  /**
   * What successive versions of one document share (the Markdown cache passed to {@link parseContract}):
   * analyses key their cross-version memos by it (e.g. the coverage's sentence matches).
   */
  session: object;
}

/**
 * Parses a contract once into its model. Pure: no I/O, no editor API; the knowledge (law aliases)
 * comes from the caller. Pass the same `cache` for successive versions of one document: only the
 * changed Markdown chunks are parsed again (see parse/incremental.ts).
 */
export function parseContract(input: ContractInput, knowledge: Knowledge, cache: MarkdownCache = new MarkdownCache()): ParsedContract {
  // a contract with its annexes rarely exceeds 300 KB; beyond the limit only the beginning is analysed,
  // so that a 10 MB file cannot block the editor (the rule document-too-large says so)
  const analysed = input.text.length > MAX_LINE_LENGTH ? cutAtLine(input.text, MAX_ANALYSED_LENGTH) : input.text;
  const source = new SourceText(analysed);
  const md = cache.parse(source.text);
  const scan = md.scan;
  const span = (s: number, e: number): Span => ({ start: s, end: e, range: source.range(s, e) });

  const yamlBlock = md.blocks.find((b) => b.kind === 'yaml');
  const frontMatter = yamlBlock ? parseFrontMatter(source, yamlBlock) : undefined;
  const structure = recoverStructure(source, md);
  const { sections, annexes, allSections, tables } = structure;

  for (const annex of annexes) annex.annexKind = classifyAnnex(annex);
  for (const t of tables) t.columns = columnRoles(t);
  const inAnnexOfKind = (offset: number, kind: string) => annexes.some((a) => a.annexKind === kind && a.start <= offset && offset <= a.end);
  const subprocessors = tables.flatMap((t) => subprocessorEntries(t, inAnnexOfKind(t.start, 'subprocessors')));
  const tom = annexes.filter((a) => a.annexKind === 'tom').flatMap((a) => tomEntries(a, tables));

  const terms = buildTerms(source, scan, findDefinitions(scan), frontMatter ? frontMatterTerms(frontMatter) : []);
  inferRubrumRoles(scan, structure.preamble, terms);
  const parties = frontMatter ? frontMatterParties(frontMatter) : [];
  for (const p of rubrumParties(source, scan, structure.preamble, terms)) {
    if (!parties.some((q) => q.role === p.role)) parties.push(p);
  }
  for (const p of parties) {
    // front-matter parties name their role term by key; link it to the defined term and its aliases
    const term = terms.find((t) => p.terms.some((n) => n === t.term || t.aliases.includes(n)));
    if (term) {
      term.role ??= p.role;
      for (const n of [term.term, ...term.aliases]) if (!p.terms.includes(n)) p.terms.push(n);
    }
  }

  // citations and cross references, block by block; a heading's own number is not a reference
  const usesArtikel = allSections.some((s) => s.style === 'artikel');
  const parser = new LegalRefParser(knowledge.lawAliases, usesArtikel);
  const citations: Citation[] = [];
  const rawRefs = [];
  for (const b of structure.blocks) {
    const section = b.kind === 'heading' ? b.section : undefined;
    const from = section && section.heading.start === b.start ? section.numberSpan.end : b.start;
    const r = parser.parse(scan.slice(from, b.end), from);
    for (const c of r.citations) citations.push(toCitation(c, source, span));
    rawRefs.push(...r.references);
  }
  const references = resolveReferences(source, rawRefs, sections, annexes, allSections);

  const mainEnd = annexes[0]?.start ?? source.text.length;
  const signatureBlock = findSignatureBlock(source, mainEnd);
  const partySpans = parties.map((p) => ({ start: p.start, end: p.end }));
  if (frontMatter) {
    const fmParties = frontMatter.keySpans.get('parteien') ?? frontMatter.keySpans.get('parties');
    if (fmParties) partySpans.push({ start: fmParties.start, end: frontMatter.end });
  }
  const placeholders = findPlaceholders(
    source,
    scan,
    frontMatter,
    (o) => partySpans.some((p) => p.start <= o && o <= p.end) || (structure.preamble !== undefined && o < structure.preamble.end && o >= structure.preamble.start),
    (o) => signatureBlock !== undefined && signatureBlock.start <= o && o <= signatureBlock.end,
  );
  const directives = findDirectives(source, md.blocks, md.inlineHtml);
  const artifacts = findArtifacts(source, scan, md.blocks.filter((b) => b.kind === 'paragraph'));

  const model: ContractModel = {
    uri: input.uri,
    version: input.version,
    parties,
    terms,
    sections,
    annexes: annexes as ContractModel['annexes'],
    allSections,
    tables,
    subprocessors,
    tomEntries: tom,
    citations: citations.sort((a, b) => a.start - b.start),
    references: references.sort((a, b) => a.start - b.start),
    placeholders,
    directives,
    artifacts,
    blocks: structure.blocks,
    mainStyle: structure.mainStyle,
  };
  if (structure.title !== undefined) model.title = structure.title;
  if (frontMatter) {
    model.frontMatter = frontMatter;
    const t = frontMatter.data?.['titel'] ?? frontMatter.data?.['title'];
    if (typeof t === 'string') model.title = t;
  }
  if (signatureBlock) model.signatureBlock = signatureBlock;
  if (analysed.length < input.text.length) model.truncated = { analysedLength: analysed.length, totalLength: input.text.length };
  if (structure.preamble) model.preamble = structure.preamble;
  return { model, source, scan, session: cache };
}

function toCitation(c: import('../parse/legalRefs.js').RawCitation, source: SourceText, span: (s: number, e: number) => Span): Citation {
  const citation: Citation = {
    ...span(c.start, c.end),
    text: source.text.slice(c.start, c.end),
    law: c.law ?? 'DSGVO',
    lawImplied: c.law === undefined,
    unit: c.unit,
  };
  for (const k of ['article', 'articleTo', 'paragraph', 'subparagraph', 'sentence', 'halfSentence', 'letter', 'number'] as const) {
    if (c[k] !== undefined) citation[k] = c[k];
  }
  if (c.ff) citation.ff = true;
  if (c.more?.length) citation.more = c.more;
  if (c.lawStart !== undefined && c.lawEnd !== undefined) citation.lawSpan = span(c.lawStart, c.lawEnd);
  return citation;
}
