import type { ParsedContract } from '../model/build.js';
import type { Directive, Span } from '../model/types.js';
import { DetectorContext } from './context.js';
import { requirementDetectors } from './registry.js';
import type { Coverage, Detector, RequirementCoverage } from './types.js';

const FINAL_PROVISIONS = /Schlussbestimmung|Schlussvorschrift|Sonstiges|Allgemeine\s+Bestimmungen|Verschiedenes/u;

/**
 * How far a contract covers each legal requirement: PRESENT, PARTIAL (with what is missing), MISSING
 * (with the section where it belongs) or n/a. `avv-assert ID -- reason` makes a requirement present,
 * `avv-not-applicable ID -- reason` not applicable; directives without a reason are ignored.
 */
export function assessCoverage(parsed: ParsedContract, detectors: readonly Detector[] = requirementDetectors): Coverage {
  const ctx = new DetectorContext(parsed);
  return new Map(detectors.map((d) => [d.id, assessRequirement(ctx, d)]));
}

// one context and one result per requirement and parse: the 44 rules and the coverage report share them
const memo = new WeakMap<ParsedContract, { ctx: DetectorContext; results: Map<string, RequirementCoverage> }>();

/**
 * The coverage of one requirement for a parse, computed once: the requirement rule and the coverage report
 * of the analysis read the same result. A detector that throws is not memoised (its rule reports it).
 */
export function coverageFor(parsed: ParsedContract, detector: Detector): RequirementCoverage {
  let entry = memo.get(parsed);
  if (!entry) memo.set(parsed, (entry = { ctx: new DetectorContext(parsed), results: new Map() }));
  let result = entry.results.get(detector.id);
  if (!result) entry.results.set(detector.id, (result = assessRequirement(entry.ctx, detector)));
  return result;
}

/** The coverage of one requirement (the rules use it to keep a failing detector to its own rule). */
export function assessRequirement(ctx: DetectorContext, detector: Detector): RequirementCoverage {
  const { anchor, atHome: anchorAtHome } = anchorOf(ctx, detector);
  const directive = ctx.model.directives.find((d): d is Directive & { reason: string } =>
    (d.verb === 'assert' || d.verb === 'not-applicable') && d.reason !== undefined && d.ids.includes(detector.id));
  if (directive) {
    const evidence: Span = { start: directive.start, end: directive.end, range: directive.range };
    return { status: directive.verb === 'assert' ? 'present' : 'n/a', evidence: [evidence], missing: [], disputed: [], anchor, anchorAtHome, byDirective: true };
  }
  const found = detector.detect(ctx);
  return { status: found.status, evidence: found.evidence, missing: found.missing, disputed: found.disputed ?? [], anchor, anchorAtHome };
}

/**
 * Where a requirement belongs: the section its detector names (at home), else, as a fallback for showing the
 * finding only, the last main section before the final provisions (or before the signature block), else the
 * start of the document.
 */
function anchorOf(ctx: DetectorContext, detector: Detector): { anchor: Span; atHome: boolean } {
  const custom = detector.anchor?.(ctx);
  if (custom) return { anchor: { start: custom.start, end: custom.end, range: custom.range }, atHome: true };
  const { model } = ctx;
  const home = detector.home;
  const main = model.allSections.filter((s) => s.kind === 'section');
  const section = home && (main.find((s) => home.test(s.title)) ?? model.annexes.find((s) => home.test(s.title)));
  if (section) return { anchor: section.heading, atHome: true };
  const top = model.sections;
  const final = top.findIndex((s) => FINAL_PROVISIONS.test(s.title));
  if (final > 0) return { anchor: top[final - 1]!.heading, atHome: false };
  const signature = model.signatureBlock;
  const beforeSignature = signature ? top.filter((s) => s.heading.start < signature.start) : top;
  const last = beforeSignature[beforeSignature.length - 1] ?? top[top.length - 1];
  return { anchor: last ? last.heading : ctx.span(0, 0), atHome: false };
}
