import type { Position, Range } from '../text/lineIndex.js';

export type { Position, Range };

/**
 * The contract model: what a lawyer knows about the document's structure. Every element carries its
 * range in the original text (LSP coordinates) and its n-offsets (normalised text) for further matching.
 */

export interface Span {
  /** n-offsets: positions in the normalised text. */
  start: number;
  end: number;
  range: Range;
}

export type Role = 'controller' | 'processor';

/** How a section is numbered: the written form decides how lawyers cite it. */
export type NumberingStyle =
  | 'paragraph' // § 5
  | 'ziffer' // Ziffer 7
  | 'artikel' // Artikel 3
  | 'klausel' // Klausel 7
  | 'decimal' // 1. / 1.1 / 1.1.1
  | 'roman' // I. / II.
  | 'alpha' // A. / B.
  | 'annex' // Anlage 2 / Anhang III
  | 'none'; // unnumbered heading

/** How the heading was written: the evidence it is a heading at all. */
export type HeadingForm = 'markdown' | 'bold' | 'line' | 'list';

export interface Section extends Span {
  kind: 'section' | 'annex';
  style: NumberingStyle;
  /** The number as written, without decoration: "5", "7.2", "II", "" for unnumbered. */
  number: string;
  /** Numeric parts for comparisons and gap checks: "7.2" → [7, 2], "III" → [3], "12a" → [12]. */
  parts: number[];
  /** How a lawyer cites it: "§ 5", "Ziffer 7", "2.1", "II.", "Anlage 2", "Anhang III". */
  label: string;
  title: string;
  /** 1 for top level (annexes are top level too). */
  level: number;
  form: HeadingForm;
  /** The heading line (number and title). */
  heading: Span;
  /** The number as written in the heading ("§ 5", "2.1"), for numbering checks and fixes. */
  numberSpan: Span;
  children: Section[];
  /** Absätze: (1), (2) … or 1., 2. directly in this section. */
  clauses: Clause[];
  /** Items (a), b), Nr. 1, bullets) directly in this section, outside any clause. */
  items: Item[];
  /** Parent section, undefined for top-level sections and annexes. */
  parent?: Section;
  /** For annexes: what the annex holds, recognised from its title and content. */
  annexKind?: 'tom' | 'subprocessors' | 'description' | 'parties' | 'other';
}

export interface Clause extends Span {
  /** "3" for "(3)" or "3."; "3a" for "(3a)". */
  number: string;
  parts: number[];
  /** The marker as written: "(3)", "3.", "Abs. 3". */
  marker: string;
  markerSpan: Span;
  items: Item[];
  section: Section;
}

export interface Item extends Span {
  /** "b" for "b)", "(b)" or "lit. b"; "2" for "2)" or "Nr. 2"; "" for bullets. */
  number: string;
  marker: string;
  markerSpan: Span;
  kind: 'letter' | 'number' | 'bullet';
  /** Task-list state of "- [x]" items, otherwise null. */
  checked: boolean | null;
  /** Text after the marker, whitespace collapsed. */
  text: string;
  section: Section;
  clause?: Clause;
  /** The numbered point a lettered item belongs to ("Nr. 3 lit. b"). */
  parentItem?: Item;
  /** Lettered items under a numbered point. */
  items: Item[];
}

export interface Party extends Span {
  role: Role;
  name: string;
  legalForm?: string;
  address?: string;
  representedBy?: string;
  /** The role term(s) the contract gives this party ("Auftraggeber", "Verantwortlicher"). */
  terms: string[];
  source: 'frontmatter' | 'rubrum';
  /** Where the name itself is written. */
  nameSpan?: Span;
}

export interface DefinedTerm {
  term: string;
  aliases: string[];
  role?: Role;
  source: 'frontmatter' | 'text';
  /** Where the term is defined (the quoted word, or the front-matter key). */
  definitions: Span[];
  /** Every use of the term or an alias outside its definitions, with inflection. */
  occurrences: TermOccurrence[];
}

export interface TermOccurrence extends Span {
  /** The written form, e.g. "Auftraggebers". */
  text: string;
  /** Which name of the term it is ("Auftraggeber" or an alias). */
  name: string;
}

/** A structured reference to a norm: Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO. */
export interface Citation extends Span {
  text: string;
  /** Canonical law id: "DSGVO", "BDSG", "BDSG-alt", "BGB", or an EU act "2021/914"; "ErwG" for recitals. */
  law: string;
  /** True when the law is not written and was inferred ("Art. 32" in a DSGVO contract). */
  lawImplied: boolean;
  unit: 'Art.' | '§' | 'ErwG' | 'act';
  article?: string;
  articleTo?: string;
  ff?: boolean;
  /** Further numbers of a list: "Art. 33, 34" → ["34"]. */
  more?: string[];
  paragraph?: string;
  subparagraph?: string;
  sentence?: string;
  halfSentence?: string;
  letter?: string;
  number?: string;
  lawSpan?: Span;
}

