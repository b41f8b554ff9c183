import type { Span } from '../model/types.js';
import type { DetectorContext } from './context.js';

/** How far a contract regulates one legal requirement (see docs/requirements: PRESENT / PARTIAL / MISSING). */
export type CoverageStatus = 'present' | 'partial' | 'missing' | 'n/a';

export interface RequirementCoverage {
  status: CoverageStatus;
  /** Where the contract regulates the requirement (sentences, table rows, a directive). */
  evidence: Span[];
  /**
   * What is missing, as English l10n source strings from {@link missingMessages} (translate with `l10n.t`).
   * Empty for 'present' and 'n/a'.
   */
  missing: string[];
  /** The subset of {@link missing} that lawyers may reasonably judge otherwise ("str." in the catalogue). */
  disputed: string[];
  /** The section where the requirement belongs: where a MISSING requirement is reported. */
  anchor?: Span;
  /**
   * False when no section is the requirement's home and {@link anchor} is only the fallback (the last main
   * section, or the start of the document): a clause inserted for it then gets a section of its own.
   */
  anchorAtHome?: boolean;
  /** True when an `avv-assert` / `avv-not-applicable` directive decided the status. */
  byDirective?: boolean;
}

/** Coverage of every requirement of the catalogue, by requirement id. */
export type Coverage = Map<string, RequirementCoverage>;

/** What a detector reports; the anchor is added by {@link assessCoverage}. */
export interface Detection {
  status: CoverageStatus;
  evidence: Span[];
  missing: string[];
  disputed?: string[];
}

/** One detector per requirement: reads the contract's content (not only headings) and judges its coverage. */
export interface Detector {
  id: string;
  /** Section titles where the requirement belongs (for the anchor of a MISSING finding). */
  home?: RegExp;
  /** Where the requirement belongs when no section title says it (e.g. the rubrum for the parties). */
  anchor?(ctx: DetectorContext): Span | undefined;
  /** The finding's message when nothing is found: "what was found, what is expected" (l10n applied). */
  missingMessage(): string;
  detect(ctx: DetectorContext): Detection;
}
