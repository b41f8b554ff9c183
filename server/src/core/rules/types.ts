import type { Knowledge } from '../knowledge/types.js';
import type { ParsedContract } from '../model/build.js';
import type { Range } from '../model/types.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Rule metadata: the content part lives in data/rules.json (norm, severity, titles, descriptions). */
export interface RuleMeta {
  id: string;
  kind: 'requirement' | 'outdated-reference' | 'structure' | 'product';
  /** Requirements: the part of the catalogue (art28 = mandatory core, rows 1–28; duties; tom). */
  group?: 'art28' | 'duties' | 'tom';
  norm: string | null;
  severity: Severity;
  fixable: boolean;
  disputed?: boolean;
  conditional?: boolean;
  title: { de: string; en: string };
  description: { de: string; en: string };
  partial?: { de: string; en: string }[];
  sources?: string[];
  /** Outdated references: search patterns (regular-expression sources, case-insensitive, Unicode). */
  patterns?: string[];
  /** Outdated references: the modern reference (German). */
  replacement?: string;
  /** Placeholders: the severity inside the parties block. */
  severityInParties?: Severity;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

/** One finding of one rule, with what its fix needs. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The norm the finding rests on (from the rule's metadata unless the rule names a more precise one). */
  norm: string | null;
  related: RelatedInformation[];
  /** Data a fix needs, decided with the finding (never parsed back from the message). */
  data?: Record<string, unknown>;
}

export type FindingInit = Omit<Finding, 'ruleId' | 'severity' | 'norm' | 'related'> & {
  /** For a rule family: which of its ids this finding belongs to (default: the rule's id). */
  ruleId?: string;
  severity?: Severity;
  norm?: string | null;
  related?: RelatedInformation[];
};

export interface RuleContext {
  parsed: ParsedContract;
  knowledge: Knowledge;
  meta: RuleMeta;
}

/** A rule module: one file, one id; metadata joined from data/rules.json by id. */
export interface Rule {
  id: string;
  /**
   * A rule family: one module whose findings carry several ids, each with its own metadata entry
   * (e.g. the 29 outdated references, whose patterns are data). Every id is listed here explicitly.
   */
  ids?: readonly string[];
  check(context: RuleContext, report: (finding: FindingInit) => void): void;
}