export type ReferenceKind = 'section' | 'annex' | 'clause' | 'item';

/** A cross reference to a part of this contract (or, if external, of another document). */
export interface CrossReference extends Span {
  text: string;
  /** The normalised address, e.g. { section: "§ 5", clause: "3", item: "b" }. */
  address: { style: NumberingStyle | 'relative'; section?: string; clause?: string; nr?: string; item?: string; sentence?: string };
  /** The element it points to, as deep as it resolves. */
  target?: Section | Clause | Item;
  /** full: every part resolved; partial: the section exists but not the Abs./lit.; none. */
  resolution: 'full' | 'partial' | 'none';
  /** Points into another document (main contract, AGB, privacy policy): never dangling. */
  external?: string;
  /** The section the reference is written in. */
  from?: Section;
}

export interface Placeholder extends Span {
  text: string;
  kind: 'binding' | 'bracket' | 'blank' | 'marker';
  /** For {{path}}: the front-matter path and its value if bound. */
  path?: string;
  value?: string;
  /** Inside the parties block (rubrum or front-matter parties): severity error per the spec. */
  inParties: boolean;
}

export type DirectiveVerb = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'assert' | 'not-applicable';

export interface Directive extends Span {
  verb: DirectiveVerb;
  ids: string[];
  reason?: string;
  /** For disable: where it applies (n-offsets), computed from enable / next line. */
  scope: { start: number; end: number };
}

export interface Table extends Span {
  header: Cell[];
  rows: Cell[][];
  /** Recognised column roles, by index. */
  columns: ColumnRole[];
  /** Tab-separated lines in Word text exports are tables too. */
  form: 'gfm' | 'tabs';
}

export type ColumnRole = 'name' | 'address' | 'service' | 'location' | 'other';

export interface Cell extends Span {
  text: string;
}

export interface Subprocessor extends Span {
  name?: Cell;
  address?: Cell;
  service?: Cell;
  location?: Cell;
  table: Table;
}

export interface TomEntry extends Span {
  text: string;
  /** The heading the entry stands under ("Zutrittskontrolle", "II. Vertraulichkeit"). */
  category?: Section;
  checked: boolean | null;
}

export interface SignatureBlock extends Span {
  /** Lines naming place and date ("Ort, Datum", "Berlin, den …"). */
  dateLines: Span[];
  /** Signature lines ("______"). */
  signatureLines: Span[];
}

export interface Artifact extends Span {
  kind: 'bookmark' | 'soft-hyphen' | 'broken-sentence' | 'pandoc-attribute' | 'escaped-bracket';
  text: string;
}

export interface FrontMatter extends Span {
  /** The parsed YAML value (plain object), or undefined on a syntax error. */
  data?: Record<string, unknown>;
  errors: { message: string; span: Span }[];
  /** Ranges of keys by dotted path, e.g. "parteien.auftraggeber.name". */
  keySpans: Map<string, Span>;
  valueSpans: Map<string, Span>;
  /** Rule settings from `regeln:` / `rules:` (id → severity or "off"). */
  rules: Record<string, string>;
  profile?: string;
}

/** A leaf of text the rules read: a paragraph line group, a heading, a cell; with its position in the tree. */
export interface TextBlock extends Span {
  /** The block's text with Markdown syntax masked, whitespace collapsed for keyword matching. */
  text: string;
  kind: 'heading' | 'paragraph' | 'item' | 'cell';
  section?: Section;
  clause?: Clause;
}

export interface ContractModel {
  uri: string;
  version: number;
  title?: string;
  frontMatter?: FrontMatter;
  parties: Party[];
  terms: DefinedTerm[];
  /** Top-level sections of the main part, in order (the tree). */
  sections: Section[];
  annexes: Annex[];
  /** Every section and annex in document order, flattened. */
  allSections: Section[];
  tables: Table[];
  subprocessors: Subprocessor[];
  tomEntries: TomEntry[];
  citations: Citation[];
  references: CrossReference[];
  placeholders: Placeholder[];
  directives: Directive[];
  signatureBlock?: SignatureBlock;
  artifacts: Artifact[];
  /** Text before the first section: title block, rubrum, preamble. */
  preamble?: Span;
  blocks: TextBlock[];
  /** The dominant numbering style of the main part. */
  mainStyle: NumberingStyle;
  /** Set when the document exceeded the analysis limit: only its beginning was analysed. */
  truncated?: { analysedLength: number; totalLength: number };
}

export type Annex = Section & { kind: 'annex' };
