import type { ParsedContract } from '../model/build.js';
import type { ContractModel, Section, Span, TextBlock } from '../model/types.js';
import { isNegatedAt, rx, splitSentences } from './text.js';

/** One sentence of a text block, in masked text (Markdown syntax blanked), with n-offsets. */
export interface Sentence extends Span {
  text: string;
  block: TextBlock;
  heading: boolean;
  /** The top-level annex it stands in, if any. */
  annex?: Section;
  index: number;
}

/** A sentence where every pattern of a search matched; `negated` refers to the first pattern's match. */
export interface Hit {
  s: Sentence;
  negated: boolean;
}

export interface FindOptions {
  /** Also search headings (a heading alone never regulates anything; off by default). */
  headings?: boolean;
  /** Search the TOM annex too (on by default). */
  tom?: boolean;
  where?: (s: Sentence) => boolean;
  /** Restrict to these sentences. */
  in?: readonly Sentence[];
}

const CONTROLLER = String.raw`Verantwortlich\p{L}*|Auftraggeber\p{L}*`;
const PROCESSOR = String.raw`Auftragsverarbeiter\p{L}*|Auftragnehmer\p{L}*`;
const SUBPROCESSOR = String.raw`Unterauftrag\p{L}*|Sub-?\s?(?:unternehm|dienstleist|auftragnehm|auftragsverarbeit|prozessor)\p{L}*|Unterbeauftrag\p{L}*|Unterverarbeiter\p{L}*|weiter\p{L}*\s+(?:Auftrags)?verarbeiter\p{L}*|weiter\p{L}*\s+Dienstleister\p{L}*`;
const compiled = new Map<string, RegExp>();

/** Sentence texts are shorter than the analysis limit (512 KB < 2^20), so index and length pack into one number. */
const MATCH_SCALE = 2 ** 20;
/** Memoised matches per document; dropped as a whole beyond this many (old versions' sentences pile up). */
const MEMO_LIMIT = 400_000;
interface SentenceMemo { matches: WeakMap<RegExp, Map<string, number>>; size: number }
const memos = new WeakMap<object, SentenceMemo>();

function sentenceMemoOf(session: object): SentenceMemo {
  let memo = memos.get(session);
  if (!memo || memo.size > MEMO_LIMIT) memos.set(session, (memo = { matches: new WeakMap(), size: 0 }));
  return memo;
}
// old templates title the measures after the repealed § 9 BDSG and its annex ("Anlage – Maßnahmen nach § 9 BDSG")
const TOM_SECTION = rx(String.raw`technisch\p{L}*\s+und\s+organisatorisch|\bTOMs?\b|Sicherheit|Schutzmaßnahmen|Sicherheitsmaßnahmen|Art\.\s*32\b|§\s*9\s+(?:S(?:atz|\.)\s*1\s+)?BDSG\b`);

/**
 * What every detector reads: the contract's sentences, role synonyms (including the contract's own defined
 * role terms) and search helpers. Built once per contract by {@link assessCoverage}.
 */
export class DetectorContext {
  readonly model: ContractModel;
  readonly scan: string;
  readonly sentences: Sentence[] = [];
  /** Sentences that describe the technical and organisational measures (TOM annex, TOM section). */
  readonly tomScope: Sentence[];
  private readonly roles: Record<'CTRL' | 'PROC' | 'SUB', string>;

  private readonly memo: SentenceMemo;

