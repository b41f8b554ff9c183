/** What an import produced: the contract in the AVV dialect and what could not be mapped. */
export interface ImportResult {
  markdown: string;
  /** What the import could not map, with the 0-based line of the produced Markdown where it applies. */
  report: ImportReportEntry[];
}

export interface ImportReportEntry {
  message: string;
  line?: number;
}

/**
 * The intermediate form both importers produce: blocks of contract text with the numbers Word computed
 * (or the text carried) already separated from the text, so the writer can apply one set of rules.
 */
export type ImportBlock =
  | { kind: 'title'; text: string }
  | {
    kind: 'heading';
    /** 1 for top-level sections and annexes ("##"), 2 for their subsections … */
    depth: number;
    /** A number the importer added (Word's automatic numbering): "§ 3", "2.1", "Anlage 2". */
    label?: string;
    text: string;
    annex: boolean;
  }
  | {
    kind: 'paragraph';
    text: string;
    /** A marker the importer added: "(2)", "b)", "2.1", or "-" for bullets. */
    marker?: string;
    item?: 'letter' | 'number' | 'bullet';
    /** Kept line by line (title block, rubrum lines of text exports, signature block). */
    verbatim?: boolean;
    signature?: boolean;
  }
  | { kind: 'table'; rows: string[][] }
  /** An empty paragraph or blank line: separates groups of verbatim lines. */
  | { kind: 'gap' };

/** What a reader of the source (DOCX or text) hands to the writer. */
export interface ImportDraft {
  blocks: ImportBlock[];
  /** Report entries by block index (the writer turns the index into a Markdown line). */
  notes: { block?: number; message: string }[];
}
