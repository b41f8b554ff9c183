/**
 * Custom requests and settings shared by client and server (written once, imported by both).
 */

export const LANGUAGE_ID = 'avv';
export const CLIENT_ID = 'avv';

/** Settings under `avv.*`, read per resource. */
export interface AvvSettings {
  /** Severity overrides by rule id: "error" | "warning" | "info" | "hint" | "off". */
  rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  /** Rule profile where no `.avvrc.json` names one. */
  profile: 'standard' | 'strict' | 'minimal';
  /** Delay between the last keystroke and the analysis of push diagnostics, in ms. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: AvvSettings = { rules: {}, profile: 'standard', debounceMs: 250 };

/** `avv/status`: counts for the status bar of one document. */
export const STATUS_REQUEST = 'avv/status';
export interface StatusParams {
  uri: string;
}
export interface StatusResult {
  version: number;
  errors: number;
  warnings: number;
  infos: number;
  sections: number;
  annexes: number;
  /** Present / applicable requirements of the Art. 28 core (the status bar's "Art. 28: 26/28"). */
  art28: { present: number; applicable: number };
}

/** `avv/coverage`: every requirement of the catalogue with its status, for the coverage view and the preview. */
export const COVERAGE_REQUEST = 'avv/coverage';
export interface CoverageItem {
  id: string;
  group: 'art28' | 'duties' | 'tom';
  status: 'present' | 'partial' | 'missing' | 'n/a';
  /** The requirement's title in the UI language. */
  title: string;
  norm: string | null;
  /** What a partial provision lacks. */
  missing: string[];
  /** The first evidence, or where a missing requirement belongs. */
  target?: { line: number; character: number };
  severity: 'error' | 'warning' | 'info' | 'hint' | 'off';
  /** The reason of the directive that decided or silenced it. */
  reason?: string;
}
export interface CoverageResult {
  version: number;
  items: CoverageItem[];
}

/** `avv/model`: the contract model of a document as plain JSON (for the preview and debugging). */
export const MODEL_REQUEST = 'avv/model';

/** `avv/preview`: the rendered contract (sanitised HTML fragment with data-line attributes). */
export const PREVIEW_REQUEST = 'avv/preview';
export interface PreviewResult {
  version: number;
  title: string;
  /** Title block, table of contents and body (sanitised). */
  html: string;
  /** The compliance panel: every requirement with its status (escaped text only). */
  compliance: string;
}

/** `avv/export`: the contract as a standalone file; `data` is base64. */
export const EXPORT_REQUEST = 'avv/export';
export type ExportFormat = 'html' | 'docx' | 'pdf';
export interface ExportParams {
  uri: string;
  format: ExportFormat;
}
export interface ExportResult {
  data: string;
  extension: string;
}

/** `avv/import`: a Word document (base64 DOCX) or a Word text export converted to AVV-Markdown. */
export const IMPORT_REQUEST = 'avv/import';
export interface ImportParams {
  name: string;
  data: string;
}
export interface ImportResultMessage {
  markdown: string;
  report: { message: string; line?: number }[];
}