  constructor(readonly parsed: ParsedContract) {
    this.model = parsed.model;
    this.memo = sentenceMemoOf(parsed.session);
    this.scan = parsed.scan;
    const extra = (role: 'controller' | 'processor') => this.model.terms
      .filter((t) => t.role === role)
      .flatMap((t) => [t.term, ...t.aliases])
      .filter((n) => n.length >= 3)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + String.raw`\p{L}{0,2}`);
    this.roles = {
      CTRL: `(?:${[CONTROLLER, ...extra('controller')].join('|')})`,
      PROC: `(?:${[PROCESSOR, ...extra('processor')].join('|')})`,
      SUB: `(?:${SUBPROCESSOR})`,
    };
    for (const block of this.model.blocks) {
      const annex = block.section ? topOf(block.section) : undefined;
      for (const sp of splitSentences(this.scan.slice(block.start, block.end), block.start)) {
        const s: Sentence = { ...sp, range: parsed.source.range(sp.start, sp.end), text: this.scan.slice(sp.start, sp.end), block, heading: block.kind === 'heading' && !isInlineClause(block), index: this.sentences.length };
        if (annex?.kind === 'annex') s.annex = annex;
        this.sentences.push(s);
      }
    }
    // in the main text only listed measures count, not the obligations around them ("a) Der Auftragsverarbeiter ergreift …")
    const roleWord = rx(`\\b${this.roles.CTRL}|\\b${this.roles.PROC}`);
    this.tomScope = this.sentences.filter((s) => s.annex ? s.annex.annexKind === 'tom'
      : s.block.section !== undefined && sectionChain(s.block.section).some((x) => TOM_SECTION.test(x.title)) &&
        (s.block.kind === 'item' || s.block.kind === 'cell' || s.heading) && !roleWord.test(s.text));
  }

  /** Compiles a pattern with the role placeholders {CTRL}, {PROC}, {SUB} filled in (cached). */
  rx(source: string): RegExp {
    const full = source.replace(/\{(CTRL|PROC|SUB)\}/g, (_, k: 'CTRL' | 'PROC' | 'SUB') => this.roles[k]);
    let r = compiled.get(full);
    if (!r) {
      // compiling Unicode case-insensitive patterns is costly: keep them across contracts (bounded by the role terms in use)
      if (compiled.size > 2000) compiled.clear();
      compiled.set(full, (r = rx(full)));
    }
    return r;
  }

  /** Tagged-template form of {@link rx}. */
  readonly re = (strings: TemplateStringsArray, ...subs: string[]): RegExp => this.rx(String.raw({ raw: strings.raw }, ...subs));

  /** Sentences in which every pattern matches. */
  find(patterns: RegExp | readonly RegExp[], opts: FindOptions = {}): Hit[] {
    const list = Array.isArray(patterns) ? patterns : [patterns as RegExp];
    const out: Hit[] = [];
    for (const s of opts.in ?? this.sentences) {
      if (s.heading && !opts.headings) continue;
      if (opts.tom === false && s.annex?.annexKind === 'tom') continue;
      if (opts.where && !opts.where(s)) continue;
      let first = -1;
      let ok = true;
      for (const p of list) {
        const m = this.match(p, s.text);
        if (m < 0) { ok = false; break; }
        if (first < 0) first = m;
      }
      if (ok && first >= 0) out.push({ s, negated: isNegatedAt(s.text, Math.floor(first / MATCH_SCALE), first % MATCH_SCALE) });
    }
    return out;
  }

  /**
   * The first match of `pattern` in a sentence's text as index × MATCH_SCALE + length, or -1. Memoised per
   * document across versions: a keystroke changes one sentence, and the detectors ask the same patterns of
   * the same sentences again (more than half of the coverage's time on long contracts).
   */
  private match(pattern: RegExp, text: string): number {
    if (pattern.global || pattern.sticky) {
      pattern.lastIndex = 0;
      const m = pattern.exec(text);
      return m ? m.index * MATCH_SCALE + m[0].length : -1;
    }
    let byText = this.memo.matches.get(pattern);
    if (!byText) this.memo.matches.set(pattern, (byText = new Map()));
    let v = byText.get(text);
    if (v === undefined) {
      const m = pattern.exec(text);
      v = m ? m.index * MATCH_SCALE + m[0].length : -1;
      byText.set(text, v);
      this.memo.size++;
    }
    return v;
  }

  /** Non-negated sentences in which every pattern matches. */
  findPositive(patterns: RegExp | readonly RegExp[], opts: FindOptions = {}): Sentence[] {
    return this.find(patterns, opts).filter((h) => !h.negated).map((h) => h.s);
  }

  /** The sentences of the same Absatz (or, outside Absätze, of the same section), in order. */
  groupOf(s: Sentence): Sentence[] {
    return this.groups().get(groupKey(s)) ?? [];
  }

  /** The text of a sentence's group (clause or section), for co-occurrence over sentences and list items. */
  groupText(s: Sentence): string {
    const key = groupKey(s);
    let text = this.groupTexts.get(key);
    if (text === undefined) this.groupTexts.set(key, (text = this.groupOf(s).map((x) => x.text).join(' ')));
    return text;
  }

  private groupIndex?: Map<object, Sentence[]>;
  private readonly groupTexts = new Map<object, string>();

  /** Sentences by group, built once: detectors ask for groups thousands of times on long contracts. */
  private groups(): Map<object, Sentence[]> {
    if (this.groupIndex) return this.groupIndex;
    const index = new Map<object, Sentence[]>();
    for (const x of this.sentences) {
      // a heading outside an Absatz belongs to no section group (but is its own block group when unsectioned)
      if (x.heading && x.block.section && !x.block.clause) continue;
      const key = groupKey(x);
      const list = index.get(key);
      if (list) list.push(x);
      else index.set(key, [x]);
    }
    return (this.groupIndex = index);
  }

  /** The sentences of a section and its subsections. */
  sectionSentences(section: Section): Sentence[] {
    return this.sentences.filter((x) => x.start >= section.start && x.end <= section.end);
  }

  /** Whether a sentence stands in a section (or annex) whose title or parents' titles match. */
  inSection(s: Sentence, title: RegExp): boolean {
    return s.block.section !== undefined && sectionChain(s.block.section).some((x) => title.test(x.title));
  }

  span(start: number, end: number): Span {
    return { start, end, range: this.parsed.source.range(start, end) };
  }
}

/** "1.1 Der Auftragsverarbeiter übernimmt …": a numbered paragraph the structure reads as an untitled subsection. */
function isInlineClause(block: TextBlock): boolean {
  const section = block.section;
  return section !== undefined && section.title.trim() === '' && block.text.length > section.label.length + 15;
}

function topOf(s: Section): Section {
  let t = s;
  while (t.parent) t = t.parent;
  return t;
}

function sectionChain(s: Section): Section[] {
  const out: Section[] = [];
  for (let t: Section | undefined = s; t; t = t.parent) out.push(t);
  return out;
}

/** Evidence spans from sentences: deduplicated, in document order. */
export function spansOf(sentences: readonly (Sentence | Span)[]): Span[] {
  const seen = new Set<number>();
  const out: Span[] = [];
  for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
    if (seen.has(s.start)) continue;
    seen.add(s.start);
    out.push({ start: s.start, end: s.end, range: s.range });
  }
  return out;
}

/** The group a sentence belongs to: its Absatz, else its section, else its own block. */
function groupKey(s: Sentence): object {
  return s.block.clause ?? s.block.section ?? s.block;
}
