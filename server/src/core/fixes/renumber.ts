import type { ParsedContract } from '../model/build.js';
import type { Clause, CrossReference, Item, Section } from '../model/types.js';
import { formatLike, replaceNumber, sequencesOf, type Member, type Sequence } from '../rules/structure/sequences.js';
import { toTextEdits, type NEdit, type TextEdit } from './edits.js';
import { danglingSectionRefs } from './layout.js';

/**
 * Closes a numbering gap: the member at `offset` (where numbering-gap reported) and every following member
 * of its sequence are numbered consecutively from the expected number. Inserted numbers ("12a") follow their
 * predecessor, decimal sub-sections follow their section ("5.1" → "4.1"), and every cross reference that
 * resolves to a renumbered element (or into it) is rewritten so that it still points at the same text. A
 * reference part that cannot be located safely in the reference text is left alone (then dangling-reference
 * or a wrong target shows it; the rewrite never guesses).
 */
export function closeNumberingGap(parsed: ParsedContract, offset: number): { edits: TextEdit[]; from: string; to: string; masks: CrossReference[] } | undefined {
  const text = parsed.source.text;
  const sequences = sequencesOf(parsed.model, text);
  let seq: Sequence | undefined;
  let at = -1;
  for (const s of sequences) {
    const i = s.members.findIndex((m) => m.span.start === offset);
    if (i >= 0) {
      seq = s;
      at = i;
      break;
    }
  }
  if (!seq) return undefined;
  let expected = 1;
  for (const m of seq.members.slice(0, at)) if (!m.inserted && m.value !== undefined) expected = m.value + 1;
  const renumbered = new Map<Section | Clause | Item, { from: string; to: string }>();
  const edits: NEdit[] = [];
  let next = expected;
  let lastOld: string | undefined;
  let lastNew: string | undefined;
  for (const m of seq.members.slice(at)) {
    let to: string;
    if (m.inserted || m.value === undefined) {
      // "12a" after "12" → "11a"; anything else uncountable stays
      const digits = /^(.*?)(\d+)([a-z])$/iu.exec(m.number);
      if (!digits || lastOld === undefined || lastNew === undefined || digits[1]! + digits[2]! !== lastOld) continue;
      to = lastNew + digits[3]!;
    } else {
      to = formatLike(m.number, next);
      lastOld = m.number;
      lastNew = to;
      next++;
    }
    if (to === m.number) continue;
    edits.push({ start: m.span.start, end: m.span.end, newText: replaceNumber(m.marker, m.number, to) });
    renumbered.set(m.node, { from: m.number, to });
    if (seq.kind === 'sections' || seq.kind === 'annexes') renumberChildren(parsed, m, to, edits);
  }
  if (edits.length === 0) return undefined;
  for (const ref of parsed.model.references) {
    const e = rewriteReference(parsed, ref, renumbered, seq.kind);
    if (e && !edits.some((x) => x.start < e.end && e.start < x.end)) edits.push(e);
  }
  const first = seq.members[at]!;
  // a dangling reference to a number that exists after the renumbering would silently get a target (most
  // likely the wrong one: the text it meant is what is missing); the caller must not apply this unasked
  const style = (first.node as Section).style;
  const masks = seq.kind !== 'sections' ? [] : danglingSectionRefs(parsed, style).filter(({ n }) => n >= expected && n < next).map(({ ref }) => ref);
  return { edits: toTextEdits(parsed, edits), from: first.marker, to: renumbered.get(first.node) ? replaceNumber(first.marker, first.number, renumbered.get(first.node)!.to) : first.marker, masks };
}

/** Decimal sub-sections carry their parent's number: "5.1" moves with "5". */
function renumberChildren(parsed: ParsedContract, m: Member, to: string, edits: NEdit[]): void {
  const section = m.node as Section;
  const visit = (s: Section): void => {
    for (const c of s.children) {
      if (!c.number.startsWith(`${m.number}.`)) continue;
      const newNumber = to + c.number.slice(m.number.length);
      const marker = parsed.source.text.slice(c.numberSpan.start, c.numberSpan.end);
      const i = marker.indexOf(c.number);
      if (i >= 0) edits.push({ start: c.numberSpan.start + i, end: c.numberSpan.start + i + c.number.length, newText: newNumber });
      visit(c);
    }
  };
  if ('children' in section) visit(section);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The renumbered element the reference points at or into, nearest first. */
function renumberedAncestor(target: Section | Clause | Item, renumbered: Map<Section | Clause | Item, { from: string; to: string }>): { from: string; to: string } | undefined {
  let node: Section | Clause | Item | undefined = target;
  while (node) {
    const hit = renumbered.get(node);
    if (hit) return hit;
    if ('parentItem' in node && node.parentItem) node = node.parentItem;
    else if ('clause' in node && node.clause) node = node.clause;
    else if ('section' in node && !('heading' in node)) node = node.section;
    else node = (node as Section).parent;
  }
  return undefined;
}

function rewriteReference(parsed: ParsedContract, ref: CrossReference, renumbered: Map<Section | Clause | Item, { from: string; to: string }>, kind: Sequence['kind']): NEdit | undefined {
  if (!ref.target || ref.external || ref.resolution === 'none') return undefined;
  const hit = renumberedAncestor(ref.target, renumbered);
  if (!hit) return undefined;
  const own = parsed.source.text.slice(ref.start, ref.end);
  const from = escape(hit.from);
  // where the renumbered part stands in the reference, by the word that introduces it
  const pattern =
    kind === 'clauses' ? new RegExp(`((?:Abs(?:atz|\\.)|\\()\\s*)${from}(?![\\p{L}\\d])`, 'u')
    : kind === 'items' ? new RegExp(`((?:lit(?:era|\\.)?|Buchst(?:abe|\\.)|Nr\\.|Nummer)\\s*)${from}(?![\\p{L}\\d])`, 'u')
    : new RegExp(`(^|[^\\p{L}\\d.])${from}(?![\\p{L}\\d])`, 'u');
  const m = pattern.exec(own);
  if (!m) return undefined;
  const start = ref.start + m.index + m[1]!.length;
  return { start, end: start + hit.from.length, newText: hit.to };
}
