import type { Span } from '../model/types.js';
import { spansOf, type Sentence } from './context.js';
import type { Detection } from './types.js';

/** Builders for detector results. */

export const MISSING: Detection = { status: 'missing', evidence: [], missing: [] };
export const NOT_APPLICABLE: Detection = { status: 'n/a', evidence: [], missing: [] };

/**
 * PRESENT when nothing is missing, otherwise PARTIAL. `missing` may hold falsy entries for checks that passed
 * (`[!documented && M.x, …]`); `disputed` names the parts lawyers may judge otherwise.
 */
export function judge(evidence: readonly (Sentence | Span)[], missing: readonly (string | false | undefined)[], disputed: readonly string[] = []): Detection {
  const parts = [...new Set(missing.filter((m): m is string => typeof m === 'string'))];
  const result: Detection = { status: parts.length ? 'partial' : 'present', evidence: spansOf(evidence), missing: parts };
  const d = disputed.filter((x) => parts.includes(x));
  if (d.length) result.disputed = d;
  return result;
}

/** Unique sentences in document order. */
export function uniq(...lists: readonly (readonly Sentence[])[]): Sentence[] {
  const seen = new Set<number>();
  return lists.flat().filter((s) => !seen.has(s.index) && seen.add(s.index)).sort((a, b) => a.index - b.index);
}
